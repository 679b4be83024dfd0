/**
 * Text repair: damage that scraped pages carry inside sentences, undone before anything is
 * read, with every kept character still mapped to its place in the original.
 *  - Pinyin glosses after a character (國(guó)務(wù)院 → 國務院) are dropped.
 *  - Doubled punctuation (,, or ,、) loses its comma.
 *  - A "?" standing for a lost middle dot between two parts of a foreign name
 *    (阿米爾?阿卜杜拉) becomes the dot.
 *  - A date that lost its 年 or 月 to an encoding (20185月, 1023日) gets it back where the
 *    digits split one way only (2018|5月, 10|23日; 112日 could be 1|12 or 11|2 and is left).
 */
import { MappedTextBuilder, type MappedText } from "../util/mapped-text.js";
import { isHan, NAME_DOT } from "../util/chars.js";
import { normalizeChar } from "./normalize.js";

// A gloss: ( or （, one pinyin syllable with a tone mark or ü (some mirrors add a space after it), ) or ）.
const GLOSS = /[(（]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*) ?[)）]/g;
const MAX_SYLLABLE = 7;
const DOUBLED = /[,，](?=[,，、。])/g;
const LOST_DOT = /(?<=\p{Script=Han})[?？](?=\p{Script=Han})/gu;
const LOST_YEAR = /(?<![\d年])((?:19|20)\d\d)(1[0-2]|[1-9])月/g;
const LOST_MONTH = /(?<![\d月年])(\d{3,4})日/g;

/** The text with glosses removed and lost name dots restored. */
export function repairText(page: MappedText, transliteration: ReadonlySet<string>, inlineMarkers: readonly string[] = []): MappedText {
  const { text } = page;
  const cuts: [number, number, string][] = [];
  // Link labels a page put inside words (留学[微博]人员) are dropped.
  if (text.includes("[")) for (const marker of inlineMarkers) for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length)) cuts.push([i, i + marker.length, ""]);
  GLOSS.lastIndex = 0;
  for (let m = GLOSS.exec(text); m; m = GLOSS.exec(text)) {
    const before = text.codePointAt(m.index - 1) ?? 0;
    if ((m[1] as string).length <= MAX_SYLLABLE && isHan(before)) cuts.push([m.index, m.index + m[0].length, ""]);
  }
  // Doubled punctuation (，，  ，、): the comma is dropped.
  DOUBLED.lastIndex = 0;
  for (let m = DOUBLED.exec(text); m; m = DOUBLED.exec(text)) cuts.push([m.index, m.index + 1, ""]);
  LOST_DOT.lastIndex = 0;
  for (let m = LOST_DOT.exec(text); m; m = LOST_DOT.exec(text)) {
    if (isForeignNameJoin(text, m.index, transliteration)) cuts.push([m.index, m.index + 1, NAME_DOT]);
  }
  // A date's lost 年 or 月: the character is added after the last digit of the part before it.
  LOST_YEAR.lastIndex = 0;
  for (let m = LOST_YEAR.exec(text); m; m = LOST_YEAR.exec(text)) cuts.push([m.index + 3, m.index + 4, `${text[m.index + 3]}年`]);
  LOST_MONTH.lastIndex = 0;
  for (let m = LOST_MONTH.exec(text); m; m = LOST_MONTH.exec(text)) {
    const monthDigits = monthLength(m[1] as string);
    if (monthDigits) cuts.push([m.index + monthDigits - 1, m.index + monthDigits, `${text[m.index + monthDigits - 1]}月`]);
  }
  if (!cuts.length) return page;
  cuts.sort((a, b) => a[0] - b[0]);
  const out = new MappedTextBuilder();
  let at = 0;
  for (const [s, e, replacement] of cuts) {
    if (s < at) continue;
    out.appendSlice(page, at, s);
    if (replacement) out.appendReplacement(replacement, page.offsets[s] ?? s, (page.offsets[e - 1] ?? s) + 1);
    at = e;
  }
  out.appendSlice(page, at, text.length);
  return out.build();
}

/** How many leading digits of a month-and-day run without 月 are the month, when only one split reads as a date. */
function monthLength(digits: string): number | undefined {
  const splits = [1, 2].filter((k) => {
    const month = Number(digits.slice(0, k));
    const day = digits.slice(k);
    return digits[0] !== "0" && day[0] !== "0" && day.length <= 2 && month >= 1 && month <= 12 && Number(day) >= 1 && Number(day) <= 31;
  });
  return splits.length === 1 ? splits[0] : undefined;
}

/** A "?" between two runs of transliteration characters (a question ends in other words). */
function isForeignNameJoin(text: string, i: number, transliteration: ReadonlySet<string>): boolean {
  const left = text.slice(Math.max(0, i - 2), i);
  const right = text.slice(i + 1, i + 3);
  const translit = (s: string) => s.length === 2 && [...s].every((c) => transliteration.has(normalizeChar(c)));
  return translit(left) && translit(right);
}
