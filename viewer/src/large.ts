/**
 * A large build, opened part by part instead of whole (the server says when: /api/stats
 * `large`): first the most central entities (/api/overview), then the neighbourhood of what the
 * analyst searches or clicks (/api/ego), added to what is shown; the time window is applied by
 * the server, and the timeline's histogram comes from it too (/api/histogram). What has been
 * loaded is kept here as Graphology JSON, so that the explorer can rebuild its graph from it.
 */
import type { ViewGraph } from "./data";
import type { PartInfo } from "../../src/graph/neighbourhood";

interface Serialized {
  attributes?: PartInfo;
  nodes: { key: string; attributes?: Record<string, unknown> }[];
  edges: { key?: string; source: string; target: string; attributes?: Record<string, unknown> }[];
}


export interface TimeWindow {
  from: string | null;
  to: string | null;
}

/** Entities the overview shows, and the most an expansion adds. */
const OVERVIEW = { limit: 150, edges: 3000 };
const EGO = { limit: 60, edges: 1500 };

export class LargeGraph {
  private nodes = new Map<string, Serialized["nodes"][number]>();
  private edges = new Map<string, Serialized["edges"][number]>();
  /** Where each node was drawn, so that a rebuilt graph keeps its layout. */
  private positions = new Map<string, { x: number; y: number }>();
  /** Entities expanded, in order (reloaded with a new window). */
  private expanded: string[] = [];
  overviewInfo: PartInfo | null = null;
  stats = { entities: 0, events: 0 };

  constructor(private readonly base: URL) {}

  private async get<T>(path: string, params: Record<string, string | number | null>): Promise<T> {
    const url = new URL(path, this.base);
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== "") url.searchParams.set(k, String(v));
    const res = await fetch(url, { headers: { accept: "application/json" } });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return (await res.json()) as T;
  }

  private merge(part: Serialized): void {
    for (const n of part.nodes) this.nodes.set(n.key, n);
    for (const e of part.edges) this.edges.set(e.key ?? `${e.source}->${e.target}`, e);
  }

  /** Loads (again) the overview and the expanded neighbourhoods within the window. */
  async load(w: TimeWindow): Promise<void> {
    this.nodes.clear();
    this.edges.clear();
    const window = { from: w.from, to: w.to };
    const overview = await this.get<Serialized>("api/overview", { ...OVERVIEW, ...window });
    this.overviewInfo = overview.attributes ?? null;
    this.merge(overview);
    for (const id of this.expanded) this.merge(await this.get<Serialized>("api/ego", { entity: id, ...EGO, ...window }));
  }

  /** Adds an entity's neighbourhood (an entity not yet shown included). */
  async expand(id: string, w: TimeWindow): Promise<PartInfo | null> {
    const part = await this.get<Serialized>("api/ego", { entity: id, ...EGO, from: w.from, to: w.to });
    if (!this.expanded.includes(id)) this.expanded.push(id);
    this.merge(part);
    return part.attributes ?? null;
  }

  isExpanded(id: string): boolean {
    return this.expanded.includes(id);
  }

  /** What has been loaded, in graph.json's form. */
  serialized(): Serialized {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }

  /** Remembers where the nodes of the graph shown are drawn. */
  keepPositions(graph: ViewGraph): void {
    graph.forEachNode((id, a) => this.positions.set(id, { x: a.x, y: a.y }));
  }

  /** Puts nodes drawn before back where they were; new ones in a ring around the node they were reached from. */
  placeNodes(graph: ViewGraph, around: string | null): void {
    const centre = (around && this.positions.get(around)) || null;
    let i = 0;
    graph.forEachNode((id) => {
      const p = this.positions.get(id);
      if (p) graph.mergeNodeAttributes(id, p);
      else if (centre) {
        const t = (2 * Math.PI * i++) / 24;
        const r = 20 + 4 * Math.floor(i / 24);
        graph.mergeNodeAttributes(id, { x: centre.x + Math.cos(t) * r, y: centre.y + Math.sin(t) * r });
      }
    });
  }

  /** Entities whose names contain the text, from the server (the whole build, not only what is shown). */
  search(q: string): Promise<{ results: { id: string; label: string; type: string }[] }> {
    return this.get("api/search", { q, limit: 8 });
  }

  /** Events by month in the window, for the timeline. */
  histogram(): Promise<{ months: { month: string; events: number }[] }> {
    return this.get("api/histogram", {});
  }

  /** "150 of 12,700 entities …": what the view leaves out, for the analyst. */
  describe(): string {
    const info = this.overviewInfo;
    if (!info) return "";
    const n = (x: number) => x.toLocaleString("en");
    return `Large graph: showing the ${n(info.shown.entities)} most central of ${n(info.available.entities)} entities in view (${n(this.edges.size)} of ${n(info.available.events)} events). Search or click an entity to open its neighbourhood.`;
  }
}

/** Whether the server holds a large build (to open part by part). */
export async function isLargeBuild(base: URL): Promise<{ large: boolean; entities: number; events: number }> {
  try {
    const res = await fetch(new URL("api/stats", base), { headers: { accept: "application/json" } });
    if (!res.ok) return { large: false, entities: 0, events: 0 };
    const s = (await res.json()) as { large?: boolean; entities: number; events: number };
    return { large: s.large === true, entities: s.entities, events: s.events };
  } catch {
    return { large: false, entities: 0, events: 0 };
  }
}
