/**
 * The main job: read the inputs, extract every document, merge into one model, and write its
 * views (events.jsonl, entities.jsonl, documents.jsonl, graph.ttl) atomically. Bad input is
 * skipped with its reason; only a build with no usable document at all fails.
 */
import { join } from "node:path";
import { readInputs } from "./ingest/read.js";
import { extractDocument, type DocumentExtraction } from "./extract/document.js";
import { getLexicon } from "./lexicon/lexicon.js";
import { mergeExtractions } from "./model/merge.js";
import { removeStaleTemporaries, writeFileAtomic } from "./export/atomic.js";
import { documentLines, entityLines, eventLines } from "./export/jsonl.js";
import { writeRdfFiles } from "./export/rdf-files.js";
import { modelSources } from "./export/rdf-stream.js";
import { graphJsonChunks } from "./export/graph-json.js";
import type { GraphModel, SkippedInput, SourceDocument } from "./model/types.js";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { readdir, stat } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import type { ExtractOutcome, ExtractTask } from "./extract/worker.js";
import { packageFolder } from "./util/assets.js";
import { EXTRACTIONS_FILE, extractionLine, MANIFEST_FILE, readExtractions, STORE_VERSION, type BuildManifest } from "./model/extractions-store.js";

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
  model: GraphModel;
  skipped: SkippedInput[];
  /** Files written, in the order written. */
  files: string[];
  seconds: number;
  /** Documents extracted by this run (not counting those kept from an appended build). */
  extracted: number;
  /** Seconds spent reading and extracting, merging, and writing the outputs. */
  timings: { extract: number; merge: number; write: number };
}

export class BuildError extends Error {}

/** Builds the knowledge graph of the inputs (files, folders, .jsonl). */
export async function build(inputs: string[], opts: BuildOptions = {}): Promise<BuildResult> {
  const t0 = performance.now();
  const lexicon = getLexicon(opts.dataDir);
  const home = (opts.home ?? "CN").toUpperCase();
  if (!lexicon.countryByIso.has(home)) throw new BuildError(`unknown home country code "${opts.home}" (expected ISO 3166 alpha-2, e.g. CN)`);
  const manifest: BuildManifest = { diplograph: STORE_VERSION, home, date: opts.date ?? null, base: opts.base ?? null, documents: 0 };

  // Documents by id: an appended document with the id of an old one replaces it.
  const byId = new Map<string, DocumentExtraction>();
  if (opts.append) {
    if (!opts.out) throw new BuildError("--append needs --out: the build folder to add to");
    const old = await readExtractions(opts.out).catch((e: Error) => {
      throw new BuildError(e.message);
    });
    for (const key of ["home", "date", "base"] as const) {
      if (old.manifest[key] !== manifest[key]) throw new BuildError(`${opts.out} was built with ${key} ${JSON.stringify(old.manifest[key])}, not ${JSON.stringify(manifest[key])}: append with the same options, or rebuild`);
    }
    for (const x of old.extractions) byId.set(x.info.id, x);
  }

  const skipped: SkippedInput[] = [];
  const totalBytes = await inputBytes(inputs);
  let bytes = 0;
  let extracted = 0;
  const progress = () => opts.onProgress?.({ documents: extracted, skipped: skipped.length, bytes, totalBytes, seconds: (performance.now() - t0) / 1000 });
  const done = (x: DocumentExtraction) => {
    byId.set(x.info.id, x);
    extracted++;
  };
  const fail = (id: string, e: unknown) => void skipped.push({ path: id, reason: `extraction failed (${e instanceof Error ? e.message : String(e)})` });
  const task = (doc: SourceDocument): ExtractTask => ({ doc, home, ...(opts.date ? { date: opts.date } : {}), ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) });

  const workers =
    opts.workers === "auto"
      ? Math.max(1, Math.min(availableParallelism(), Math.ceil(totalBytes / (512 * 1024))))
      : Math.max(1, Math.floor(opts.workers ?? 1));
  if (workers === 1) {
    for await (const item of readInputs(inputs)) {
      if (item.kind === "skipped") skipped.push(item.skipped);
      else {
        bytes += Buffer.byteLength(item.doc.original);
        try {
          done(extractDocument(item.doc, { lexicon, homeCountry: home, ...(opts.date ? { date: opts.date } : {}) }));
        } catch (e) {
          fail(item.doc.id, e);
        }
      }
      progress();
    }
  } else {
    const pool = new Piscina({ filename: workerFile(), maxThreads: workers, minThreads: workers });
    try {
      // Documents go in batches (fewer messages); at most a few batches per worker in flight,
      // so memory follows the graph, not the input.
      const inFlight = new Set<Promise<void>>();
      let batch: ExtractTask[] = [];
      let batchBytes = 0;
      const flush = () => {
        if (!batch.length) return;
        const tasks = batch;
        batch = [];
        batchBytes = 0;
        const p: Promise<void> = (pool.run(tasks) as Promise<ExtractOutcome[]>)
          .then(
            (outcomes) => {
              for (const o of outcomes) {
                if (o.ok) done(o.extraction);
                else fail(o.id, new Error(o.error));
              }
            },
            (e: unknown) => {
              for (const t of tasks) fail(t.doc.id, e);
            },
          )
          .finally(() => {
            inFlight.delete(p);
            progress();
          });
        inFlight.add(p);
      };
      for await (const item of readInputs(inputs)) {
        if (item.kind === "skipped") {
          skipped.push(item.skipped);
          continue;
        }
        const size = Buffer.byteLength(item.doc.original);
        bytes += size;
        batch.push(task(item.doc));
        batchBytes += size;
        if (batch.length >= 64 || batchBytes >= 1 << 20) flush();
        if (inFlight.size >= workers * 3) await Promise.race(inFlight);
      }
      flush();
      await Promise.all(inFlight);
    } finally {
      await pool.destroy();
    }
  }

  const tExtracted = performance.now();
  // Merged in document-id order: the same output whatever the number of workers or the input order.
  const extractions = [...byId.values()].sort((a, b) => (a.info.id < b.info.id ? -1 : a.info.id > b.info.id ? 1 : 0));
  const model = mergeExtractions(extractions);
  const tMerged = performance.now();
  const files: string[] = [];
  if (opts.out) {
    await removeStaleTemporaries(opts.out);
    if (extractions.length === 0) throw new BuildError(`no document could be read from ${inputs.join(", ")}${skipped.length ? ` (${describeSkipped(skipped)})` : ""}`);
    const write = async (name: string, content: Iterable<string> | AsyncIterable<string> | string) => {
      const path = join(opts.out as string, name);
      await writeFileAtomic(path, content);
      files.push(path);
    };
    await write("events.jsonl", eventLines(model));
    await write("entities.jsonl", entityLines(model));
    await write("documents.jsonl", documentLines(model));
    const rdf = opts.base ? { base: opts.base } : {};
    // Streamed a subject (or a document's graph) at a time, in sorted order.
    files.push(...(await writeRdfFiles(opts.out, modelSources(model, rdf), rdf)));
    // The explorer's file: the Graphology graph with entity and event attributes and metrics.
    await write("graph.json", graphJsonChunks(model));
    // For --append: what each document gave, and the options; written last, so that an
    // interrupted build leaves the previous (consistent) one to append to.
    await write(EXTRACTIONS_FILE, extractions.map(extractionLine));
    await write(MANIFEST_FILE, JSON.stringify({ ...manifest, documents: extractions.length }, null, 2) + "\n");
  }
  const t1 = performance.now();
  return {
    model,
    skipped,
    files,
    seconds: (t1 - t0) / 1000,
    extracted,
    timings: { extract: (tExtracted - t0) / 1000, merge: (tMerged - tExtracted) / 1000, write: (t1 - tMerged) / 1000 },
  };
}

/** The compiled worker (from dist/ when running from dist/, else the package's dist/). */
function workerFile(): string {
  const here = new URL("./extract/worker.js", import.meta.url);
  if (existsSync(fileURLToPath(here))) return here.href;
  return pathToFileURL(join(packageFolder("dist", "extract/worker.js"), "extract/worker.js")).href;
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
  const kept = r.model.documents.length - r.extracted;
  const parts = [
    `${r.extracted} document${r.extracted === 1 ? "" : "s"} read${kept > 0 ? ` (${r.model.documents.length} in the build)` : ""}`,
    `${r.skipped.length} skipped${r.skipped.length ? ` (${describeSkipped(r.skipped)})` : ""}`,
    `${r.model.entities.length} entities`,
    `${r.model.events.length} events`,
    `${r.seconds.toFixed(1)} s`,
  ];
  return `diplograph: ${parts.join(", ")}`;
}

function describeSkipped(skipped: SkippedInput[]): string {
  return skipped.map((s) => `${s.path}: ${s.reason}`).join("; ");
}
