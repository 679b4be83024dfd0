/**
 * Scans a span of normalized text into tokens: gazetteer entities (countries, organizations,
 * places), titles, and the persons and organizations a document has introduced. Longest match
 * wins; on equal length the gazetteer wins. Text between tokens is left as gaps.
 */
import type { Lexicon, GazetteerEntity } from "../lexicon/lexicon.js";
import type { TitleData } from "../lexicon/data.js";
import { Trie } from "../lexicon/trie.js";
import { isWordAt } from "./jieba.js";

export type Token =
  | { kind: "entity"; start: number; end: number; entity: GazetteerEntity }
  | { kind: "title"; start: number; end: number; title: TitleData }
  | { kind: "person"; start: number; end: number; name: string };

/** Names a document has introduced: persons (by normalized name) and organizations found by structure. */
export type DocNames = Trie<{ kind: "person"; name: string } | { kind: "entity"; entity: GazetteerEntity }>;

export function newDocNames(): DocNames {
  return new Trie();
}

/** Tokens of text[start, end), left to right, non-overlapping. */
export function scanTokens(text: string, start: number, end: number, lex: Lexicon, doc?: DocNames): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    let g = lex.names.longestAt(text, i, end);
    // Latin acronyms (WHO, EU) count only as whole words.
    if (g && isAsciiWordChar(text[i]) && (isAsciiWordChar(text[i - 1]) || isAsciiWordChar(text[g.end]))) g = undefined;
    // An entity whose end is the start of a longer title (中国外交部|长 → 中国|外交部长): the title wins.
    if (g && !g.values.some((v) => v.kind === "title")) g = yieldToTitle(text, i, end, g, lex);
    // 中非|总统: a short form that names a country only before a post.
    const short = g || !lex.countriesBeforePostStarts.has(text.charCodeAt(i)) || !lex.countriesBeforePostNext.has(text.charCodeAt(i + 1)) ? undefined : beforePostCountry(text, i, end, lex);
    if (short) {
      tokens.push(short);
      i = short.end;
      continue;
    }
    const d = doc?.longestAt(text, i, end);
    if (d && (!g || d.end > g.end)) {
      const v = d.values[0];
      if (v?.kind === "person") tokens.push({ kind: "person", start: i, end: d.end, name: v.name });
      else if (v) tokens.push({ kind: "entity", start: i, end: d.end, entity: v.entity });
      i = d.end;
      continue;
    }
    if (g) {
      const prev = tokens[tokens.length - 1];
      const afterEntity = prev !== undefined && prev.end === i && prev.kind === "entity";
      // A word that is both a country and a title (苏丹) is a title right after a country (阿曼苏丹).
      const title = g.values.find((v) => v.kind === "title");
      const entity = g.values.find((v) => v.kind === "entity");
      // 大使|馆, 总统|府: the word is part of a place's or body's name, not a post.
      const partOfName = title !== undefined && lex.data.names.notTitleBefore.some((w) => text.startsWith(w, g.end));
      if (title && partOfName && !entity) {
        i = g.end;
        continue;
      }
      if (title && (!entity || afterEntity)) {
        tokens.push({ kind: "title", start: i, end: g.end, title: title.title });
      } else if (entity && entity.kind === "entity") {
        let tokenEnd = g.end;
        if (entity.entity.type === "Country") {
          // 中国政府 is China; 土库曼斯坦人民委员会 is a body of the country, not its people.
          const ext = lex.countryExtensions.longestAt(text, tokenEnd, end);
          if (ext && !startsOrganizationName(text, ext.end, lex)) tokenEnd = ext.end;
        }
        tokens.push({ kind: "entity", start: i, end: tokenEnd, entity: entity.entity });
        i = tokenEnd;
        continue;
      }
      i = g.end;
      continue;
    }
    i++;
  }
  return tokens;
}

type Match = NonNullable<ReturnType<Lexicon["names"]["longestAt"]>>;

/** The match at i, or a shorter one when a title starts inside it and runs past its end. */
function yieldToTitle(text: string, i: number, end: number, g: Match, lex: Lexicon): Match | undefined {
  for (let j = i + 1; j < g.end; j++) {
    const t = lex.names.longestAt(text, j, end);
    if (t && t.end > g.end && t.values.some((v) => v.kind === "title")) return lex.names.longestAt(text, i, j) ?? undefined;
  }
  return g;
}

/**
 * A short form that names a country only right before a post (中非|总统, 美|国务卿, 俄|外长), as
 * written there — not inside a date (3日|首相): the country and where the form and the post end.
 */
export function shortCountryBeforePost(text: string, i: number, end: number, lex: Lexicon): { entity: GazetteerEntity; end: number; postEnd: number } | undefined {
  const m = lex.countriesBeforePost.longestAt(text, i, end);
  const entity = m?.values[0];
  if (!m || !entity) return undefined;
  const title = lex.names.longestAt(text, m.end, end);
  if (!title?.values.some((v) => v.kind === "title")) return undefined;
  if (/[\d今昨明翌]/.test(text[i - 1] ?? "")) return undefined;
  return { entity, end: m.end, postEnd: title.end };
}

/** The token of a short country form before a post; a one-character form must also be a word of its own there (同|美|总统). */
function beforePostCountry(text: string, i: number, end: number, lex: Lexicon): Token | undefined {
  const m = shortCountryBeforePost(text, i, end, lex);
  if (!m) return undefined;
  // (After a preposition or a mark the form starts a word whatever jieba says: 同|法|总统.)
  const opensWord = i === 0 || /[\s、，,。；;：:（(“"]/.test(text[i - 1] as string) || lex.data.relations.withPrepositions.includes(text[i - 1] as string) || lex.data.relations.indirectPrepositions.includes(text[i - 1] as string);
  if (m.end - i === 1 && !opensWord && !isWordAt(text, i, i + 1, m.postEnd)) return undefined;
  return { kind: "entity", start: i, end: m.end, entity: m.entity };
}

/** An organization suffix within two characters of `at` (人民|委员会, 人民|代表大会). */
function startsOrganizationName(text: string, at: number, lex: Lexicon): boolean {
  for (let k = at; k <= at + 2 && k < text.length; k++) {
    // …or a party's (秘鲁|人民党, not 秘鲁人民|党).
    if (lex.orgSuffixes.some((suf) => text.startsWith(suf, k)) || lex.data.names.postQualifiers.partySuffixes.some((suf) => text.startsWith(suf, k))) return true;
    if (!/\p{Script=Han}/u.test(text[k] as string)) return false;
  }
  return false;
}

function isAsciiWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9]/.test(ch);
}
