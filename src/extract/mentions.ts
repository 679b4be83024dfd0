/**
 * Stage: who is named. Persons are found by structure, not by list — after a title, after a post
 * we do not list, at the start of a clause, between a preposition and a cue, before an aside, in
 * a list beside a known person, as a family name with a title (习主席) — and organizations of a
 * country by their last word (中国国家原子能机构). The names go into the document's trie, so that
 * later mentions are found too.
 */
import type { GazetteerEntity } from "../lexicon/lexicon.js";
import type { TitleData } from "../lexicon/data.js";
import { NAME_DOT } from "../util/chars.js";
import { scanTokens, type Token } from "./tokens.js";
import { dottedNameEnd, looksLikeName, nameAfterTitle, nameBefore } from "./names.js";
import type { Aside } from "./asides.js";
import { covered, clausesOf, tokensIn, type Sentence } from "./sentences.js";
import { slugify } from "../model/ids.js";
import { DocState, PERSON } from "./state.js";
import { tagWords } from "./jieba.js";

/** The name of a labelled field (…首相:NAME to the end of the line), if the rest of the line is one. */
export function labelledName(norm: string, at: number, end: number): { name: string; start: number } | undefined {
  if (norm[at] !== ":" && norm[at] !== "：") return undefined;
  const rest = norm.slice(at + 1, end);
  const name = rest.trim();
  if (name.length < 2 || name.length > MAX_FIELD_NAME || !/^[\p{Script=Han}·]+$/u.test(name)) return undefined;
  return { name, start: at + 1 + rest.indexOf(name) };
}

/** Whether the last character of `text` ends a word of two or more characters (共和 in 美国共和). */
function endsWord(text: string): boolean {
  const last = tagWords(text).at(-1);
  return last !== undefined && last.word.length >= 2;
}

const MAX_GROUP_NAME = 24;
const MAX_FIELD_NAME = 8;
// Words that open the rest of a predicate right after a counterpart's name (与X|在…会面).
const PREDICATE_AFTER_NAME = ["在", "于", "举行", "进行"];
const MAX_ORGANIZATION_NAME = 20;
const MAX_ASIDE = 40;

export class MentionStage extends DocState {
  /** Pass 1: names after titles, before titles and before speech verbs; organizations before titles. */
  discoverNames(sentences: Sentence[]): void {
    const { norm, lex } = this;
    const shortForms = new Set<string>();
    const longShortForms = new Set<string>();
    for (const s of sentences) {
      // Gazetteer tokens only: a name found earlier must not cut a longer one (萨勒 / 萨勒曼).
      const tokens = scanTokens(norm, s.start, s.end, lex);
      const clauses = clausesOf(norm, s);
      let ci = 0;
      const clauseStartOf = (pos: number) => {
        // Titles come in order: the clause pointer only moves forward.
        while (ci < clauses.length - 1 && pos > (clauses[ci] as [number, number])[1]) ci++;
        return clauses[ci]?.[0] ?? s.start;
      };
      for (let t = 0; t < tokens.length; t++) {
        const tok = tokens[t] as Token;
        if (tok.kind !== "title") continue;
        const prev = tokens[t - 1];
        // A labelled field (日本首相:田中一郎): the rest of the line after the colon is the name.
        const field = labelledName(norm, tok.end, s.end);
        if (field && (looksLikeName(field.name, lex) || [...field.name].every((c) => lex.transliteration.has(c) || c === NAME_DOT))) this.addPerson(field.name);
        const from = Math.max(clauseStartOf(tok.start), prev ? prev.end : s.start);
        // An organization just before the title (美国|盖茨基金会|联席主席).
        const org = from < tok.start && this.organizationBefore(from, tok.start, prev, tok.title);
        const next = tokens[t + 1];
        // A name the document already knows (from an aside) is not read again with what follows it.
        const known = this.names.longestAt(norm, tok.end, s.end);
        // (A signature may put a space between the post and the name: 国王 马亨德拉.)
        const spaced = norm[tok.end] === " " && norm[tok.end + 1] !== " " && (!next || next.start > tok.end + 1);
        const nameStart = spaced ? tok.end + 1 : tok.end;
        let end = nameAfterTitle(norm, nameStart, next ? next.start : s.end, lex);
        if (spaced && end === nameStart) end = tok.end;
        // A place spelt inside a transliterated name (总统|科|罗马|表示: 科罗马, not Rome).
        // (…and a country: 副总理|海尔|马里|亚姆, when the name runs on after it.)
        const inside = next && next.kind === "entity" && next.start > tok.end && (next.entity.type === "Place" || (next.entity.type === "Country" && next.start === end && lex.transliterationCodes.has(norm.charCodeAt(next.end))));
        if (next && inside) {
          const wide = nameAfterTitle(norm, tok.end, s.end, lex, next.entity.type === "Country");
          if (wide >= next.end && [...norm.slice(tok.end, wide)].every((c) => lex.transliteration.has(c) || c === NAME_DOT)) end = wide;
        }
        // …unless what follows it still spells a name (萨勒 / 萨勒曼).
        if (known && end > known.end && ![...norm.slice(known.end, end)].every((ch) => lex.transliteration.has(ch))) continue;
        if (end > nameStart) this.addPerson(norm.slice(nameStart, end));
        else if (!org && from < tok.start) {
          // No name after the title: perhaps one before it (习近平主席).
          const name = nameBefore(norm, from, tok.start, lex, true);
          if (name) this.addPerson(norm.slice(name.start, name.end));
        }
      }
      // 中国国家原子能机构: a country and a name ending in an organization word (not before a
      // title, where organizationBefore reads 美国|盖茨基金会|联席主席) is that country's organization.
      for (let t = 0; t < tokens.length; t++) {
        const tok = tokens[t] as Token;
        // …and so is a province's or city's (安徽省|人大常委会).
        if (tok.kind !== "entity" || (tok.entity.type !== "Country" && tok.entity.type !== "Place")) continue;
        const org = this.countryOrganizationAt(tok, tokens[t + 1], s.end);
        if (org) this.names.add(org, { kind: "entity", entity: { id: `org/${slugify(org)}`, type: "Organization", label: org, aliases: [] } });
      }
      // 约瑟夫·拜登: a run of transliteration characters joined by middle dots is a foreign name.
      for (let i = s.start; i < s.end; i++) {
        if (!lex.transliterationCodes.has(norm.charCodeAt(i)) || lex.transliterationCodes.has(norm.charCodeAt(i - 1))) continue;
        const end = dottedNameEnd(norm, i, s.end, lex);
        // …unless an organization word ends it (梅琳达·盖茨|基金会): the name of a foundation.
        const organization = end > i && lex.orgSuffixes.some((suf) => [...suf].some((_, k) => end - k > i && norm.startsWith(suf, end - k)));
        if (end > i && !organization && !tokensIn(tokens, Math.max(s.start, i - 64), end).some((tk) => tk.start < end && tk.end > i)) this.addPerson(norm.slice(i, end));
        if (end > i) i = end;
      }
      // 同蔡英文见面, 向王毅致信, 与普京在西湖边见面: a short name between a preposition and a
      // cue, or a word opening the rest of the predicate (在, 于) before a cue of the clause.
      const rel = lex.data.relations;
      const preps = new Set([...rel.withPrepositions, ...rel.indirectPrepositions].filter((w) => w.length === 1).map((w) => w.charCodeAt(0)));
      for (const [a, b] of clauses) {
        for (let p = a; p < b - 3; p++) {
          if (!preps.has(norm.charCodeAt(p)) || covered(tokens, p + 1)) continue;
          for (let i = p + 3; i <= Math.min(b - 1, p + 5); i++) {
            const atCue = lex.cues.matchesAt(norm, i);
            const opensPredicate = !atCue && PREDICATE_AFTER_NAME.some((w) => norm.startsWith(w, i)) && [...norm.slice(i, b)].some((_, k) => lex.cues.matchesAt(norm, i + k));
            if (!atCue && !opensPredicate) continue;
            const name = norm.slice(p + 1, i);
            const reads = looksLikeName(name, lex) && (lex.surnames.matchesAt(name, 0) || [...name].every((c) => lex.transliteration.has(c)));
            // Between a preposition and a cue, a family name and one or two characters are a name
            // even when they spell a word after it (同蔡|英文|见面), unless the whole is one word.
            const framed = atCue && name.length <= 3 && lex.surnames.longestAt(name, 0)?.end === 1 && tagWords(name).length > 1;
            if (!tokensIn(tokens, p + 1, i).length && (reads || framed || lex.canonicalName.has(name))) this.addPerson(name);
            break;
          }
        }
      }
      // 与邓小平、胡耀邦分别会见: a list of bare names between a preposition and a cue.
      for (const [a, b] of clauses) this.discoverListAfterPreposition(a, b, tokens);
      // 会见美国众议员代表团史密斯一行: a name between a delegation's noun and 一行.
      for (const [a, b] of clauses) this.discoverDelegationMember(a, b, tokens);
      // 会见了李显龙。: a short name right after a transitive cue, up to the end of its clause or a boundary word.
      for (const [a, b] of clauses) this.discoverAfterCue(a, b, tokens);
      // 习主席, 李总理: a family name and a title refer to a person (resolved once all names are in).
      for (const tok of tokens) {
        if (tok.kind !== "title" || tok.start < 1) continue;
        const family = norm[tok.start - 1] as string;
        const before = norm[tok.start - 2];
        // The family name must start a word: after punctuation or a preposition (同习主席), not 时任|国家主席.
        // A preposition only when it is not the end of a word (同习主席, not 共和|党众议员).
        const isPreposition = (before !== undefined && (lex.data.relations.withPrepositions.includes(before) || lex.data.relations.indirectPrepositions.includes(before))) && !endsWord(norm.slice(Math.max(s.start, tok.start - 7), tok.start - 1));
        // …or after a contact word (会见李总理, 佐科总统致习主席的信).
        const afterCue = [1, 2].some((k) => lex.cues.longestAt(norm, tok.start - 1 - k, tok.start - 1)?.end === tok.start - 1) || before === "致";
        const startsWord = tok.start - 1 <= s.start || before === undefined || !/\p{Script=Han}/u.test(before) || isPreposition || afterCue;
        if (startsWord && lex.surnames.longestAt(family, 0)?.end === 1 && !covered(tokens, tok.start - 1)) shortForms.add(norm.slice(tok.start - 1, tok.end));
        // 福田总理, 中曾根首相: a family name of two or three characters, opening the clause or after a mark or preposition.
        for (const k of [2, 3]) {
          const at = tok.start - k;
          if (at < s.start || covered(tokens, at) || lex.surnames.longestAt(norm, at, tok.start)?.end !== tok.start) continue;
          const opener = norm[at - 1];
          if (at === s.start || opener === undefined || !/\p{Script=Han}/u.test(opener) || lex.data.relations.withPrepositions.includes(opener) || lex.data.relations.indirectPrepositions.includes(opener)) longShortForms.add(norm.slice(at, tok.start));
        }
      }
      // 经济部政务次长陈正祺, 贸易部次长贝克: a name after a post we do not list, by its last word.
      for (const [a, b] of clauses) this.discoverAfterPosts(a, b, tokens);
      // 给意大利某中学师生回信: a group a letter is written to.
      for (const [a, b] of clauses) this.discoverLetterGroups(a, b, tokens);
      // 贝隆、兰蒂、前驻华大使布兰斯塔德: bare names listed with a known person are persons too.
      for (const [a, b] of clauses) this.discoverListMembers(a, b);
      // 某某集团捐款200万元: an organization's name at the start of a clause, before a contact word.
      for (const [a, b] of clauses) this.discoverClauseOrganization(a, b, tokens);
      // 向华中师范大学捐赠1亿元: an organization between 向 and a contact word.
      for (const [a, b] of clauses) this.discoverRecipientOrganization(a, b, tokens);
      // 古特雷斯表示, 王毅13日会见…, 李强应约同…: a name at the start of a clause, before a speech
      // verb, a cue, a time or a word that opens the predicate.
      for (const [a, b] of clauses) {
        for (let i = a + 2; i < Math.min(b, a + lex.data.names.maxLengthWithDots + 1); i++) {
          if (!lex.nameBoundaries.matchesAt(norm, i) && !/\d/.test(norm[i] as string) && !lex.predicateOpeners.matchesAt(norm, i)) continue;
          if (covered(tokens, a) || tokensIn(tokens, a, i).length > 0) break;
          // Cheap test first: a name starts with a family name or a transliteration character.
          if (!lex.surnames.matchesAt(norm, a) && !lex.transliteration.has(norm[a] as string)) break;
          if (this.names.longestAt(norm, a, i)?.end === i) break; // known already

          const name = nameBefore(norm, a, i, lex);
          if (name && name.start === a) this.addPerson(norm.slice(a, i));
          break;
        }
      }
    }
    // A short form is the one person of the document with that family name, else a person of its own.
    for (const form of [...shortForms].sort()) {
      const family = form[0] as string;
      const full = [...this.personNames].filter((n) => n.startsWith(family) && n.length >= 2 && n !== form);
      if (full.length === 1) this.names.add(form, { kind: "person", name: full[0] as string });
      else if (!full.length) this.addPerson(form);
    }
    for (const family of [...longShortForms].sort()) if (!this.names.longestAt(family, 0)) this.addPerson(family);
    // 中曾根 and 中曾根康弘: a family name of two or more characters found alone is the one person
    // of the document named in full with it (a headline often writes the family name only).
    for (const short of [...this.personNames].sort()) {
      if (short.length < 2 || lex.surnames.longestAt(short, 0)?.end !== short.length) continue;
      const full = [...this.personNames].filter((n) => n !== short && n.startsWith(short) && n.length - short.length >= 2 && !n.includes(NAME_DOT));
      if (full.length !== 1) continue;
      this.names.set(short, { kind: "person", name: full[0] as string });
      this.personNames.delete(short);
    }
  }

  /**
   * Names after a post that is not in the titles list, found by the word the post ends in
   * (…副院长, …次卿, 政务委员): the name must read as one (names.ts) and not be a common word.
   */
  protected discoverAfterPosts(a: number, b: number, tokens: Token[]): void {
    const { norm, lex } = this;
    for (let i = a; i < b; i++) {
      const post = lex.postWords.longestAt(norm, i, b);
      if (!post || covered(tokens, i) || covered(tokens, post.end)) continue;
      if (lex.data.names.notAfterPost.includes(norm[post.end] as string)) continue;
      const end = nameAfterTitle(norm, post.end, b, lex);
      if (end > post.end && !this.names.longestAt(norm, post.end)) {
        const name = norm.slice(post.end, end);
        if (looksLikeName(name, lex) || [...name].every((ch) => lex.transliteration.has(ch) || ch === NAME_DOT)) this.addPerson(name);
      }
      i = post.end - 1;
    }
  }

  /** A name written bare after a transitive cue (会见了李显龙, 接见X并…). */
  protected discoverAfterCue(a: number, b: number, tokens: Token[]): void {
    const { norm, lex } = this;
    for (let i = a; i < b; i++) {
      const cue = lex.cues.longestAt(norm, i, b);
      if (!cue) continue;
      i = cue.end - 1;
      if (!cue.values[0]?.frames.includes("transitive")) continue;
      const start = norm[cue.end] === "了" ? cue.end + 1 : cue.end;
      if (covered(tokens, start)) continue;
      let end = start;
      // 会见普拉昌达时，…: the word closing a subordinate clause (时, 期间) ends the name there.
      const ends = lex.data.relations.subordinateEnds;
      const closesClause = (k: number) => ends.some((w) => norm.charCodeAt(k) === w.charCodeAt(0) && norm.startsWith(w, k) && norm.slice(k + w.length, b).trim() === "");
      while (end < b && end - start < 5 && /\p{Script=Han}|·/u.test(norm[end] as string) && !(end - start >= 2 && (lex.nameBoundaries.matchesAt(norm, end) || closesClause(end)))) end++;
      if (end - start < 2 || (end < b && !lex.nameBoundaries.matchesAt(norm, end) && !closesClause(end) && !/[\s,，。;；、]/.test(norm[end] as string))) continue;
      const name = norm.slice(start, end);
      const translit = [...name].filter((c) => lex.transliteration.has(c) || c === NAME_DOT).length;
      const reads = looksLikeName(name, lex) && (lex.surnames.matchesAt(name, 0) || translit === name.length || (name.length >= 4 && translit >= name.length / 2));
      if (!tokensIn(tokens, start, end).length && !this.names.longestAt(name, 0) && (reads || lex.canonicalName.has(name))) this.addPerson(name);
    }
  }

  /**
   * An organization named at the start of a clause, right before a contact word (阿里巴巴集团|捐款,
   * 某某慈善基金会|向…捐赠): the text before the cue ends in an organization word and holds no
   * boundary word, gazetteer name or verb.
   */
  protected discoverClauseOrganization(a: number, b: number, tokens: Token[]): void {
    const { norm, lex } = this;
    let start = a;
    while (start < b && /\s/.test(norm[start] as string)) start++;
    // A clause opening with a channel (通过某基金向X捐款) names no organization there.
    if (lex.data.relations.channelPrepositions.some((w) => norm.startsWith(w, start))) return;
    // The name may start with the place or country it is in (北京|某某集团), never with a person or another organization.
    const inside = (i: number) => tokensIn(tokens, start, i).filter((t) => t.start < i);
    for (let i = start + 3; i < Math.min(b, start + MAX_ORGANIZATION_NAME + 1); i++) {
      // (…before a contact word, a preposition, a channel 通过, or what opens the predicate: 在峰会上宣布…)
      if (!lex.cues.matchesAt(norm, i) && !lex.data.relations.indirectPrepositions.includes(norm[i] as string) && !lex.data.relations.channelPrepositions.some((w) => norm.startsWith(w, i)) && !lex.predicateOpeners.matchesAt(norm, i)) continue;
      const name = norm.slice(start, i);
      if (!/^[\p{Script=Han}·()]+$/u.test(name) || !lex.data.names.clauseOrganizationSuffixes.some((w) => name.endsWith(w) && name.length > w.length + 1)) return;
      if ([...name].some((_, k) => k > 0 && (lex.nameBoundaries.matchesAt(name, k) || lex.speechVerbs.matchesAt(name, k)))) return;
      if (inside(i).some((t) => t.kind !== "entity" || (t.entity.type !== "Place" && t.entity.type !== "Country") || t.end >= i - 2)) return;
      if (!this.names.longestAt(name, 0)) this.names.add(name, { kind: "entity", entity: { id: `org/${slugify(name)}`, type: "Organization", label: name, aliases: [] } });
      return;
    }
  }

  /**
   * An organization named between 向/给 and a contact word (向华中师范大学捐赠1亿元, 向某某基金会致信):
   * the text between ends in an organization word and holds no boundary word, verb or name.
   */
  protected discoverRecipientOrganization(a: number, b: number, tokens: Token[]): void {
    const { norm, lex } = this;
    const preps = lex.data.relations.indirectPrepositions;
    const clause = norm.slice(a, b);
    if (!preps.some((w) => clause.includes(w))) return;
    for (let p = a; p < b; p++) {
      if (!preps.includes(norm[p] as string) || covered(tokens, p)) continue;
      for (let i = p + 4; i < Math.min(b, p + 1 + MAX_ORGANIZATION_NAME); i++) {
        if (!lex.cues.matchesAt(norm, i)) continue;
        const name = norm.slice(p + 1, i);
        if (!/^[\p{Script=Han}·()]+$/u.test(name) || !lex.data.names.clauseOrganizationSuffixes.some((w) => name.endsWith(w) && name.length > w.length + 1)) break;
        if ([...name].some((_, k) => k > 0 && (lex.nameBoundaries.matchesAt(name, k) || lex.speechVerbs.matchesAt(name, k) || lex.cues.matchesAt(name, k)))) break;
        if (tokensIn(tokens, p + 1, i).some((t) => t.kind !== "entity" || (t.entity.type !== "Place" && t.entity.type !== "Country"))) break;
        if (!this.names.longestAt(name, 0)) this.names.add(name, { kind: "entity", entity: { id: `org/${slugify(name)}`, type: "Organization", label: name, aliases: [] } });
        break;
      }
    }
  }

  /**
   * Groups written to (给意大利罗马某中学师生回信, 复信美国艾奥瓦州友人): a noun phrase between
   * 给/向 and a letter cue, or right after a letter cue, that ends in a group word is an
   * organization of its own, named as written (without a modifier ending in 的); not the country
   * or place it starts with. A list (给A校学生和B校学生) gives one group per item. What precedes
   * the group word must name it (a place with more than a country, or four characters or more):
   * 国外青年 and 美国友人 are no one group.
   */
  protected discoverLetterGroups(a: number, b: number, tokens: Token[]): void {
    const { norm, lex } = this;
    const rel = lex.data.relations;
    for (let i = a; i < b; i++) {
      const cue = lex.cues.longestAt(norm, i, b);
      const entry = cue?.values[0];
      if (!cue || !entry || entry.relation !== "wrote_to") continue;
      if (entry.frames.includes("indirect")) {
        let p = i - 1;
        while (p >= a && !rel.indirectPrepositions.includes(norm[p] as string)) p--;
        if (p >= a && !covered(tokens, p)) {
          const phrase = norm.slice(p + 1, i).trim();
          const de = phrase.lastIndexOf("的");
          for (const item of phrase.slice(de + 1).split(/[、和及与]/)) this.addLetterGroup(item);
        }
      }
      if (entry.frames.includes("transitive")) {
        const after = norm.slice(cue.end, Math.min(b, cue.end + MAX_GROUP_NAME + MAX_ASIDE));
        for (const w of rel.groupCorrespondents) {
          const k = after.indexOf(w);
          if (k > 0 && ![...after.slice(1, k)].some((_, j) => lex.nameBoundaries.matchesAt(after, j + 1))) this.addLetterGroup(after.slice(0, k + w.length));
        }
      }
      i = cue.end - 1;
    }
  }

  /** `written` may hold the blanks of an aside (美国艾奥瓦州(Iowa)友人): the name is read without them. */
  private addLetterGroup(written: string): void {
    const phrase = written.replace(/\s+/g, "");
    const group = this.lex.data.relations.groupCorrespondents.find((w) => phrase.endsWith(w));
    if (!group || phrase.length > MAX_GROUP_NAME || !/^[\p{Script=Han}·]+$/u.test(phrase) || /^\s/.test(written) || this.names.longestAt(phrase, 0)?.end === phrase.length) return;
    const who = phrase.slice(0, -group.length);
    // A group named by a country alone (美国友人) is too vague to be one group: it is left out.
    const bareCountry = this.lex.names.longestAt(who, 0)?.end === who.length;
    const named = [...who].some((_, k) => this.lex.names.longestAt(who, k)?.values.some((v) => v.kind === "entity"));
    if (bareCountry || (!named && who.length < 4)) return;
    const entity: GazetteerEntity = { id: `org/${slugify(phrase)}`, type: "Organization", label: phrase, aliases: [] };
    this.names.add(written, { kind: "entity", entity });
    if (written !== phrase) this.names.add(phrase, { kind: "entity", entity });
  }

  /**
   * Items of a 、-list in [a, b) that are bare transliterated names (2–6 characters) are persons
   * when another item of the same list ends in a person the document knows.
   */
  protected discoverListMembers(a: number, b: number): void {
    const { norm, lex } = this;
    const text = norm.slice(a, b);
    if (!text.includes("、")) return;
    const items = text.split("、").map((x) => x.trim());
    const endsInPerson = (item: string) => {
      for (let i = 0; i < item.length; i++) {
        const m = this.names.longestAt(item, i);
        if (m && m.end === item.length && m.values[0]?.kind === "person") return true;
      }
      return false;
    };
    if (!items.some(endsInPerson)) return;
    for (const item of items) {
      if (item.length < 2 || item.length > 6 || lex.names.matchesAt(item, 0) || this.names.longestAt(item, 0)?.end === item.length) continue;
      if ([...item].every((ch) => lex.transliteration.has(ch) || ch === NAME_DOT) || (item.length <= 4 && lex.surnames.matchesAt(item, 0) && looksLikeName(item, lex))) this.addPerson(item);
    }
  }

  /** 与A、B(分别)会见: every item of the list reads as a name (or is one already): each is a person. */
  protected discoverListAfterPreposition(a: number, b: number, tokens: Token[]): void {
    const { norm, lex } = this;
    const rel = lex.data.relations;
    // Cheap test first: a list needs a separator in the clause.
    let separated = false;
    for (let i = a; i < b && !separated; i++) separated = norm[i] === "、" || norm[i] === "和" || norm[i] === "及";
    if (!separated) return;
    const preps = new Set([...rel.withPrepositions, ...rel.indirectPrepositions]);
    for (let p = a; p < b; p++) {
      if (!preps.has(norm[p] as string) || covered(tokens, p)) continue;
      const windowEnd = Math.min(b, p + 30);
      let separated = false;
      for (let i = p + 2; i < windowEnd && !separated; i++) separated = norm[i] === "、" || norm[i] === "和" || norm[i] === "及";
      if (!separated) continue;
      let cue = -1;
      for (let i = p + 1; i < windowEnd; i++) {
        if (lex.cues.matchesAt(norm, i)) {
          cue = i;
          break;
        }
      }
      if (cue < 0) continue;
      let text = norm.slice(p + 1, cue).trim();
      for (const w of rel.distributiveAdverbs) if (text.endsWith(w)) text = text.slice(0, -w.length).trim();
      const items = text.split(/[、和及]/).map((x) => x.trim());
      if (items.length < 2) continue;
      const from = p + 1;
      const isNamed = (item: string) => this.names.longestAt(item, 0)?.end === item.length;
      const readsAsName = (item: string) => item.length >= 2 && item.length <= 8 && !tokensIn(tokens, from, cue).some((t) => norm.slice(t.start, t.end) === item && t.kind !== "person") && looksLikeName(item, lex) && (lex.surnames.matchesAt(item, 0) || [...item].every((c) => lex.transliteration.has(c) || c === NAME_DOT));
      if (!items.every((item) => isNamed(item) || readsAsName(item))) continue;
      for (const item of items) if (!isNamed(item)) this.addPerson(item);
    }
  }

  /** 会见美国众议员代表团史密斯一行: a name right after a delegation's noun and before a member word (一行, 等议员). */
  protected discoverDelegationMember(a: number, b: number, tokens: Token[]): void {
    const { norm, lex } = this;
    const words = lex.data.relations.delegation;
    const clause = norm.slice(a, b);
    if (!(words.membersBefore ?? []).some((w) => clause.includes(w))) return;
    for (const g of words.groups) {
      for (let k = clause.indexOf(g); k >= 0; k = clause.indexOf(g, k + 1)) {
        const from = a + k + g.length;
        for (const w of words.membersBefore ?? []) {
          const found = clause.indexOf(w, k + g.length);
          const end = found < 0 ? -1 : a + found;
          if (end < 0 || end - from < 2 || end - from > 8) continue;
          const name = norm.slice(from, end);
          if (covered(tokens, from) || this.names.longestAt(name, 0)?.end === name.length) continue;
          if ([...name].every((c) => lex.transliteration.has(c) || c === NAME_DOT) || looksLikeName(name, lex)) this.addPerson(name);
        }
      }
    }
  }

  /** Persons named before asides, and the other forms the asides give them (name → surfaces). */
  readAsides(asides: Aside[], unblanked: string): [string, string][] {
    const out: [string, string][] = [];
    for (const a of asides) {
      if (a.nameStart === undefined) continue;
      const name = unblanked.slice(a.nameStart, a.start);
      if (this.lex.names.longestAt(unblanked, a.nameStart)?.end === a.start) continue; // a gazetteer name
      const known = this.names.longestAt(name, 0);
      const person = known && known.end === name.length && known.values[0]?.kind === "person" ? known.values[0].name : undefined;
      if (!person) this.addPerson(name);
      const canonical = person ?? (this.names.longestAt(name, 0)?.values[0] as { name?: string } | undefined)?.name ?? name;
      // (Vladimir Putin，又译普丁或蒲亭): each form of the aside on its own.
      for (const [from, to] of asideForms(unblanked, a.innerStart, a.innerEnd)) {
        const form = unblanked.slice(from, to);
        if (/\p{Script=Han}/u.test(form)) this.names.add(form, { kind: "person", name: canonical });
        out.push([canonical, this.clean.text.slice(from, to)]);
      }
    }
    return out;
  }

  /** Adds the other forms read in asides to the persons' surfaces. */
  addAliases(aliases: [string, string][]): void {
    for (const [name, surface] of aliases) this.entities.get(PERSON + name)?.surfaces.add(surface);
  }

  protected addPerson(written: string): void {
    if (this.names.longestAt(written, 0)?.end === written.length) return;
    // A name does not start with a speech verb or a contact word (祝贺他, 会见了).
    if (this.lex.speechVerbs.matchesAt(written, 0) || this.lex.cues.matchesAt(written, 0)) return;
    // …nor is it a group (师生, which jieba tags as a name).
    if (this.lex.data.relations.groupCorrespondents.includes(written)) return;
    // One person under any regional form of the name (川普 = 特朗普).
    // (A space that stood for a lost dot is the dot in the name: 胡安 卡洛斯 → 胡安·卡洛斯.)
    const name = this.lex.canonicalName.get(written) ?? written.replace(/ /g, NAME_DOT);
    this.personNames.add(name);
    this.names.add(written, { kind: "person", name });
    // The family name of a foreign name is used alone later (比尔·盖茨 → 盖茨).
    const dot = Math.max(written.lastIndexOf(NAME_DOT), written.lastIndexOf(" "));
    if (dot > 0 && written.length - dot - 1 >= 2) this.names.add(written.slice(dot + 1), { kind: "person", name });
    for (const form of this.lex.nameForms.get(name) ?? []) if (form !== written && !this.names.longestAt(form, 0)) this.names.add(form, { kind: "person", name });
  }

  /** The name of a country's organization starting at a country token (中国|国家原子能机构), if any. */
  protected countryOrganizationAt(country: Token, next: Token | undefined, limit: number): string | undefined {
    const { norm, lex } = this;
    // 美国|驻|中国|大使馆: a mission of one country in another is one organization.
    const mission = lex.data.names.missionPrefix;
    if (next && next.kind === "entity" && (next.entity.type === "Country" || next.entity.type === "Place") && norm.slice(country.end, next.start) === mission) {
      const suffix = lex.orgSuffixes.find((suf) => norm.startsWith(suf, next.end));
      if (suffix) return norm.slice(country.start, next.end + suffix.length);
    }
    const max = Math.min(limit, country.end + 14, next ? next.start : limit);
    let k = country.end;
    while (k < max && /\p{Script=Han}/u.test(norm[k] as string) && !lex.cues.matchesAt(norm, k) && !lex.speechVerbs.matchesAt(norm, k) && !(k > country.end && lex.nameBoundaries.matchesAt(norm, k))) k++;
    // The longest stretch that ends in an organization word, at least two characters before it.
    for (let end = k; end > country.end + 2; end--) {
      const run = norm.slice(country.end, end);
      // …or a party of the country (越南|共产党, 加蓬|民主党).
      const suffix = lex.orgSuffixes.find((suf) => run.endsWith(suf) && run.length > suf.length) ?? (country.kind === "entity" && country.entity.type === "Country" ? this.partySuffix(run) : undefined);
      if (!suffix) continue;
      if (next && next.kind === "title" && next.start === end) return undefined; // 美国盖茨基金会联席主席
      if (lex.countryExtensions.matchesAt(norm, country.end)) return undefined; // 中国政府
      return norm.slice(country.start, end);
    }
    return undefined;
  }

  /** The party word a name ends in (…人民党), from postQualifiers.partySuffixes, if any. */
  private partySuffix(name: string): string | undefined {
    return this.lex.data.names.postQualifiers.partySuffixes.find((w) => name.endsWith(w) && name.length > w.length);
  }

  /** An organization named just before a title, ending in an organization word (…基金会). */
  protected organizationBefore(from: number, to: number, holder?: Token, title?: TitleData): boolean {
    // After a list separator (…、世界某某基金会|名誉主席): the name starts after it.
    const gap = this.norm.slice(from, to).replace(/^.*[\s、,，]/, "");
    // (A party's name may be two characters: 英国|工党.)
    const shortest = this.partySuffix(gap) ? 2 : 3;
    if (gap.length < shortest || gap.length > 20) return false;
    if (!this.lex.orgSuffixes.some((suf) => gap.endsWith(suf) && gap.length > suf.length) && !this.partySuffix(gap)) return false;
    // A boundary word cuts the name only where it is a word of its own (和 cuts 会见和|…, not 世界和平…).
    const wordStarts = new Set<number>();
    let at = 0;
    for (const { word } of tagWords(gap)) {
      wordStarts.add(at);
      at += word.length;
    }
    wordStarts.add(at);
    let start = 0;
    for (let i = 0; i < gap.length; i++) {
      const b = this.lex.nameBoundaries.longestAt(gap, i) ?? this.lex.cues.longestAt(gap, i);
      if (b && gap.length - b.end >= 3 && wordStarts.has(i) && wordStarts.has(b.end)) {
        start = b.end;
        i = b.end - 1;
      }
    }
    const label = gap.slice(start);
    if (label.length < shortest || /[^\p{Script=Han}·-]/u.test(label)) return false;
    // The place written right before it is part of its name (安徽省|人大常委会), and so is the
    // country of a state body (罗马尼亚|众议院外委会; not of 美国|盖茨基金会); the short form is kept.
    const { bodySuffixes } = this.lex.data.names.postQualifiers;
    const stateBody = [2, 3, 4].some((k) => k < label.length && bodySuffixes.some((w) => label.slice(0, k).endsWith(w)));
    // A body named by its kind alone (国民议会, 人民委员会) is no organization of its own: it is part
    // of the post, held by the country before it or of the list (巴基斯坦|国民议会议长).
    const bareBody = label.length <= 5 && bodySuffixes.some((w) => label.endsWith(w)) && ![...label].some((_, k) => this.lex.names.matchesAt(label, k));
    if (bareBody && !(holder?.kind === "entity" && holder.entity.type === "Place" && holder.end === from)) return false;
    // …and so is the country of a mission (中国|驻泰大使馆).
    const mission = label.startsWith(this.lex.data.names.missionPrefix);
    // …and of a party (智利|基督教民主党): many countries have a 人民党 or a 民主党.
    const party = this.partySuffix(label) !== undefined;
    // A state's post held by a party's member (美国民主党|参议员) is the state's, not the party's.
    if (party && title?.foreignState) return false;
    const placed = holder?.kind === "entity" && (holder.entity.type === "Place" || (holder.entity.type === "Country" && (stateBody || mission || party))) && holder.end === from && start === 0 && gap === this.norm.slice(from, to);
    // A party is named after its country (秘鲁|人民党): alone, 党 ends too many words (他当选党|主席).
    if (party && !placed) return false;
    const full = placed ? this.norm.slice((holder as Token).start, to) : label;
    // Written right after its country (秘鲁|人民党, 孟加拉国|人民联盟): the country it belongs to.
    const afterCountry = holder?.kind === "entity" && holder.entity.type === "Country" && holder.end === from && start === 0 && gap === this.norm.slice(from, to);
    const entity: GazetteerEntity = { id: `org/${slugify(full)}`, type: "Organization", label: full, aliases: placed ? [label] : [], ...(afterCountry ? { countryOf: (holder as Token & { kind: "entity" }).entity.id } : {}) };
    this.names.add(label, { kind: "entity", entity });
    if (placed) this.names.add(full, { kind: "entity", entity });
    return true;
  }
}

// Words that introduce another spelling inside an aside (Iowa，又译爱荷华), and what separates the spellings.
const OTHER_SPELLING = /^(?:又译|又称|或译|亦译|台译|港译|也译)/;

/** The spans [from, to) of the forms an aside gives: the first, then each spelling after a note word. */
function asideForms(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  const push = (from: number, to: number) => {
    while (from < to && /\s/.test(text[from] as string)) from++;
    while (to > from && /\s/.test(text[to - 1] as string)) to--;
    if (to > from) out.push([from, to]);
  };
  let from = start;
  for (let i = start; i <= end; i++) {
    const ch = text[i];
    if (i === end || ch === "," || ch === "，" || ch === ";" || ch === "；" || (i > from && (ch === "或" || ch === "、" || ch === "/") && from > start)) {
      push(from, i);
      from = i + 1;
      const note = OTHER_SPELLING.exec(text.slice(from, end).trimStart());
      if (note) from = text.indexOf(note[0], from) + note[0].length;
    }
  }
  return out;
}
