/**
 * Which events and entities pass the filters. Computed once per change of filters (linear in
 * the graph), then read by sigma's reducers, the table and the tests' hooks. Dates may be days,
 * months or years (src/model/dates.ts): an event is in a date range when its whole span is.
 * While comparing periods, the events of either period are shown; during playback the events
 * that just left the window stay, fading (`faded`: 0 just left … 1 gone).
 */
import type { ViewGraph } from "./data";
import type { Range, ViewState } from "./state";
import { RELATIONS, TYPES } from "./state";
import { dateSpan, eventDate } from "../../src/model/dates";

export interface Visibility {
  edges: Set<string>;
  nodes: Set<string>;
  /** Events shown fading (playback), with how far they have faded (0–1). */
  faded: Map<string, number>;
}

export interface VisibilityOptions {
  /** Periods compared: the events of either are shown, the date range aside. */
  compare?: [Range, Range] | null;
  /** Playback: events ending in [fadeFrom, from) are shown fading. */
  fadeFrom?: string | null;
}

const spans = new WeakMap<ViewGraph, Map<string, [string, string] | null>>();

/** First and last day of each event, read once per graph. */
export function eventSpans(graph: ViewGraph): Map<string, [string, string] | null> {
  let m = spans.get(graph);
  if (!m) {
    m = new Map();
    graph.forEachEdge((key, e) => {
      const s = dateSpan(eventDate(e));
      (m as Map<string, [string, string] | null>).set(key, s ? [s.start, s.end] : null);
    });
    spans.set(graph, m);
  }
  return m;
}

const lower = (d: string | null | undefined) => (d ? dateSpan(d)?.start ?? null : null);
const upper = (d: string | null | undefined) => (d ? dateSpan(d)?.end ?? null : null);

export function computeVisibility(graph: ViewGraph, state: ViewState, opts: VisibilityOptions = {}): Visibility {
  const edges = new Set<string>();
  const faded = new Map<string, number>();
  const nodesWithEdges = new Set<string>();
  const span = eventSpans(graph);
  const compare = opts.compare ?? null;
  const windows: [string | null, string | null][] = compare ? compare.map((r) => [lower(r.from), upper(r.to)]) : [[lower(state.from), upper(state.to)]];
  const ranged = windows.some(([a, b]) => a !== null || b !== null);
  const fadeFrom = lower(opts.fadeFrom);
  const from = lower(state.from);
  const fadeDays = fadeFrom && from ? Math.max(1, (Date.parse(from) - Date.parse(fadeFrom)) / 86_400_000) : 1;
  graph.forEachEdge((key, e, source, target, sa, ta) => {
    if (!state.relations.has(e.relation)) return;
    if (!state.types.has(sa.kind) || !state.types.has(ta.kind)) return;
    if (ranged) {
      const s = span.get(key);
      if (!s) return;
      const inside = windows.some(([lo, hi]) => (lo === null || s[0] >= lo) && (hi === null || s[1] <= hi));
      if (!inside) {
        if (!(fadeFrom && from && s[1] >= fadeFrom && s[1] < from && (!windows[0]?.[1] || s[0] <= (windows[0][1] as string)))) return;
        faded.set(key, Math.min(1, (Date.parse(from) - Date.parse(s[1])) / 86_400_000 / fadeDays));
      }
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
  return { edges, nodes, faded };
}
