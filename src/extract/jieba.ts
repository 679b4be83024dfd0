/** jieba segmentation, loaded once. Used as a hint about name boundaries, never as the authority. */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

let instance: Jieba | undefined;

export function jieba(): Jieba {
  instance ??= Jieba.withDict(dict);
  return instance;
}

/** Part-of-speech tags of jieba's segmentation of `text`. */
export function tagWords(text: string): { word: string; tag: string }[] {
  return jieba().tag(text, true);
}
