/**
 * `npm run bench [-- --sizes 1,10,100]`: extraction and export figures on generated corpora of
 * 1, 10 and 100 MB (deterministic seed), each measured in its own process, with baselines run on
 * the same input in the same run and the machine's noise. Prints a table; writes
 * bench/results/build.json. Figures, not tests: compare the ratios, not absolute times across runs.
 */
import { execFileSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import os from "node:os";
import { generateCorpus } from "./corpus.js";

const root = join(import.meta.dirname, "..");
const { values } = parseArgs({ options: { sizes: { type: "string", default: "1,10,100" }, "full-max": { type: "string", default: "10" } } });
const sizes = values.sizes.split(",").map(Number);
const fullMax = Number(values["full-max"]);

/** Noise: the spread of a fixed CPU task, run 7 times. */
function noise(): { meanMs: number; cvPercent: number } {
  const times: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    let x = 0;
    for (let i = 0; i < 2e7; i++) x = (x * 31 + i) % 1000003;
    if (x < 0) console.log(x);
    times.push(performance.now() - t);
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const sd = Math.sqrt(times.reduce((a, b) => a + (b - mean) ** 2, 0) / times.length);
  return { meanMs: Number(mean.toFixed(1)), cvPercent: Number(((100 * sd) / mean).toFixed(1)) };
}

async function corpus(mb: number): Promise<string> {
  const dir = join(root, "bench/.corpora");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `generated-${mb}mb-seed1.jsonl`);
  if (existsSync(file)) return file;
  const out = createWriteStream(`${file}.tmp`);
  for (const d of generateCorpus(mb * 1_000_000, 1)) if (!out.write(JSON.stringify(d) + "\n")) await new Promise((r) => out.once("drain", r));
  await new Promise<void>((r) => out.end(r));
  execFileSync("mv", [`${file}.tmp`, file]);
  return file;
}

const node = (args: string[]) => JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 }).trim().split("\n").pop() as string) as Record<string, number>;

const before = noise();
const rows: Record<string, unknown>[] = [];
for (const mb of sizes) {
  const file = await corpus(mb);
  const bytes = mb * 1_000_000;
  const one = node(["bench/run-build.mjs", file, "1", "extract"]);
  const two = node(["bench/run-build.mjs", file, "2", "extract"]);
  const base = node(["--import", "tsx", "bench/baselines.ts", file, mb <= fullMax ? "n3" : "jieba-only"]);
  const full = mb <= fullMax ? node(["bench/run-build.mjs", file, "1", "full"]) : null;
  const row = {
    sizeMB: mb,
    documents: one.documents,
    events: one.events,
    // Extraction: reading, decoding and extracting (the part that runs on workers); the merge
    // into one model runs on the main thread and is reported apart.
    extractSeconds1: Number(one.extractSeconds?.toFixed(2)),
    extractSeconds2: Number(two.extractSeconds?.toFixed(2)),
    mergeSeconds: Number(one.mergeSeconds?.toFixed(2)),
    extractMBps: Number((bytes / 1e6 / (one.extractSeconds ?? 1)).toFixed(3)),
    docsPerSecond: Math.round((one.documents ?? 0) / (one.extractSeconds ?? 1)),
    eventsPerSecond: Math.round((one.events ?? 0) / (one.extractSeconds ?? 1)),
    speedup2Workers: Number(((one.extractSeconds ?? 0) / (two.extractSeconds ?? 1)).toFixed(2)),
    peakRssMB1: Math.round(one.peakRssMB ?? 0),
    peakRssMB2: Math.round(two.peakRssMB ?? 0),
    jiebaMBps: Number((bytes / 1e6 / (base.jiebaSeconds ?? 1)).toFixed(3)),
    extractionVsJieba: Number(((base.jiebaSeconds ?? 0) / (one.extractSeconds ?? 1)).toFixed(2)),
    ...(full
      ? {
          fullBuildSeconds: Number(full.seconds?.toFixed(2)),
          fullBuildPeakRssMB: Math.round(full.peakRssMB ?? 0),
          triples: base.triples,
          turtleVsBareN3: Number(((base.ourTurtleSeconds ?? 0) / (base.n3WriterSeconds ?? 1)).toFixed(2)),
        }
      : { fullBuild: `not run above ${fullMax} MB` }),
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}
const after = noise();
const report = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  noise: { before, after },
  targets: { extractionVsJieba: ">= 0.5", turtleVsBareN3: "<= 1.2", peakRssMB100: "< 2048", speedup2Workers: "near 2" },
  rows,
};
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(join(root, "bench/results/build.json"), JSON.stringify(report, null, 2) + "\n");
console.table(rows);
