// One measured build in its own process (so that peak RSS is this build's alone).
//   node bench/run-build.mjs CORPUS WORKERS [OUT]  → prints one JSON line
// A full build: every output is written (to OUT, or a temporary folder removed afterwards).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dist = process.env.DIPLOGRAPH_DIST ?? new URL("../dist/index.js", import.meta.url).href;
const { build } = await import(dist);
const [corpus, workers, given] = process.argv.slice(2);
const out = given ?? mkdtempSync(join(tmpdir(), "diplograph-bench-"));
const t0 = performance.now();
const r = await build([corpus], { workers: Number(workers), out, model: false });
const seconds = (performance.now() - t0) / 1000;
if (!given) rmSync(out, { recursive: true, force: true });
// maxRSS is in kilobytes; worker threads share the process, so it covers them too.
console.log(JSON.stringify({ seconds, ...Object.fromEntries(Object.entries(r.timings).map(([k, v]) => [`${k}Seconds`, v])), ...r.counts, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
