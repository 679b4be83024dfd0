/**
 * The SPARQL engine thread: loads a build's N-Quads into oxigraph once, then answers one query
 * at a time, writing the answer here (not on the server's main thread), cut at the row and byte
 * caps. A WebAssembly trap or a stack overflow leaves the engine unusable: it is reported as
 * "fatal" and the parent replaces this thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import * as oxigraph from "oxigraph";
import { ResultFormatError, writeBindings, writeBoolean, type Row, type Written } from "./results.js";
import { writeGraph } from "./graph-results.js";
import type { QueryKind } from "./scan.js";

export interface EngineRequest {
  id: number;
  query: string;
  kind: QueryKind;
  format: string;
  limit: number;
  maxBytes: number;
  /** SPARQL protocol default-graph-uri and named-graph-uri. */
  defaultGraphs?: string[];
  namedGraphs?: string[];
}

export type EngineReply = { id: number; ok: Written & { mediaType: string } } | { id: number; error: string; type: "syntax" | "format" | "fatal" };

const store = new oxigraph.Store();
store.load(workerData.nquads as string, { format: "application/n-quads" });
// The default graph is the merge (a set) of every document's statements; named graphs stay.
for (const q of store.match(null, null, null, null)) {
  if (q.graph.termType !== "DefaultGraph") store.add(oxigraph.quad(q.subject, q.predicate, q.object, oxigraph.defaultGraph()));
}
parentPort?.postMessage({ ready: true });

parentPort?.on("message", (req: EngineRequest) => {
  let reply: EngineReply;
  try {
    reply = { id: req.id, ok: { ...answer(req), mediaType: req.format } };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const type = e instanceof ResultFormatError ? "format" : e instanceof WebAssembly.RuntimeError || e instanceof RangeError ? "fatal" : "syntax";
    reply = { id: req.id, error: message, type };
  }
  parentPort?.postMessage(reply);
});

function answer(req: EngineRequest): Written {
  const options = {
    ...(req.defaultGraphs ? { default_graph: req.defaultGraphs.map((g) => oxigraph.namedNode(g)) } : {}),
    ...(req.namedGraphs ? { named_graphs: req.namedGraphs.map((g) => oxigraph.namedNode(g)) } : {}),
  };
  if (req.kind === "graph") return writeGraph(store.query(req.query, options) as oxigraph.Quad[], req.format, req.limit, req.maxBytes);
  const json = JSON.parse(store.query(req.query, { ...options, results_format: "application/sparql-results+json" }) as string) as { head: { vars?: string[] }; boolean?: boolean; results?: { bindings: Row[] } };
  if (typeof json.boolean === "boolean") return writeBoolean(json.boolean, req.format);
  return writeBindings(json.head.vars ?? [], json.results?.bindings ?? [], req.format, req.limit, req.maxBytes);
}
