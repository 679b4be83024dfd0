/**
 * Parts of a large graph small enough for the explorer to draw, computed on the server so that it
 * never loads the whole graph: an overview (the most central entities and the contacts among
 * them) and the neighbourhood of one entity (its contacts, theirs, … to a depth), both within a
 * time window and relation filter, both capped in entities and in events (the cap is said).
 * Answers are in Graphology's serialization, like graph.json, so the explorer reads them alike.
 */
import type { SerializedGraph } from "graphology-types";
import { dateInRange } from "../model/dates.js";
import type { ContactEvent, Relation } from "../model/types.js";
import type { DiplographGraph } from "./api.js";

export interface Window {
  from?: string;
  to?: string;
  relation?: Relation;
}

export interface OverviewOptions extends Window {
  /** The most entities (default 150). */
  limit?: number;
  /** The most events (default 3000). */
  edges?: number;
}

export interface EgoOptions extends Window {
  /** Steps of contacts from the entity (default 1). */
  depth?: number;
  /** The most entities, the entity included (default 100). */
  limit?: number;
  /** The most events (default 3000). */
  edges?: number;
}

/** What the part shows, and how much of the window it leaves out. */
export interface PartInfo {
  view: "overview" | "ego";
  center?: string;
  /** Entities and events in the window: the whole graph's for the overview; for an ego network, the entities reached and the events among those kept. */
  available: { entities: number; events: number };
  shown: { entities: number; events: number };
  truncated: boolean;
}

const inWindow = (ev: ContactEvent, w: Window) => (!w.relation || ev.relation === w.relation) && dateInRange(ev.date, w.from, w.to);

/** The most central entities in the window and the contacts among them. */
export function overview(g: DiplographGraph, opts: OverviewOptions = {}): SerializedGraph {
  const limit = opts.limit ?? 150;
  const windowed = Boolean(opts.from || opts.to || opts.relation);
  // Without a window, PageRank ranks; within one, the number of contacts in it (then PageRank).
  const activity = new Map<string, number>();
  let events = 0;
  if (windowed) {
    for (const ev of g.model.events) {
      if (!inWindow(ev, opts)) continue;
      events++;
      activity.set(ev.subject.id, (activity.get(ev.subject.id) ?? 0) + 1);
      activity.set(ev.object.id, (activity.get(ev.object.id) ?? 0) + 1);
    }
  } else {
    events = g.graph.size;
    g.graph.forEachNode((id, a) => void (a.degree > 0 && activity.set(id, 0)));
  }
  const rank = (id: string) => g.graph.getNodeAttribute(id, "pagerank");
  const top = [...activity.keys()].sort((a, b) => (activity.get(b) as number) - (activity.get(a) as number) || rank(b) - rank(a) || (a < b ? -1 : 1)).slice(0, limit);
  return part(g, new Set(top), opts, { view: "overview", available: { entities: activity.size, events } });
}

/** An entity's contacts to `depth` steps, the most frequent counterparts first, within the window. */
export function egoNetwork(g: DiplographGraph, name: string, opts: EgoOptions = {}): SerializedGraph {
  const center = g.require(name).id;
  const limit = Math.max(1, opts.limit ?? 100);
  const kept = new Set([center]);
  const reached = new Set([center]);
  let frontier = [center];
  for (let step = 0; step < (opts.depth ?? 1) && frontier.length; step++) {
    const next: string[] = [];
    for (const node of frontier) {
      // Counterparts by the number of contacts in the window, most first.
      const weight = new Map<string, number>();
      g.graph.forEachEdge(node, (_k, ev) => {
        if (!inWindow(ev, opts)) return;
        const other = ev.subject.id === node ? ev.object.id : ev.subject.id;
        weight.set(other, (weight.get(other) ?? 0) + 1);
      });
      const ranked = [...weight].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      for (const [other] of ranked) {
        reached.add(other);
        if (kept.has(other) || kept.size >= limit) continue;
        kept.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  // Events reached are not counted (a hub's would mean reading most of the graph): those among the kept entities are.
  return part(g, kept, opts, { view: "ego", center, available: { entities: reached.size } });
}

/** The entities and the events among them in the window, at most `edges`: every pair gets one before any gets two. */
function part(g: DiplographGraph, nodes: Set<string>, opts: Window & { edges?: number }, info: Omit<PartInfo, "shown" | "truncated" | "available"> & { available: { entities: number; events?: number } }): SerializedGraph {
  const cap = opts.edges ?? 3000;
  const pairs = new Map<string, ContactEvent[]>();
  for (const id of nodes) {
    g.graph.forEachOutEdge(id, (_k, ev) => {
      if (!nodes.has(ev.object.id) || !inWindow(ev, opts)) return;
      const key = ev.subject.id < ev.object.id ? `${ev.subject.id}|${ev.object.id}` : `${ev.object.id}|${ev.subject.id}`;
      const list = pairs.get(key) ?? [];
      list.push(ev);
      pairs.set(key, list);
    });
  }
  const lists = [...pairs.values()].map((l) => l.sort((a, b) => ((b.date ?? "") < (a.date ?? "") ? -1 : (b.date ?? "") > (a.date ?? "") ? 1 : a.id < b.id ? -1 : 1)));
  const total = lists.reduce((n, l) => n + l.length, 0);
  const chosen: ContactEvent[] = [];
  for (let round = 0; chosen.length < cap && chosen.length < total; round++) {
    for (const l of lists) {
      const ev = l[round];
      if (ev && chosen.length < cap) chosen.push(ev);
    }
  }
  const shown = { entities: nodes.size, events: chosen.length };
  const available = { entities: info.available.entities, events: info.available.events ?? total };
  const attributes: PartInfo = { ...info, available, shown, truncated: chosen.length < total || nodes.size < available.entities };
  return {
    options: { type: "directed", multi: true, allowSelfLoops: true },
    attributes: attributes as unknown as Record<string, unknown>,
    nodes: [...nodes].sort().map((key) => ({ key, attributes: g.graph.getNodeAttributes(key) as unknown as Record<string, unknown> })),
    edges: chosen.sort((a, b) => (a.id < b.id ? -1 : 1)).map((ev) => ({ key: ev.id, source: ev.subject.id, target: ev.object.id, attributes: ev as unknown as Record<string, unknown> })),
  } as SerializedGraph;
}
