/**
 * Graph metrics on the contact network: degree, PageRank and Louvain communities, computed on
 * the simple undirected graph of who is in contact with whom (edge weight = number of contacts).
 * Louvain runs with a seeded random source so the same build gives the same communities.
 */
import { UndirectedGraph } from "graphology";
import pagerankModule from "graphology-metrics/centrality/pagerank.js";
import louvainModule from "graphology-communities-louvain";
import type { GraphModel } from "../model/types.js";
import { cjsDefault } from "../util/cjs.js";
import { seededRandom } from "../util/random.js";

const pagerank = cjsDefault(pagerankModule);
const louvain = cjsDefault(louvainModule);

export interface NodeMetrics {
  /** Number of distinct counterparts. */
  degree: number;
  pagerank: number;
  /** Louvain community number; isolated entities form their own. */
  community: number;
}

/** Who is in contact with whom (direction dropped; edge weight = number of contacts). */
export function contactGraph(model: GraphModel): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const e of model.entities) g.addNode(e.id);
  for (const ev of model.events) addContact(g, ev);
  return g;
}

/** Counts one event in the contact graph (a build adds them as they stream past, in the model's order). */
export function addContact(g: UndirectedGraph, ev: { subject: { id: string }; object: { id: string } }): void {
  if (ev.subject.id === ev.object.id) return;
  g.updateUndirectedEdge(ev.subject.id, ev.object.id, (attr: { weight?: number }) => ({ weight: (attr.weight ?? 0) + 1 }));
}

/** Degree, PageRank and Louvain community of every node of the contact graph. */
export function computeMetrics(g: UndirectedGraph): Map<string, NodeMetrics> {
  const ranks = g.size > 0 ? pagerank(g, { getEdgeWeight: "weight" }) : {};
  const communities = g.size > 0 ? louvain(g, { getEdgeWeight: "weight", rng: seededRandom(42) }) : {};
  const out = new Map<string, NodeMetrics>();
  // A loop, not Math.max(...values): a spread of a large build's hundreds of thousands of values overflows the stack.
  let next = 0;
  for (const c of Object.values(communities)) if (c + 1 > next) next = c + 1;
  g.forEachNode((id: string) => {
    out.set(id, { degree: g.degree(id), pagerank: ranks[id] ?? 1 / Math.max(1, g.order), community: g.degree(id) > 0 ? (communities[id] ?? next++) : next++ });
  });
  return out;
}
