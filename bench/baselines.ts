/**
 * Baselines measured on the same input in the same run as our build:
 *  - bare jieba segmentation (jieba-wasm `cut`, the segmenter Diplograph uses) of the documents' text;
 *  - with "n3": the bare n3 Writer on the same triples our Turtle export writes (prebuilt and
 *    sorted), against our export of the same model (toTurtle: it sorts the model's parts, makes
 *    the quads in sorted blocks and writes them in n3's syntax, export/rdf-text.ts). The model
 *    is built in memory, so keep this to corpora of a few MB.
 *   tsx bench/baselines.ts CORPUS [jieba|n3] → prints one JSON line
 */
import { createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { cut } from "jieba-wasm";
import { Writer } from "n3";
import { build } from "../src/build.js";
import { modelToQuads, rdfPrefixes } from "../src/export/rdf.js";
import { toTurtle } from "../src/export/turtle.js";

const corpus = process.argv[2] as string;
const mode = process.argv[3] ?? "jieba";
const bytes = statSync(corpus).size;

if (mode === "jieba") {
  let t = 0;
  let words = 0;
  let documents = 0;
  // Read a line at a time (a large corpus does not fit in memory as one array); only cut is timed.
  for await (const line of createInterface({ input: createReadStream(corpus, "utf8"), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const text = (JSON.parse(line) as { text: string }).text;
    const s = performance.now();
    words += cut(text, true).length;
    t += performance.now() - s;
    documents++;
  }
  console.log(JSON.stringify({ bytes, documents, words, jiebaSeconds: t / 1000 }));
} else {
  const { model } = await build([corpus], { workers: 1 });
  const quads = modelToQuads(model);
  const bare = () =>
    new Promise<string>((resolve, reject) => {
      const w = new Writer({ prefixes: rdfPrefixes() });
      w.addQuads(quads);
      w.end((e, r) => (e ? reject(e) : resolve(r)));
    });
  // Best of five, alternating, so that both meet the same machine: wall-clock time, and the
  // process's CPU time (user + system, the collector's threads included), which other work on a
  // shared machine disturbs less.
  let n3 = Infinity;
  let ours = Infinity;
  let n3Cpu = Infinity;
  let oursCpu = Infinity;
  const cpu = (since: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  for (let i = 0; i < 5; i++) {
    let c = process.cpuUsage();
    let s = performance.now();
    await bare();
    n3 = Math.min(n3, performance.now() - s);
    n3Cpu = Math.min(n3Cpu, cpu(c));
    c = process.cpuUsage();
    s = performance.now();
    await toTurtle(model);
    ours = Math.min(ours, performance.now() - s);
    oursCpu = Math.min(oursCpu, cpu(c));
  }
  console.log(JSON.stringify({ bytes, triples: quads.length, n3WriterSeconds: n3 / 1000, ourTurtleSeconds: ours / 1000, n3WriterCpuSeconds: n3Cpu / 1000, ourTurtleCpuSeconds: oursCpu / 1000 }));
}
