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
