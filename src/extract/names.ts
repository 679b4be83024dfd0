/**
 * Finding person names by structure, not by list:
 *  - after a title: 德国总理|默克尔, 联合国秘书长|古特雷斯 (the name runs to a boundary word,
 *    a cue, punctuation or the next gazetteer name; at least two characters);
 *  - before a title at the start of a clause: 习近平|主席在北京会见…;
 *  - before a speech verb at the start of a clause: 古特雷斯|表示.
 * jieba's tags are consulted to cut long candidates at a verb and to judge whether a short
 * string is a name; they are a hint only (jieba splits 古/特雷斯).
 */
import type { Lexicon } from "../lexicon/lexicon.js";
import { isNameChar, NAME_DOT, NAME_HYPHEN } from "../util/chars.js";
import { tagWords } from "./jieba.js";

const CUT_TAGS = new Set(["v", "vn", "vd", "p", "c", "d", "t", "m", "f", "r", "ad", "an", "u", "q"]);
const REGNAL = /(?<=[^一二三四五六七八九十])[一二三四五六七八九十]{1,3}世/;
const COUNTED = /[一二三四五六七八九十两几多数][位名个人]/;
const NAME_TAGS = new Set(["nr", "nrfg", "nrt", "nrj"]);
// A candidate that jieba reads as one common word of these kinds is not a name (总理|年度会晤).
const WORD_TAGS = new Set(["n", "t", "f", "m", "q", "r", "d", "p", "c", "u", "vn", "an", "ad", "s"]);

/** The end of a name starting at `start` (after a title), or start when there is none. */
export function nameAfterTitle(text: string, start: number, limit: number, lex: Lexicon, throughNames = false): number {
  if (start >= limit) return start;
  if (lex.nameBoundaries.matchesAt(text, start) || lex.names.matchesAt(text, start) || lex.cues.matchesAt(text, start)) return start;
  const max = lex.data.names.maxLengthWithDots;
  let k = start;
  let dots = 0;
  while (k < limit && k - start < max) {
    const ch = text[k] as string;
    // 胡安 卡洛斯: a space where a scraped page lost the dot between two transliterated parts.
    const lostDot = ch === " " && k - start >= 2 && [text[k - 2], text[k - 1], text[k + 1], text[k + 2]].every((c) => c !== undefined && lex.transliteration.has(c));
    if (!isNameChar(ch) && !lostDot) break;
    if (ch === NAME_DOT || ch === NAME_HYPHEN || lostDot) dots++;
    // A boundary word may sit inside a name from its third character (文在寅); a contact word never does.
    // (With throughNames a gazetteer name may be spelt inside: 海尔|马里|亚姆.)
    if ((k - start >= 2 && (lex.nameBoundaries.matchesAt(text, k) || (!throughNames && lex.names.matchesAt(text, k)))) || (k > start && lex.cues.matchesAt(text, k))) break;
    k++;
  }
  // 古屋圭司时表示: the word closing a subordinate clause before what is said is not part of the name.
  if (k - start >= 3 && text[k - 1] === "时" && (lex.speechVerbs.matchesAt(text, k) || /^[,，]/.test(text[k] ?? ""))) k--;
  // Trailing dots or hyphens are not part of the name.
  while (k > start && (text[k - 1] === NAME_DOT || text[k - 1] === NAME_HYPHEN)) k--;
  if (k - start < 2) return start;
  if (dots === 0 && k - start > lex.data.names.maxLength) k = start + lex.data.names.maxLength;
  if (dots === 0 && k - start > 3) k = cutAtVerb(text, start, k);
  if (k - start < 2) return start;
  // A verb or function word right after the title is the predicate, not a name (主席|展开了…).
  if (dots === 0 && startsWithVerb(text.slice(start, k), lex)) return start;
  // A regnal number is part of the name (穆罕默德六世, 查尔斯三世).
  const regnal = REGNAL.exec(text.slice(k - 3, Math.min(limit, k + 4)));
  if (regnal) k = k - 3 + regnal.index + regnal[0].length;
  if (dots === 0 && isCommonWord(text.slice(start, k), lex)) return start;
  // A count of people is not a name (主席团|三位成员).
  if (COUNTED.test(text.slice(start, k))) return start;
  return k;
}

/** One common word in jieba's dictionary, not spelt with transliteration characters only. */
function isCommonWord(s: string, lex: Lexicon): boolean {
  const tags = tagWords(s);
  if (tags.length !== 1 || !WORD_TAGS.has(tags[0]?.tag ?? "")) return false;
  // jieba's dictionary holds some famous full names as nouns (桥本龙太郎): a two-character family
  // name and two or three characters more are a name.
  if (s.length >= 4 && s.length <= 5 && (lex.surnames.longestAt(s, 0)?.end ?? 0) >= 2) return false;
  return ![...s].every((c) => lex.transliteration.has(c));
}

/** Whether jieba reads the start of a candidate as a verb or function word (not a name spelt in transliteration). */
function startsWithVerb(s: string, lex: Lexicon): boolean {
  const first = tagWords(s)[0];
  if (!first || first.word.length < 2 || !CUT_TAGS.has(first.tag)) return false;
  return ![...first.word].every((c) => lex.transliteration.has(c));
}

/** Cuts a name candidate where jieba sees a multi-character verb or function word. */
function cutAtVerb(text: string, start: number, end: number): number {
  let pos = start;
  for (const { word, tag } of tagWords(text.slice(start, end))) {
    if (pos - start >= 2 && word.length >= 2 && CUT_TAGS.has(tag)) return pos;
    pos += word.length;
  }
  return end;
}

// Answers per lexicon, bounded: the same candidates come up in many clauses and documents.
const nameMemo = new WeakMap<Lexicon, Map<string, boolean>>();

/** Whether a short string reads as a person's name (jieba says so, or it is a transliteration). */
export function looksLikeName(s: string, lex: Lexicon): boolean {
  let memo = nameMemo.get(lex);
  if (!memo) nameMemo.set(lex, (memo = new Map()));
  let hit = memo.get(s);
  if (hit === undefined) {
    if (memo.size >= 50_000) memo.clear();
    hit = readsAsName(s, lex);
    memo.set(s, hit);
  }
  return hit;
}

function readsAsName(s: string, lex: Lexicon): boolean {
  if (s.length < 2 || s.length > lex.data.names.maxLengthWithDots) return false;
  for (const ch of s) if (!isNameChar(ch)) return false;
  if (s.includes(NAME_DOT) || s.includes(NAME_HYPHEN)) return true;
  if (s.length > lex.data.names.maxLength) return false;
  const tags = tagWords(s);
  if (tags.length === 1 && NAME_TAGS.has(tags[0]?.tag ?? "")) return true;
  // jieba's dictionary tags some names as time words (周恩来): a family name and two characters
  // that hold nothing of a time are a name.
  if (tags.length === 1 && tags[0]?.tag === "t" && s.length === 3 && lex.surnames.longestAt(s, 0)?.end === 1 && ![...s.slice(1)].some((c) => lex.data.names.timeCharacters.includes(c))) return true;
  // A Chinese name: a family name and one or two more characters that jieba does not know
  // as a word (x) or knows as a name (耿爽, 赵立坚); 向记者 has a common word in it.
  const family = lex.surnames.longestAt(s, 0);
  if (family && s.length - family.end >= 1 && s.length - family.end <= 2) {
    if (!tags.some((t) => t.word.length >= 2 && !NAME_TAGS.has(t.tag) && t.tag !== "x")) return true;
    // A two-character family name (欧阳, 中岛) with a given name that spells a word (中岛|大地).
    if (family.end >= 2 && s.length === 4 && tags.length > 1) return true;
  }
  if (tags.some((t) => t.word.length >= 2 && CUT_TAGS.has(t.tag))) return false;
  // A transliterated name jieba knows in part (普拉|昌达: a name, then no word at all).
  if (tags.length === 2 && (tags[0]?.tag === "nrt" || tags[0]?.tag === "nr") && (tags[0]?.word.length ?? 0) >= 2 && tags[1]?.tag === "x" && [...s].filter((c) => lex.transliteration.has(c)).length >= s.length / 2) return true;
  // Two transliteration characters that jieba knows as no word at all (拉森, 萨勒).
  if (s.length === 2 && tags.length === 1 && tags[0]?.tag === "x" && [...s].every((c) => lex.transliteration.has(c))) return true;
  const translit = [...s].filter((c) => lex.transliteration.has(c)).length;
  return s.length >= 3 && translit / s.length >= 0.8 && tags.some((t) => NAME_TAGS.has(t.tag) || t.tag === "x" || t.word.length === 1);
}

/**
 * The name just before `end` (a title or speech verb), going left to the clause start or a
 * boundary word; undefined when the text there is not a name.
 */
export function nameBefore(text: string, clauseStart: number, end: number, lex: Lexicon, beforeTitle = false): { start: number; end: number } | undefined {
  // 以X|为|团长: a copula makes the title a predicate, not a name's title.
  if (lex.data.names.copulas.some((w) => text.startsWith(w, end - w.length))) return undefined;
  let start = end;
  const max = lex.data.names.maxLengthWithDots;
  while (start > clauseStart && end - start < max && isNameChar(text[start - 1] as string)) start--;
  // Drop everything up to the last boundary word, cue or gazetteer name inside the candidate.
  for (let i = start; i < end; i++) {
    const b = lex.nameBoundaries.longestAt(text, i, end) ?? lex.cues.longestAt(text, i, end) ?? lex.names.longestAt(text, i, end);
    // A boundary inside the name itself (文在寅) leaves less than two characters after it.
    if (b && end - b.end >= 2) {
      start = b.end;
      i = b.end - 1;
    }
  }
  const s = text.slice(start, end);
  if (looksLikeName(s, lex)) return { start, end };
  if (!beforeTitle) return undefined;
  // Right before a title, three or four characters jieba knows as no word at all are a name
  // (诗琳通|公主), and so is a family name with a given name that spells a word (蔡|英文|总统).
  const tags = tagWords(s);
  if (s.length >= 3 && s.length <= 4 && tags.length === 1 && tags[0]?.tag === "x" && [...s].every((c) => isNameChar(c))) return { start, end };
  const spelt = s.length === 3 && lex.surnames.longestAt(s, 0)?.end === 1 && !lex.names.matchesAt(s, 0) && tagWords(s.slice(1)).length === 1;
  return spelt ? { start, end } : undefined;
}

/** End of a dotted foreign name starting at i (伊姆兰·汗, 约瑟夫·拜登), or i when there is none. */
export function dottedNameEnd(norm: string, i: number, limit: number, lex: Lexicon): number {
  let k = i;
  let parts = 0;
  let partStart = i;
  while (k < limit) {
    const ch = norm[k] as string;
    if (lex.transliteration.has(ch)) k++;
    else if ((ch === NAME_DOT || ch === NAME_HYPHEN) && k > partStart && lex.transliteration.has(norm[k + 1] ?? "")) {
      parts++;
      k++;
      partStart = k;
    } else break;
    if (k - i > lex.data.names.maxLengthWithDots) return i;
  }
  return parts > 0 && k > partStart ? k : i;
}
