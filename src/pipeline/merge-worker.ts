/**
 * The merge and the outputs (merge-outputs.ts) on a worker thread whose heap is capped: V8
 * grows a heap well past what is live when a task allocates fast (the RDF stage makes and drops
 * millions of statements), so a cap keeps the process's peak memory near what the build really
 * holds (the entity table) instead of several times it. build.ts runs it and falls back to the
 * main thread if the cap is too small for a build's entity table.
 */
import { parentPort, Worker, workerData } from "node:worker_threads";
import { SortedRuns } from "../store/sorted-runs.js";
import { AtomicFile } from "../export/atomic.js";
import { compiledModule } from "../util/compiled.js";
import { mergeAndWrite, type MergeOutputsOptions, type MergeOutputsResult } from "./merge-outputs.js";

interface Job {
  extractions: ReturnType<SortedRuns["handOver"]>;
  opts: MergeOutputsOptions;
}

interface Reply {
  result: Omit<MergeOutputsResult, "extractions">;
  extractions?: { path: string; tmp: string };
}

if (parentPort && (workerData as { diplographMerge?: Job } | undefined)?.diplographMerge) {
  const job = (workerData as { diplographMerge: Job }).diplographMerge;
  const { extractions, ...result } = await mergeAndWrite(SortedRuns.resume(job.extractions), job.opts);
  const reply: Reply = { result, ...(extractions ? { extractions: extractions.handOver() } : {}) };
  parentPort.postMessage(reply);
}

/** Runs mergeAndWrite on a worker with an old-generation heap of at most `heapMB`; rejects if it runs out. */
export function mergeOnWorker(extractions: SortedRuns, opts: MergeOutputsOptions, heapMB: number): Promise<MergeOutputsResult> {
  const job: Job = { extractions: extractions.handOver(), opts };
  // No flags of this process (--input-type, loaders, heap sizes): the worker is a plain compiled module with its own cap.
  const worker = new Worker(new URL(workerFile()), { workerData: { diplographMerge: job }, resourceLimits: { maxOldGenerationSizeMb: heapMB }, env: process.env, execArgv: [] });
  return new Promise((resolve, reject) => {
    let reply: Reply | undefined;
    worker.once("message", (r: Reply) => (reply = r));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (reply) resolve({ ...reply.result, ...(reply.extractions ? { extractions: AtomicFile.adopt(reply.extractions) } : {}) });
      else reject(new Error(`the merge worker stopped (exit code ${code})`));
    });
  });
}

function workerFile(): string {
  return compiledModule("pipeline/merge-worker.js", new URL("./merge-worker.js", import.meta.url));
}
