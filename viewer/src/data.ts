/**
 * The graph a Diplograph build writes (graph.json, also served at /api/graph): Graphology's
 * serialization with entity attributes on nodes and event attributes on edges. Turned here into
 * the graph sigma draws: `kind` for the entity type (sigma reserves `type` for its programs).
 */
import { MultiDirectedGraph } from "graphology";
import type { ContactEvent, Entity, EntityType, Relation } from "../../src/model/types";

export interface ViewNode extends Omit<Entity, "type"> {
  kind: EntityType;
  degree: number;
  pagerank: number;
  community: number;
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
}

export interface ViewEdge extends ContactEvent {
  type: "arrow" | "line";
  color: string;
  size: number;
}

export type ViewGraph = MultiDirectedGraph<ViewNode, ViewEdge>;

export const TYPE_COLORS: Record<EntityType, string> = { Person: "#d9480f", Country: "#1f6feb", Organization: "#2f9e44", Place: "#9c36b5" };
export const RELATION_COLORS: Record<Relation, string> = { called: "#f08c00", met: "#1098ad", wrote_to: "#7048e8", pledged_to: "#c2255c" };
export const RELATION_LABELS: Record<Relation, string> = { called: "called 通电话", met: "met 会见", wrote_to: "wrote to 致函", pledged_to: "pledged to 认捐" };
const COMMUNITY_COLORS = ["#e8590c", "#1c7ed6", "#37b24d", "#ae3ec9", "#f59f00", "#0ca678", "#d6336c", "#4263eb", "#74b816", "#868e96"];

export class GraphFileError extends Error {}

interface Serialized {
  nodes: { key: string; attributes?: Record<string, unknown> }[];
  edges: { key?: string; source: string; target: string; attributes?: Record<string, unknown> }[];
}

/** Checks and converts a parsed graph.json. */
export function toViewGraph(json: unknown): ViewGraph {
  const s = json as Serialized;
  if (!s || !Array.isArray(s.nodes) || !Array.isArray(s.edges)) throw new GraphFileError("this is not a Diplograph graph.json (no nodes and edges)");
  const graph: ViewGraph = new MultiDirectedGraph();
  for (const n of s.nodes) {
    const a = (n.attributes ?? {}) as Partial<Entity> & { degree?: number; pagerank?: number; community?: number };
    if (typeof n.key !== "string" || typeof a.label !== "string") throw new GraphFileError(`node ${String(n.key)} has no label: not a Diplograph graph.json`);
    const { type, ...entity } = a as Entity;
    graph.addNode(n.key, {
      ...entity,
      id: n.key,
      aliases: Array.isArray(a.aliases) ? a.aliases : [],
      roles: Array.isArray(a.roles) ? a.roles : [],
      kind: (["Person", "Country", "Organization", "Place"] as const).includes(type) ? type : "Organization",
      degree: Number(a.degree ?? 0),
      pagerank: Number(a.pagerank ?? 0),
      community: Number(a.community ?? 0),
      x: 0,
      y: 0,
      size: 5,
      color: "#999",
      label: a.label,
    });
  }
  for (const e of s.edges) {
    const a = (e.attributes ?? {}) as Partial<ContactEvent>;
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) throw new GraphFileError(`edge ${String(e.key)} links unknown nodes`);
    const relation = a.relation as Relation;
    graph.addDirectedEdgeWithKey(e.key ?? `${e.source}->${e.target}:${graph.size}`, e.source, e.target, {
      ...(a as ContactEvent),
      sources: Array.isArray(a.sources) ? a.sources : [],
      type: relation === "wrote_to" || relation === "pledged_to" ? "arrow" : "line",
      color: RELATION_COLORS[relation] ?? "#999",
      size: 1.5,
    });
  }
  return graph;
}

export function communityColor(c: number): string {
  return COMMUNITY_COLORS[c % COMMUNITY_COLORS.length] as string;
}

/** The graph to open: ?graph=URL, else the server's /api/graph. */
export async function fetchGraph(url: URL): Promise<{ graph: ViewGraph; source: string }> {
  const param = url.searchParams.get("graph");
  const source = param ?? "api/graph";
  const res = await fetch(new URL(source, url), { headers: { accept: "application/json" } });
  if (!res.ok) throw new GraphFileError(`${source}: HTTP ${res.status}`);
  return { graph: toViewGraph(await res.json()), source };
}
