/**
 * jieba segmentation and part-of-speech tags (jieba-rs compiled to WebAssembly, with its
 * bundled dictionary: nothing is downloaded). Used as a hint about name boundaries, never as
 * the authority: it splits many foreign names (古/特雷斯).
 */
import { tag } from "jieba-wasm";

/** Part-of-speech tags of jieba's segmentation of `text` (HMM on for unknown words). */
export function tagWords(text: string): { word: string; tag: string }[] {
  return tag(text, true);
}
