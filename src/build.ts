/**
 * The main job: read the inputs, extract every document, merge into one model, and write its
 * views (events.jsonl, entities.jsonl, documents.jsonl, the RDF files, graph.json) atomically.
 * Bad input is skipped with its reason; only a build with no usable document at all fails.
 *
 * Memory stays bounded whatever the corpus: documents stream through extraction, extractions
 * are sorted on disk, and the merge and every output stream over sorted runs
 * (pipeline/merge-outputs.ts); only the entity table is held whole.
 */
import { join } from "node:path";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { readdir, stat } from "node:fs/promises";
import { getLexicon } from "./lexicon/lexicon.js";
import { makeWorkFolder, removeStaleTemporaries, writeFileAtomic } from "./export/atomic.js";
import type { GraphModel, SkippedInput } from "./model/types.js";
import { AppendError, MANIFEST_FILE, readExtractionLines, readManifest, STORE_VERSION, type BuildManifest, type SerializedExtraction } from "./model/extractions-store.js";
import { SortedRuns } from "./store/sorted-runs.js";
import { extractInputs } from "./pipeline/extract-inputs.js";
import { mergeAndWrite, orderedKey } from "./pipeline/merge-outputs.js";
import { mergeOnWorker } from "./pipeline/merge-worker.js";
import { mergeHeapMB } from "./util/heap.js";

export interface BuildOptions {
  /** Output folder; omit to only return the model. */
  out?: string;
  /** Anchor date (YYYY-MM-DD) for documents that give none. */
  date?: string;
  /** ISO 3166 alpha-2 code of the country whose posts unqualified titles name; default CN. */
  home?: string;
  /** Folder with gazetteers and patterns; default the package's data/. */
  dataDir?: string;
  /** Base IRI for data in RDF output. */
  base?: string;
  /**
   * Worker threads for extraction; 1 (the default for a library call) extracts in this thread;
   * "auto" uses one per core, but no more than one per 512 KB of input (small builds stay in-thread).
   */
  workers?: number | "auto";
  /** Add the inputs to the build in `out` (re-reading none of its documents; same id replaces). */
  append?: boolean;
  /**
   * Return the model (held in memory; default true). A large build with `out` should turn it
   * off: then `model` is empty and `counts` tells the sizes, and memory holds only the entity table.
   */
  model?: boolean;
  /** Characters of records a sort holds in memory before it writes a run to disk (default 8 M; tests make it small). */
  sortBudget?: number;
  /** Called as documents are done. */
  onProgress?: (p: BuildProgress) => void;
}

export interface BuildProgress {
  documents: number;
  skipped: number;
  /** Bytes of input read so far, and in all (files' sizes), for an ETA. */
  bytes: number;
  totalBytes: number;
  seconds: number;
}

export interface BuildResult {
  /** The knowledge graph; empty when built with `model: false`. */
  model: GraphModel;
  /** Documents, entities and events in the build. */
  counts: { documents: number; entities: number; events: number };
  skipped: SkippedInput[];
  /** Files written, in the order written. */
  files: string[];
  seconds: number;
  /** Documents extracted by this run (not counting those kept from an appended build). */
  extracted: number;
  /** Seconds spent reading and extracting, merging (with writing: they stream together), and writing what is left; `rdf`: of the merge, writing the RDF files. */
  timings: { extract: number; merge: number; write: number; rdf?: number };
}

export class BuildError extends Error {}

/** Builds the knowledge graph of the inputs (files, folders, .jsonl). */
export async function build(inputs: string[], opts: BuildOptions = {}): Promise<BuildResult> {
  const t0 = performance.now();
  const lexicon = getLexicon(opts.dataDir);
  const home = (opts.home ?? "CN").toUpperCase();
  if (!lexicon.countryByIso.has(home)) throw new BuildError(`unknown home country code "${opts.home}" (expected ISO 3166 alpha-2, e.g. CN)`);
  const manifest: BuildManifest = { diplograph: STORE_VERSION, home, date: opts.date ?? null, base: opts.base ?? null, documents: 0 };
  if (opts.append) {
    if (!opts.out) throw new BuildError("--append needs --out: the build folder to add to");
    let old: BuildManifest;
    try {
      old = readManifest(opts.out);
    } catch (e) {
      throw new BuildError((e as Error).message);
    }
    for (const key of ["home", "date", "base"] as const) {
      if (old[key] !== manifest[key]) throw new BuildError(`${opts.out} was built with ${key} ${JSON.stringify(old[key])}, not ${JSON.stringify(manifest[key])}: append with the same options, or rebuild`);
    }
  }

  if (opts.out) await removeStaleTemporaries(opts.out);
  const work = opts.out ? await makeWorkFolder(opts.out) : await mkdtemp(join(tmpdir(), "diplograph-work-"));
  try {
    // Extractions sorted on disk by document id, then input order: an appended document with
    // the id of an old one (or a later one with the id of an earlier) replaces it.
    const budget = opts.sortBudget ? { budget: opts.sortBudget } : {};
    const extractions = new SortedRuns(work, "extractions", budget);
    let order = 0;
    const record = (x: SerializedExtraction, n: number) => extractions.add(orderedKey(x.id, n), `${JSON.stringify(x.names)}\t${x.line}`);
    let kept = 0;
    if (opts.append) {
      try {
        for await (const x of readExtractionLines(opts.out as string)) {
          await record(x, order++);
          kept++;
        }
      } catch (e) {
        throw e instanceof AppendError ? new BuildError(e.message) : e;
      }
    }
    const first = order;

    const skipped: SkippedInput[] = [];
    const totalBytes = await inputBytes(inputs);
    const workers =
      opts.workers === "auto"
        ? Math.max(1, Math.min(availableParallelism(), Math.ceil(totalBytes / (512 * 1024))))
        : Math.max(1, Math.floor(opts.workers ?? 1));
    const extracted = await extractInputs(inputs, {
      home,
      ...(opts.date ? { date: opts.date } : {}),
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      workers,
      record: (x, n) => record(x, first + n),
      skipped: (s) => void skipped.push(s),
      progress: (p) => opts.onProgress?.({ documents: p.extracted, skipped: skipped.length, bytes: p.bytes, totalBytes, seconds: (performance.now() - t0) / 1000 }),
    });
    const tExtracted = performance.now();
    if (opts.out && extracted + kept === 0) throw new BuildError(`no document could be read from ${inputs.join(", ")}${skipped.length ? ` (${describeSkipped(skipped)})` : ""}`);

    const mergeOpts = { work, ...(opts.out ? { out: opts.out } : {}), ...(opts.base ? { base: opts.base } : {}), keepModel: opts.model !== false, ...budget };
    let merged;
    if (opts.out && opts.model === false) {
      // A large build: on a worker with a capped heap (merge-worker.ts); if the entity table
      // needs more, again here without the cap (the sorted extractions are still on disk).
      try {
        merged = await mergeOnWorker(extractions, mergeOpts, mergeHeapMB());
      } catch (e) {
        if (!(e instanceof Error) || !/out of memory|ERR_WORKER_OUT_OF_MEMORY/i.test(`${(e as NodeJS.ErrnoException).code ?? ""} ${e.message}`)) throw e;
        await removeStaleTemporaries(opts.out, work);
        merged = await mergeAndWrite(extractions, mergeOpts);
      }
    } else merged = await mergeAndWrite(extractions, mergeOpts);
    const tMerged = performance.now();
    const files = merged.files;
    if (opts.out && merged.extractions) {
      // For --append: what each document gave, and the options; written last, so that an
      // interrupted build leaves the previous (consistent) one to append to.
      await merged.extractions.commit();
      files.push(merged.extractions.path);
      const path = join(opts.out, MANIFEST_FILE);
      await writeFileAtomic(path, JSON.stringify({ ...manifest, documents: merged.counts.documents }, null, 2) + "\n");
      files.push(path);
    }
    const t1 = performance.now();
    return {
      model: merged.model,
      counts: merged.counts,
      skipped,
      files,
      seconds: (t1 - t0) / 1000,
      extracted,
      timings: { extract: (tExtracted - t0) / 1000, merge: (tMerged - tExtracted) / 1000, write: (t1 - tMerged) / 1000, ...(merged.rdfSeconds !== undefined ? { rdf: merged.rdfSeconds } : {}) },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Total size of the input files, for the progress ETA. */
async function inputBytes(inputs: string[]): Promise<number> {
  let total = 0;
  const visit = async (path: string): Promise<void> => {
    try {
      const info = await stat(path);
      if (info.isDirectory()) for (const name of await readdir(path)) await visit(join(path, name));
      else if (info.isFile()) total += info.size;
    } catch {
      // unreadable: reported by readInputs
    }
  };
  for (const i of inputs) await visit(i);
  return total;
}

/** The one-line summary the CLI prints on stderr. */
export function summaryLine(r: BuildResult): string {
  const kept = r.counts.documents - r.extracted;
  const parts = [
    `${r.extracted} document${r.extracted === 1 ? "" : "s"} read${kept > 0 ? ` (${r.counts.documents} in the build)` : ""}`,
    `${r.skipped.length} skipped${r.skipped.length ? ` (${describeSkipped(r.skipped)})` : ""}`,
    `${r.counts.entities} entities`,
    `${r.counts.events} events`,
    `${r.seconds.toFixed(1)} s`,
  ];
  return `diplograph: ${parts.join(", ")}`;
}

function describeSkipped(skipped: SkippedInput[]): string {
  return skipped.map((s) => `${s.path}: ${s.reason}`).join("; ");
}
