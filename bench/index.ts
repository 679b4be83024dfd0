/**
 * `npm run bench [-- --sizes 10,100 --speedup 10 --turtle 10 --syndicated 5]`: full builds
 * (every output written) of generated corpora (deterministic seed), each in its own process,
 * with the baselines run on the same input in the same run, and the machine's noise before and
 * after. Corpora are generated under the system's temporary folder (never in the repository).
 * Prints a table; writes bench/results/build.json. Figures, not tests: compare the ratios, not
 * absolute times across runs (the machine is shared).
 *
 *  - throughput: a full build with two workers against bare jieba segmentation of the same text
 *    (one thread), on each size and on a corpus of syndicated duplicates;
 *  - two workers against one: extraction seconds and whole build, on the `--speedup` size;
 *  - Turtle: our export against the bare n3 Writer on the same triples, on the `--turtle` size.
 */
import { execFileSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import os from "node:os";
import { generateCorpus, syndicatedCorpus } from "./corpus.js";

const root = join(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10,100" },
    speedup: { type: "string", default: "10" },
    turtle: { type: "string", default: "10" },
    syndicated: { type: "string", default: "5" },
    corpora: { type: "string", default: join(os.tmpdir(), "diplograph-bench") },
    results: { type: "string", default: join(root, "bench/results/build.json") },
  },
});
const sizes = values.sizes.split(",").filter(Boolean).map(Number);
mkdirSync(values.corpora, { recursive: true });

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

async function writeCorpus(name: string, docs: Iterable<{ id: string; date: string; text: string }>): Promise<string> {
  const file = join(values.corpora, `${name}.jsonl`);
  if (existsSync(file)) return file;
  const out = createWriteStream(`${file}.tmp`);
  for (const d of docs) if (!out.write(JSON.stringify(d) + "\n")) await new Promise((r) => out.once("drain", r));
  await new Promise<void>((r) => out.end(r));
  execFileSync("mv", [`${file}.tmp`, file]);
  return file;
}

const generated = (mb: number) => writeCorpus(`generated-${mb}mb-seed1`, generateCorpus(mb * 1_000_000, 1));

function samples(): string[] {
  const dirs = [join(root, "data/corpus"), join(root, "test/fixtures/own")];
  return dirs.flatMap((d) => readdirSync(d).filter((n) => n.endsWith(".txt")).sort().map((n) => readFileSync(join(d, n), "utf8")));
}

const node = (args: string[]) => JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 }).trim().split("\n").pop() as string) as Record<string, number>;
const fullBuild = (file: string, workers: number) => node(["bench/run-build.mjs", file, String(workers)]);
const jieba = (file: string) => node(["--import", "tsx", "bench/baselines.ts", file, "jieba"]);
const round = (x: number | undefined, d = 2) => Number((x ?? NaN).toFixed(d));

const before = noise();
const rows: Record<string, unknown>[] = [];
const report = (row: Record<string, unknown>) => {
  rows.push(row);
  console.log(JSON.stringify(row));
};

const syndicatedMB = Number(values.syndicated);
if (syndicatedMB > 0) {
  const file = await writeCorpus(`syndicated-${syndicatedMB}mb`, syndicatedCorpus(samples(), syndicatedMB * 1_000_000));
  const base = jieba(file);
  const full = fullBuild(file, 2);
  report({ corpus: `syndicated ${syndicatedMB} MB`, documents: full.documents, events: full.events, jiebaSeconds: round(base.jiebaSeconds), fullBuildSeconds: round(full.seconds), fullBuildPeakRssMB: Math.round(full.peakRssMB ?? 0), fullBuildVsJieba: round((base.jiebaSeconds ?? 0) / (full.seconds ?? 1)) });
}
for (const mb of sizes) {
  const file = await generated(mb);
  const base = jieba(file);
  const two = fullBuild(file, 2);
  const row: Record<string, unknown> = {
    corpus: `generated ${mb} MB`,
    documents: two.documents,
    entities: two.entities,
    events: two.events,
    jiebaSeconds: round(base.jiebaSeconds),
    fullBuildSeconds: round(two.seconds),
    extractSeconds2: round(two.extractSeconds),
    mergeAndWriteSeconds: round((two.mergeSeconds ?? 0) + (two.writeSeconds ?? 0)),
    rdfSeconds: round(two.rdfSeconds),
    fullBuildPeakRssMB: Math.round(two.peakRssMB ?? 0),
    fullBuildVsJieba: round((base.jiebaSeconds ?? 0) / (two.seconds ?? 1)),
  };
  if (String(mb) === values.speedup) {
    const one = fullBuild(file, 1);
    Object.assign(row, {
      extractSeconds1: round(one.extractSeconds),
      speedup2WorkersExtraction: round((one.extractSeconds ?? 0) / (two.extractSeconds ?? 1)),
      speedup2WorkersFullBuild: round((one.seconds ?? 0) / (two.seconds ?? 1)),
      fullBuildPeakRssMB1: Math.round(one.peakRssMB ?? 0),
    });
  }
  if (String(mb) === values.turtle) {
    const t = node(["--import", "tsx", "bench/baselines.ts", file, "n3"]);
    Object.assign(row, {
      triples: t.triples,
      n3WriterSeconds: round(t.n3WriterSeconds),
      ourTurtleSeconds: round(t.ourTurtleSeconds),
      turtleVsBareN3: round((t.ourTurtleSeconds ?? 0) / (t.n3WriterSeconds ?? 1)),
      turtleVsBareN3Cpu: round((t.ourTurtleCpuSeconds ?? 0) / (t.n3WriterCpuSeconds ?? 1)),
    });
  }
  report(row);
}
const after = noise();
const result = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg()[0]?.toFixed(1)} (shared)`,
  noise: { before, after },
  targets: { fullBuildVsJieba: ">= 0.5", turtleVsBareN3: "<= 1.5", fullBuildPeakRssMB: "<= 1536 at 100 MB and 1 GB", speedup2WorkersExtraction: ">= 1.6" },
  rows,
};
mkdirSync(join(values.results, ".."), { recursive: true });
writeFileSync(values.results, JSON.stringify(result, null, 2) + "\n");
console.table(rows);
