/**
 * graph.json, the explorer's file, written a node and an edge at a time: the same bytes as
 * JSON.stringify of the Graphology export of DiplographGraph (graph/api.ts) — entities with their
 * metrics as nodes, in the model's order, then every event as a directed edge — without
 * building the multigraph of every event first. Only the contact graph (one edge per pair of
 * entities) is built, for the metrics.
 */
import type { GraphModel } from "../model/types.js";
import { computeMetrics, contactGraph } from "../graph/metrics.js";

export function* graphJsonChunks(model: GraphModel): Generator<string> {
  const metrics = computeMetrics(contactGraph(model));
  yield '{"options":{"type":"directed","multi":true,"allowSelfLoops":true},"attributes":{},"nodes":[';
  let n = 0;
  for (const e of model.entities) yield (n++ ? "," : "") + JSON.stringify({ key: e.id, attributes: { ...e, ...metrics.get(e.id) } });
  yield '],"edges":[';
  n = 0;
  for (const ev of model.events) yield (n++ ? "," : "") + JSON.stringify({ key: ev.id, source: ev.subject.id, target: ev.object.id, attributes: ev });
  yield "]}\n";
}
