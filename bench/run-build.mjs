// One measured build in its own process (so that peak RSS is this build's alone).
//   node bench/run-build.mjs CORPUS WORKERS [extract|full]  → prints one JSON line
// "extract" reads and extracts (no output files); "full" also writes every output.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../dist/index.js";

const [corpus, workers, mode = "full"] = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), "diplograph-bench-"));
const t0 = performance.now();
const r = await build([corpus], { workers: Number(workers), ...(mode === "full" ? { out } : {}) });
const seconds = (performance.now() - t0) / 1000;
rmSync(out, { recursive: true, force: true });
// maxRSS is in kilobytes; worker threads share the process, so it covers them too.
console.log(JSON.stringify({ seconds, ...Object.fromEntries(Object.entries(r.timings).map(([k, v]) => [`${k}Seconds`, v])), documents: r.model.documents.length, events: r.model.events.length, entities: r.model.entities.length, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
