/**
 * jieba segmentation and part-of-speech tags (jieba-rs compiled to WebAssembly, with its
 * bundled dictionary: nothing is downloaded). Used as a hint about name boundaries, never as
 * the authority: it splits many foreign names (古/特雷斯).
 *
 * The same short strings are asked about again and again (clause openers, candidate names), and
 * each call crosses into WebAssembly, so answers are kept in a bounded memo: the answer for a
 * string never changes, so output does not depend on what is cached.
 */
import { tag } from "jieba-wasm";

type Tagged = readonly { word: string; tag: string }[];
const MEMO_LIMIT = 50_000;
const memo = new Map<string, Tagged>();

/** Part-of-speech tags of jieba's segmentation of `text` (HMM on for unknown words). */
export function tagWords(text: string): Tagged {
  let hit = memo.get(text);
  if (hit === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    hit = tag(text, true);
    memo.set(text, hit);
  }
  return hit;
}

/**
 * Whether jieba, reading text[from − 3, until), makes text[from, to) a word of its own (就|柬埔寨,
 * 同|美|总统; not 就职, 今日): the segmentation has a boundary at both ends.
 */
export function isWordAt(text: string, from: number, to: number, until: number): boolean {
  const start = Math.max(0, from - 3);
  let at = start;
  let opens = from === start;
  for (const { word } of tagWords(text.slice(start, until))) {
    if (at === from) opens = true;
    at += word.length;
    if (at === to) return opens;
    if (at > to) return false;
  }
  return false;
}
