/**
 * Large builds stream: the files a build writes (merge on disk, outputs a block at a time) are
 * the bytes the whole-model writers give for the same input, and memory does not hold the corpus.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "../src/build.js";
import { readInputs } from "../src/ingest/read.js";
import { extractDocument, type DocumentExtraction } from "../src/extract/document.js";
import { getLexicon } from "../src/lexicon/lexicon.js";
import { mergeExtractions } from "../src/model/merge.js";
import { modelToQuads } from "../src/export/rdf.js";
import { writeQuads } from "../src/export/turtle.js";
import { jsonLdText } from "../src/export/jsonld.js";
import { documentLines, entityLines, eventLines } from "../src/export/jsonl.js";
import { extractionLine } from "../src/model/extractions-store.js";
import { DiplographGraph } from "../src/graph/api.js";
import { graphJson } from "../src/graph/export.js";
import { generateCorpus } from "../bench/corpus.js";
import { CORPUS, FIXTURES, ROOT, tempDir } from "./helpers/paths.js";

/** Every output file as the whole-model build wrote it: all extractions, one model, all quads sorted in memory. */
async function wholeModelFiles(inputs: string[], base?: string): Promise<Record<string, string>> {
  const byId = new Map<string, DocumentExtraction>();
  for await (const item of readInputs(inputs)) {
    if (item.kind === "document") byId.set(item.doc.id, extractDocument(item.doc, { lexicon: getLexicon(), homeCountry: "CN" }));
  }
  const extractions = [...byId.values()].sort((a, b) => (a.info.id < b.info.id ? -1 : 1));
  const model = mergeExtractions(extractions);
  const rdf = base ? { base } : {};
  const named = modelToQuads(model, { ...rdf, namedGraphs: true });
  return {
    "events.jsonl": [...eventLines(model)].join(""),
    "entities.jsonl": [...entityLines(model)].join(""),
    "documents.jsonl": [...documentLines(model)].join(""),
    "graph.ttl": await writeQuads(modelToQuads(model, rdf), "Turtle", base),
    "graph.nq": await writeQuads(named, "N-Quads", base),
    "graph.trig": await writeQuads(named, "TriG", base),
    "graph.jsonld": jsonLdText(named, base),
    "graph.json": JSON.stringify(graphJson(new DiplographGraph(model, rdf))) + "\n",
    "extractions.jsonl": extractions.map(extractionLine).join(""),
  };
}

function expectSameFiles(dir: string, want: Record<string, string>): void {
  for (const [name, text] of Object.entries(want)) {
    const got = readFileSync(join(dir, name), "utf8");
    // Compared as text first for a readable failure, bytes being what matters.
    expect(got.length, name).toBe(text.length);
    expect(got === text, name).toBe(true);
  }
}

function writeGenerated(megabytes: number): string {
  const file = join(tempDir(), "generated.jsonl");
  writeFileSync(file, [...generateCorpus(megabytes * 1_000_000, 7)].map((d) => JSON.stringify(d) + "\n").join(""));
  return file;
}

describe("streamed build", () => {
  it("writes what the whole-model writers write, on the bundled corpus", async () => {
    const inputs = [CORPUS, join(FIXTURES, "own"), join(FIXTURES, "holdout")];
    const dir = tempDir();
    await build(inputs, { out: dir, base: "http://example.org/data/", model: false });
    expectSameFiles(dir, await wholeModelFiles(inputs, "http://example.org/data/"));
  });

  it("writes the same when every sort spills to many runs on disk, on a generated corpus", async () => {
    const file = writeGenerated(0.2);
    const dir = tempDir();
    const r = await build([file], { out: dir, workers: 2, sortBudget: 20_000 });
    expect(r.counts.events).toBeGreaterThan(1000);
    expect(r.model.events).toHaveLength(r.counts.events);
    expectSameFiles(dir, await wholeModelFiles([file]));
  });

  it("extracts a syndicated copy once and writes what extracting every copy writes", async () => {
    const dir = tempDir();
    const articles = [join(CORPUS, "000_6cdceab04aad32ca.txt"), join(FIXTURES, "own/01_li_ardern_call.txt")].map((f) => readFileSync(f, "utf8"));
    const file = join(tempDir(), "copies.jsonl");
    const copies = [0, 1, 2, 3, 4, 5].map((n) => JSON.stringify({ id: `copy-${n}`, text: articles[n % 2], ...(n === 3 ? { url: "https://example.org/3" } : {}), ...(n === 5 ? { date: "2020-02-02" } : {}) }));
    writeFileSync(file, copies.join("\n") + "\n");
    await build([file], { out: dir, workers: 1 });
    expectSameFiles(dir, await wholeModelFiles([file]));
    const docs = readFileSync(join(dir, "documents.jsonl"), "utf8");
    expect(docs).toContain('"id":"copy-3"');
    expect(docs).toContain('"url":"https://example.org/3"');
  });

  it("builds a corpus whose whole model would not fit in a small heap", () => {
    // 1 MB of generated news: the whole-model build (every extraction, the model, every quad and
    // output string in memory) fails in a heap of 96 MB (it peaked at 700 MB); the streamed one runs.
    const file = writeGenerated(1);
    const dir = tempDir();
    const script = `import { build } from ${JSON.stringify(join(ROOT, "dist/index.js"))};
const r = await build([${JSON.stringify(file)}], { out: ${JSON.stringify(dir)}, workers: 1, model: false });
console.log(JSON.stringify(r.counts));`;
    // The merge runs on a worker whose heap cap is set apart: the same 96 MB.
    const out = execFileSync(process.execPath, ["--max-old-space-size=96", "--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, DIPLOGRAPH_MERGE_HEAP_MB: "96" } });
    const counts = JSON.parse(out) as { events: number };
    expect(counts.events).toBeGreaterThan(4000);
    expect(readFileSync(join(dir, "events.jsonl"), "utf8").split("\n").length - 1).toBe(counts.events);
  }, 90_000);
});
