/**
 * The documents' named graphs of graph.nq, graph.trig and graph.jsonld, written on a worker
 * thread while the calling thread writes graph.ttl (export/rdf-files.ts): the two passes share
 * nothing but the entity IRIs (made from ids), and on two cores they take about as long.
 *
 * The calling thread writes each file's head and the entities' statements (default graph),
 * then lends the open files (a file descriptor is the process's, any thread can write to it);
 * this thread reads the document graphs from their sorted runs on disk and writes them and the
 * files' ends, in the same bytes as one writer going on would (a TriG statement closed, then a
 * graph opened, is the text n3's Writer writes between the two; the JSON-LD writer goes on
 * from the number of elements before it). The calling thread commits the files once it is done.
 */
import { parentPort, Worker, workerData } from "node:worker_threads";
import { SortedRuns } from "../store/sorted-runs.js";
import { compiledModule } from "../util/compiled.js";
import type { ContactEvent, DocumentInfo } from "../model/types.js";
import { BufferedWriter } from "./atomic.js";
import { JsonLdStreamWriter, jsonLdContext } from "./jsonld.js";
import { rdfPrefixes } from "./rdf.js";
import { RdfTextWriter } from "./rdf-text.js";
import { namedGraphBlocks } from "./rdf-stream.js";

/** The key of a document's record in its graph's runs (its node first, then the events it reports). */
export function documentGraphKey(documentIri: string, part: 0 | 1): string {
  return `${documentIri}\u0000${part}`;
}

/** Each document with the events it reports, by document IRI, from runs keyed by documentGraphKey. */
export function* documentGraphs(runs: SortedRuns): Generator<{ document: DocumentInfo; events: ContactEvent[] }> {
  let current: { document: DocumentInfo; events: ContactEvent[] } | undefined;
  for (const [key, value] of runs.sorted()) {
    if (key.endsWith("\u00000")) {
      if (current) yield current;
      current = { document: JSON.parse(value) as DocumentInfo, events: [] };
    } else current?.events.push(JSON.parse(value) as ContactEvent);
  }
  if (current) yield current;
}

export interface DocumentGraphsJob {
  runs: ReturnType<SortedRuns["handOver"]>;
  base?: string;
  /** The files, open, written up to the documents' graphs. */
  fds: { nq: number; trig: number; jsonld: number };
  /** JSON-LD elements already written (the entities). */
  jsonLdElements: number;
}

function writeDocumentGraphs(job: DocumentGraphsJob): void {
  const opts = job.base ? { base: job.base } : {};
  const nq = new BufferedWriter(job.fds.nq);
  const trig = new BufferedWriter(job.fds.trig);
  const jsonld = new BufferedWriter(job.fds.jsonld);
  const n = new RdfTextWriter("N-Quads");
  const t = new RdfTextWriter("TriG", rdfPrefixes(job.base));
  const j = new JsonLdStreamWriter(jsonLdContext(job.base), job.jsonLdElements);
  for (const block of namedGraphBlocks({ entities: [], documentGraphs: documentGraphs(SortedRuns.resume(job.runs)) }, opts)) {
    nq.write(n.write(block));
    trig.write(t.write(block));
    jsonld.write(j.add(block));
  }
  trig.write(t.end());
  jsonld.write(j.end());
  for (const w of [nq, trig, jsonld]) w.release();
}

if (parentPort && (workerData as { diplographDocumentGraphs?: DocumentGraphsJob } | undefined)?.diplographDocumentGraphs) {
  writeDocumentGraphs((workerData as { diplographDocumentGraphs: DocumentGraphsJob }).diplographDocumentGraphs);
  parentPort.postMessage("done");
}

/** A worker writing the document graphs; `done` settles once it has stopped (written all, or failed). */
export function startDocumentGraphs(job: DocumentGraphsJob, heapMB: number): { done: Promise<void>; stop: () => Promise<void> } {
  const worker = new Worker(new URL(compiledModule("export/rdf-worker.js", new URL("./rdf-worker.js", import.meta.url))), {
    workerData: { diplographDocumentGraphs: job },
    resourceLimits: { maxOldGenerationSizeMb: heapMB },
    env: process.env,
    execArgv: [],
  });
  let finished = false;
  let failure: unknown;
  const done = new Promise<void>((resolve, reject) => {
    worker.once("message", () => (finished = true));
    worker.once("error", (e) => (failure = e));
    worker.once("exit", (code) => {
      if (finished) resolve();
      else reject(failure ?? new Error(`the RDF worker stopped (exit code ${code})`));
    });
  });
  return {
    done,
    stop: async () => {
      await worker.terminate();
      await done.catch(() => undefined);
    },
  };
}
