/**
 * Text repair: damage that scraped pages carry inside sentences, undone before anything is
 * read, with every kept character still mapped to its place in the original.
 *  - Pinyin glosses after a character (國(guó)務(wù)院 → 國務院) are dropped.
 *  - Doubled punctuation (,, or ,、) loses its comma.
 *  - A "?" standing for a lost middle dot between two parts of a foreign name
 *    (阿米爾?阿卜杜拉) becomes the dot.
 */
import { MappedTextBuilder, type MappedText } from "../util/mapped-text.js";
import { isHan, NAME_DOT } from "../util/chars.js";
import { normalizeChar } from "./normalize.js";

// A gloss: ( or （, one pinyin syllable with a tone mark or ü, ) or ）.
const GLOSS = /[(（]([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)[)）]/g;
const MAX_SYLLABLE = 7;
const DOUBLED = /[,，](?=[,，、。])/g;
const LOST_DOT = /(?<=\p{Script=Han})[?？](?=\p{Script=Han})/gu;

/** The text with glosses removed and lost name dots restored. */
export function repairText(page: MappedText, transliteration: ReadonlySet<string>): MappedText {
  const { text } = page;
  const cuts: [number, number, string][] = [];
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

/** A "?" between two runs of transliteration characters (a question ends in other words). */
function isForeignNameJoin(text: string, i: number, transliteration: ReadonlySet<string>): boolean {
  const left = text.slice(Math.max(0, i - 2), i);
  const right = text.slice(i + 1, i + 3);
  const translit = (s: string) => s.length === 2 && [...s].every((c) => transliteration.has(normalizeChar(c)));
  return translit(left) && translit(right);
}
