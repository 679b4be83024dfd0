/**
 * Which events and entities pass the filters. Computed once per change of filters (linear in
 * the graph), then read by sigma's reducers and by the tests' hooks.
 */
import type { ViewGraph } from "./data";
import type { ViewState } from "./state";
import { RELATIONS, TYPES } from "./state";

export interface Visibility {
  edges: Set<string>;
  nodes: Set<string>;
}

export function computeVisibility(graph: ViewGraph, state: ViewState): Visibility {
  const edges = new Set<string>();
  const nodesWithEdges = new Set<string>();
  const ranged = state.from !== null || state.to !== null;
  graph.forEachEdge((key, e, source, target, sa, ta) => {
    if (!state.relations.has(e.relation)) return;
    if (!state.types.has(sa.kind) || !state.types.has(ta.kind)) return;
    if (ranged) {
      if (!e.date) return;
      // A date of month or year precision is in the window when its period overlaps it.
      if (state.from && periodEnd(e.date) < state.from) return;
      if (state.to && e.date > state.to) return;
    }
    edges.add(key);
    nodesWithEdges.add(source);
    nodesWithEdges.add(target);
  });
  // With an event filter on, entities left without any event are hidden too.
  const eventFilter = ranged || state.relations.size < RELATIONS.length || state.types.size < TYPES.length;
  const nodes = new Set<string>();
  const selected = state.selected?.startsWith("node:") ? state.selected.slice(5) : null;
  graph.forEachNode((id, a) => {
    if (!state.types.has(a.kind)) return;
    if (eventFilter && !nodesWithEdges.has(id) && id !== selected) return;
    nodes.add(id);
  });
  return { edges, nodes };
}

/** The last day a date of any precision may stand for (2025-06 → 2025-06-31, for comparison only). */
function periodEnd(date: string): string {
  return date.length >= 10 ? date : date.length === 7 ? `${date}-31` : `${date}-12-31`;
}
