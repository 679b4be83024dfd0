/**
 * The country view's graph: one node per actor (a country, an organization, a place, or a
 * person without a role), one edge per dyad, folded by src/graph/dyads.ts from the same
 * graph.json. Weights (contacts per dyad) follow the filters: they are counted over the visible
 * events at each change, and read by sigma's reducers. The most connected actor is placed at the
 * centre, the others around it by weight.
 */
import Graph from "graphology";
import type { EntityType } from "../../src/model/types";
import { TYPE_COLORS } from "./data";
import type { EventTable } from "./events";

export interface ActorNode {
  label: string;
  labelEn?: string;
  kind: EntityType;
  x: number;
  y: number;
  size: number;
  color: string;
}

export interface DyadEdge {
  a: string;
  b: string;
  size: number;
  color: string;
  type: "line";
}

export type CountryGraph = Graph<ActorNode, DyadEdge>;

export function buildCountryGraph(table: EventTable): CountryGraph {
  const g: CountryGraph = new Graph({ type: "undirected", multi: false });
  const weight = new Map<string, number>();
  const dyads = new Map<string, number>();
  table.dyadKey.forEach((k) => {
    if (!k) return;
    dyads.set(k, (dyads.get(k) ?? 0) + 1);
  });
  for (const [k, n] of dyads) {
    const [a, b] = k.split("|") as [string, string];
    weight.set(a, (weight.get(a) ?? 0) + n);
    weight.set(b, (weight.get(b) ?? 0) + n);
  }
  const actors = [...weight].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  // The hub at the centre; the others on rings around it, the most connected closest.
  actors.forEach(([id], i) => {
    const a = table.actors.get(id);
    let x = 0;
    let y = 0;
    if (i > 0) {
      // Up to 30 counterparts on one ring; past that, rings of 30, 60, 90 …
      let ring = 1;
      let start = 1;
      while (i >= start + 30 * ring) {
        start += 30 * ring;
        ring++;
      }
      const slots = Math.min(30 * ring, actors.length - start);
      const angle = (2 * Math.PI * (i - start)) / slots - Math.PI / 2 + (ring % 2 ? 0 : Math.PI / slots);
      x = Math.cos(angle) * 100 * ring;
      y = Math.sin(angle) * 100 * ring;
    }
    const kind = a?.type ?? "Person";
    g.addNode(id, { label: a?.label ?? id, ...(a?.labelEn ? { labelEn: a.labelEn } : {}), kind, x, y, size: 6, color: TYPE_COLORS[kind] });
  });
  for (const k of dyads.keys()) {
    const [a, b] = k.split("|") as [string, string];
    g.addUndirectedEdgeWithKey(k, a, b, { a, b, size: 1, color: "#8d99ae", type: "line" });
  }
  return g;
}

/** Contacts per dyad among the visible events (and per actor), and the dyads only in the fading trail. */
export function dyadWeights(table: EventTable, visible: Set<string>, faded: Map<string, number>): { dyads: Map<string, number>; actors: Map<string, number>; fading: Map<string, number> } {
  const dyads = new Map<string, number>();
  const actors = new Map<string, number>();
  const fading = new Map<string, number>();
  for (const key of visible) {
    const i = table.index.get(key);
    if (i === undefined) continue;
    const k = table.dyadKey[i] as string;
    if (!k) continue;
    const f = faded.get(key);
    if (f !== undefined) {
      fading.set(k, Math.max(fading.get(k) ?? 0, f));
      continue;
    }
    dyads.set(k, (dyads.get(k) ?? 0) + 1);
  }
  for (const [k, n] of dyads) {
    const [a, b] = k.split("|") as [string, string];
    actors.set(a, (actors.get(a) ?? 0) + n);
    actors.set(b, (actors.get(b) ?? 0) + n);
  }
  for (const k of fading.keys()) {
    if (dyads.has(k)) fading.delete(k);
    else for (const id of k.split("|")) if (!actors.has(id)) actors.set(id, 0);
  }
  return { dyads, actors, fading };
}
