/**
 * Baselines measured on the same input in the same run as our build:
 *  - bare jieba segmentation (jieba-wasm `cut`, the segmenter Diplograph uses) of the documents' text;
 *  - the bare n3 Writer on the same triples our Turtle export writes, against our export (which
 *    also builds, deduplicates and sorts the quads for byte-stable output).
 *   tsx bench/baselines.ts CORPUS → prints one JSON line
 */
import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { cut } from "jieba-wasm";
import { Writer } from "n3";
import { build } from "../src/build.js";
import { modelToQuads, rdfPrefixes } from "../src/export/rdf.js";
import { toTurtle } from "../src/export/turtle.js";

const corpus = process.argv[2] as string;
const withN3 = process.argv[3] !== "jieba-only";
const texts: string[] = [];
for await (const line of createInterface({ input: createReadStream(corpus, "utf8"), crlfDelay: Infinity })) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
const bytes = Buffer.byteLength(readFileSync(corpus, "utf8"));

let t = performance.now();
let words = 0;
for (const text of texts) words += cut(text, true).length;
const jiebaSeconds = (performance.now() - t) / 1000;

if (!withN3) {
  console.log(JSON.stringify({ bytes, documents: texts.length, words, jiebaSeconds }));
  process.exit(0);
}
const { model } = await build([corpus], { workers: 1 });
const quads = modelToQuads(model);
const bare = async () => {
  const w = new Writer({ prefixes: rdfPrefixes() });
  w.addQuads(quads);
  return new Promise<string>((resolve, reject) => w.end((e, r) => (e ? reject(e) : resolve(r))));
};
const best = async (f: () => Promise<unknown>) => {
  let min = Infinity;
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    await f();
    min = Math.min(min, performance.now() - s);
  }
  return min / 1000;
};
const n3Seconds = await best(bare);
const oursSeconds = await best(() => toTurtle(model));
t = performance.now();
console.log(JSON.stringify({ bytes, documents: texts.length, words, jiebaSeconds, triples: quads.length, n3WriterSeconds: n3Seconds, ourTurtleSeconds: oursSeconds }));
