/**
 * graph.json, the explorer's file, written a node and an edge at a time: the same bytes as
 * JSON.stringify of the Graphology export of DiplographGraph (graph/api.ts) — entities with their
 * metrics as nodes, in the model's order, then every event as a directed edge — without
 * building the multigraph of every event. Only the contact graph (one edge per pair of
 * entities) is built, for the metrics.
 */
import type { ContactEvent, Entity } from "../model/types.js";
import type { NodeMetrics } from "../graph/metrics.js";

export const GRAPH_JSON_HEAD = '{"options":{"type":"directed","multi":true,"allowSelfLoops":true},"attributes":{},"nodes":[';
export const GRAPH_JSON_MIDDLE = '],"edges":[';
export const GRAPH_JSON_TAIL = "]}\n";

export function graphJsonNode(e: Entity, metrics: NodeMetrics | undefined): string {
  return JSON.stringify({ key: e.id, attributes: { ...e, ...metrics } });
}

/** An event as an edge; `eventJson` is JSON.stringify(event) when the caller has it already. */
export function graphJsonEdge(ev: ContactEvent, eventJson = JSON.stringify(ev)): string {
  return `{"key":${JSON.stringify(ev.id)},"source":${JSON.stringify(ev.subject.id)},"target":${JSON.stringify(ev.object.id)},"attributes":${eventJson}}`;
}
