/**
 * Reads the inputs and extracts every document, in this thread or on worker threads, handing
 * each serialized extraction to `record` with its input order number (so that, of two
 * documents with one id, the later in the input wins whatever the workers' timing).
 * Documents stream through: at most a few batches per worker are in flight.
 */
import { Piscina } from "piscina";
import { readInputs } from "../ingest/read.js";
import type { SkippedInput, SourceDocument } from "../model/types.js";
import type { SerializedExtraction } from "../model/extractions-store.js";
import { extractTask, type ExtractOutcome, type ExtractTask } from "../extract/worker.js";
import { compiledModule } from "../util/compiled.js";

export interface ExtractInputsOptions {
  home: string;
  date?: string;
  dataDir?: string;
  workers: number;
  /** Receives each extraction (in completion order) with its input order number. */
  record: (x: SerializedExtraction, order: number) => Promise<void> | void;
  skipped: (s: SkippedInput) => void;
  /** Called as documents are read and done. */
  progress: (p: { extracted: number; bytes: number }) => void;
}

/** Documents per message to a worker, and the bytes that end a batch early. */
const BATCH_DOCUMENTS = 32;
const BATCH_BYTES = 256 * 1024;

export async function extractInputs(inputs: string[], opts: ExtractInputsOptions): Promise<number> {
  let bytes = 0;
  let extracted = 0;
  let order = 0;
  const task = (doc: SourceDocument): ExtractTask => ({ doc, home: opts.home, ...(opts.date ? { date: opts.date } : {}), ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) });
  const done = async (o: ExtractOutcome, n: number) => {
    if (o.ok) {
      await opts.record(o.extraction, n);
      extracted++;
    } else opts.skipped({ path: o.id, reason: `extraction failed (${o.error})` });
  };

  if (opts.workers === 1) {
    for await (const item of readInputs(inputs)) {
      if (item.kind === "skipped") opts.skipped(item.skipped);
      else {
        bytes += Buffer.byteLength(item.doc.original);
        await done(extractTask(task(item.doc)), order++);
      }
      opts.progress({ extracted, bytes });
    }
    return extracted;
  }

  const pool = new Piscina({ filename: workerFile(), maxThreads: opts.workers, minThreads: opts.workers });
  try {
    const inFlight = new Set<Promise<void>>();
    let batch: ExtractTask[] = [];
    let batchBytes = 0;
    let first = 0;
    const flush = () => {
      if (!batch.length) return;
      const tasks = batch;
      const start = first;
      batch = [];
      batchBytes = 0;
      const p: Promise<void> = (pool.run(tasks) as Promise<ExtractOutcome[]>)
        .then(
          async (outcomes) => {
            for (let i = 0; i < outcomes.length; i++) await done(outcomes[i] as ExtractOutcome, start + i);
          },
          (e: unknown) => {
            for (const t of tasks) opts.skipped({ path: t.doc.id, reason: `extraction failed (${e instanceof Error ? e.message : String(e)})` });
          },
        )
        .finally(() => {
          inFlight.delete(p);
          opts.progress({ extracted, bytes });
        });
      inFlight.add(p);
    };
    for await (const item of readInputs(inputs)) {
      if (item.kind === "skipped") {
        opts.skipped(item.skipped);
        continue;
      }
      const size = Buffer.byteLength(item.doc.original);
      bytes += size;
      if (!batch.length) first = order;
      batch.push(task(item.doc));
      order++;
      batchBytes += size;
      if (batch.length >= BATCH_DOCUMENTS || batchBytes >= BATCH_BYTES) flush();
      // Enough queued to keep every worker busy; wait for one batch before reading on.
      if (inFlight.size >= opts.workers * 4) await Promise.race(inFlight);
    }
    flush();
    await Promise.all(inFlight);
  } finally {
    await pool.destroy();
  }
  return extracted;
}

function workerFile(): string {
  return compiledModule("extract/worker.js", new URL("../extract/worker.js", import.meta.url));
}
