/**
 * Asides in parentheses right after a name: the name in Latin script (盧克森(Christopher Luxon))
 * or in another region's transliteration (特朗普（川普）), and other glosses in Latin script
 * (威靈頓(Wellington)). A name aside says that the name before it is a
 * person's, and gives that person another form. Once read, an aside is blanked out of the text
 * that extraction scans, so that a list of names with asides (A(…)、B(…)及C(…)会晤) reads as a
 * list and a clause is not cut at its parentheses.
 */
import type { Lexicon } from "../lexicon/lexicon.js";
import { NAME_DOT } from "../util/chars.js";

export interface Aside {
  /** The parenthesis, both brackets included. */
  start: number;
  end: number;
  /** The name it follows, when it is another form of a person's name. */
  nameStart?: number;
  /** The other form, inside the brackets. */
  innerStart: number;
  innerEnd: number;
}

// 2–4 capitalized words in any Latin-script language (Christopher Luxon, José Núñez, Ro Khanna,
// Jean-Yves Le Drian); a dot, hyphen or apostrophe inside a word, particles (de, von, al-) between.
const LATIN_NAME = /^\p{Lu}[\p{Script=Latin}'.’-]+(?: (?:\p{Ll}{1,3}-?|\p{Lu}[\p{Script=Latin}'.’-]+)){0,4} \p{Lu}[\p{Script=Latin}'.’-]+$/u;
const LATIN_GLOSS = /^\p{Script=Latin}[\p{Script=Latin}\p{N}\x20-\x7E’]*$/u;
// A note on another spelling after a Latin gloss: (Iowa，又译爱荷华).
const OTHER_FORM_NOTE = /[,，]\s*(?:又译|又称|或译|亦译|台译|港译)/;
const OPEN = new Set(["(", "（"]);
const CLOSE = new Set([")", "）"]);
const MAX_INNER = 40;

/** The asides of a normalized text, left to right. */
export function findAsides(norm: string, lex: Lexicon): Aside[] {
  const out: Aside[] = [];
  for (let i = 1; i < norm.length; i++) {
    if (!OPEN.has(norm[i] as string)) continue;
    let j = i + 1;
    while (j < norm.length && j - i <= MAX_INNER && !CLOSE.has(norm[j] as string) && !OPEN.has(norm[j] as string) && norm[j] !== "\n") j++;
    if (!CLOSE.has(norm[j] ?? "")) continue;
    const inner = norm.slice(i + 1, j).trim();
    const nameStart = transliteratedNameBefore(norm, i, lex);
    // (Vladimir Putin，又译普丁或蒲亭): a Latin name with a note on other spellings.
    const isLatin = LATIN_NAME.test(inner) || LATIN_NAME.test(inner.split(/[,，;；]/)[0]?.trim() ?? "");
    const isOtherForm = inner.length >= 2 && inner.length <= 8 && [...inner].every((c) => lex.transliteration.has(c) || c === NAME_DOT);
    if (nameStart !== undefined && (isLatin || isOtherForm)) out.push({ start: i, end: j + 1, nameStart, innerStart: i + 1, innerEnd: j });
    // Any other gloss in Latin script (威灵顿(Wellington), (AUKUS), (Iowa，又译爱荷华)) is blanked too.
    else if (LATIN_GLOSS.test(inner) || (LATIN_GLOSS.test(inner.split(/[,，]/)[0]?.trim() ?? "") && OTHER_FORM_NOTE.test(inner))) out.push({ start: i, end: j + 1, innerStart: i + 1, innerEnd: j });
  }
  return out;
}

/** The text with every aside replaced by spaces (same length, so offsets hold). */
export function blankAsides(norm: string, asides: Aside[]): string {
  if (!asides.length) return norm;
  let out = "";
  let at = 0;
  for (const a of asides) {
    out += norm.slice(at, a.start) + " ".repeat(a.end - a.start);
    at = a.end;
  }
  return out + norm.slice(at);
}

/** Start of the run of transliteration characters (two or more, dots inside) that ends at `end`. */
function transliteratedNameBefore(norm: string, end: number, lex: Lexicon): number | undefined {
  let k = end;
  while (k > 0 && (lex.transliteration.has(norm[k - 1] as string) || (norm[k - 1] === NAME_DOT && k < end))) k--;
  while (k < end && norm[k] === NAME_DOT) k++;
  return end - k >= 2 ? k : undefined;
}
