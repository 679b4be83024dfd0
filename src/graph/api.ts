/**
 * The typed query API over a build: a Graphology multigraph derived from the same model as the
 * RDF (nodes are entities with their labels, roles and metrics; edges are contact events), and
 * the functions a developer expects — look-up by IRI, id or any alias, search, contacts with
 * filters, timelines, shortest paths, top entities, communities and subgraphs.
 *
 *   const g = openGraph("out");
 *   g.contacts("习近平", { relation: "called", from: "2020-02-01", to: "2020-02-29" });
 */
import { dateInRange } from "../model/dates.js";
import { MultiDirectedGraph, type UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path/unweighted.js";
import type { ContactEvent, Entity, EntityRef, EntityType, GraphModel, Relation } from "../model/types.js";
import { readModel } from "../model/read.js";
import { normalizeText } from "../clean/normalize.js";
import { computeMetrics, contactGraph, type NodeMetrics } from "./metrics.js";
import { dataIris, DEFAULT_BASE } from "../export/rdf.js";

export type NodeAttributes = Entity & NodeMetrics;
export type EdgeAttributes = ContactEvent;
export type ContactGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export interface ContactFilter {
  relation?: Relation | Relation[];
  /** First day included, YYYY-MM-DD. Undated events are left out when a range is given. */
  from?: string;
  /** Last day included, YYYY-MM-DD. */
  to?: string;
}

export interface Contact {
  event: ContactEvent;
  /** The other party. */
  counterpart: EntityRef;
  /** "out": the entity sent or gave; "in": it received; "both": a symmetric contact. */
  direction: "out" | "in" | "both";
}

export interface PathStep {
  entity: EntityRef;
  /** The events linking this step to the previous one (empty for the first). */
  via: ContactEvent[];
}

export interface RankedEntity {
  entity: EntityRef;
  score: number;
}

export class UnknownEntityError extends Error {}

const SYMMETRIC = new Set<Relation>(["called", "met"]);

export class DiplographGraph {
  /** The Graphology multigraph: one node per entity, one directed edge per event (subject → object). */
  readonly graph: ContactGraph;
  readonly model: GraphModel;
  private readonly byAlias = new Map<string, string[]>();
  /** Who is in contact with whom, direction dropped: paths follow contacts either way. */
  private readonly contactsUndirected: UndirectedGraph;
  private readonly base: string;

  constructor(model: GraphModel, opts: { base?: string } = {}) {
    this.model = model;
    this.base = opts.base ?? DEFAULT_BASE;
    this.contactsUndirected = contactGraph(model);
    const metrics = computeMetrics(this.contactsUndirected);
    this.graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
    for (const e of model.entities) {
      this.graph.addNode(e.id, { ...e, ...(metrics.get(e.id) as NodeMetrics) });
      for (const name of [e.label, e.labelEn, ...e.aliases]) {
        if (!name) continue;
        const key = aliasKey(name);
        const ids = this.byAlias.get(key) ?? [];
        if (!ids.includes(e.id)) ids.push(e.id);
        this.byAlias.set(key, ids);
      }
    }
    for (const ev of model.events) this.graph.addDirectedEdgeWithKey(ev.id, ev.subject.id, ev.object.id, ev);
  }

  /** The entity named by an id (person/…), an IRI, or any label or alias (simplified or traditional); undefined if none. */
  entity(name: string): Entity | undefined {
    const n = name.trim();
    const id = n.startsWith(this.base) ? decodeURIComponent(n.slice(this.base.length)) : n;
    if (this.graph.hasNode(id)) return this.strip(id);
    const ids = this.byAlias.get(aliasKey(n));
    if (!ids?.length) return undefined;
    // Several entities share the alias: the most connected one.
    const best = [...ids].sort((a, b) => this.graph.getNodeAttribute(b, "pagerank") - this.graph.getNodeAttribute(a, "pagerank"))[0] as string;
    return this.strip(best);
  }

  /** Like entity(), but throws an error naming what was not found. */
  require(name: string): Entity {
    const e = this.entity(name);
    if (!e) throw new UnknownEntityError(`no entity named "${name}"`);
    return e;
  }

  /** Entities whose label or alias contains the text (after normalization), best first. */
  search(text: string, limit = 10): Entity[] {
    const q = aliasKey(text);
    if (!q) return [];
    const hits = new Map<string, number>();
    for (const [alias, ids] of this.byAlias) {
      if (!alias.includes(q)) continue;
      // exact > prefix > inside; then by PageRank
      const rank = alias === q ? 3 : alias.startsWith(q) ? 2 : 1;
      for (const id of ids) hits.set(id, Math.max(hits.get(id) ?? 0, rank));
    }
    return [...hits]
      .sort((a, b) => b[1] - a[1] || this.graph.getNodeAttribute(b[0], "pagerank") - this.graph.getNodeAttribute(a[0], "pagerank") || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([id]) => this.strip(id));
  }

  /** The contacts of an entity, filtered by relation and date range, in date order (undated last). */
  contacts(name: string, filter: ContactFilter = {}): Contact[] {
    const id = this.require(name).id;
    const relations = filter.relation === undefined ? undefined : new Set(Array.isArray(filter.relation) ? filter.relation : [filter.relation]);
    const out: Contact[] = [];
    this.graph.forEachEdge(id, (_key, ev) => {
      if (relations && !relations.has(ev.relation)) return;
      if (!inRange(ev.date, filter)) return;
      const outgoing = ev.subject.id === id;
      const counterpart = outgoing ? ev.object : ev.subject;
      out.push({ event: ev, counterpart, direction: SYMMETRIC.has(ev.relation) ? "both" : outgoing ? "out" : "in" });
    });
    return out.sort((a, b) => byDate(a.event, b.event));
  }

  /** Every event of an entity in date order (undated last). */
  timeline(name: string): ContactEvent[] {
    return this.contacts(name).map((c) => c.event);
  }

  /** A shortest chain of contacts between two entities (any relation, either direction), or null. */
  path(from: string, to: string): PathStep[] | null {
    const a = this.require(from).id;
    const b = this.require(to).id;
    if (a === b) return [{ entity: this.ref(a), via: [] }];
    const nodes = bidirectional(this.contactsUndirected, a, b);
    if (!nodes) return null;
    return nodes.map((id, i) => ({
      entity: this.ref(id),
      via: i === 0 ? [] : this.eventsBetween(nodes[i - 1] as string, id),
    }));
  }

  /** The entities ranked by PageRank or by degree (distinct counterparts), optionally of one type. */
  top(opts: { by?: "pagerank" | "degree"; type?: EntityType; limit?: number } = {}): RankedEntity[] {
    const by = opts.by ?? "pagerank";
    const rows: RankedEntity[] = [];
    this.graph.forEachNode((id, attr) => {
      if (opts.type && attr.type !== opts.type) return;
      if (attr.degree === 0) return;
      rows.push({ entity: this.ref(id), score: attr[by] });
    });
    return rows.sort((p, q) => q.score - p.score || (p.entity.id < q.entity.id ? -1 : 1)).slice(0, opts.limit ?? 10);
  }

  /** Louvain communities of the contact network, largest first; entities without contacts are left out. */
  communities(): { id: number; members: EntityRef[] }[] {
    const groups = new Map<number, EntityRef[]>();
    this.graph.forEachNode((id, attr) => {
      if (attr.degree === 0) return;
      groups.set(attr.community, [...(groups.get(attr.community) ?? []), this.ref(id)]);
    });
    return [...groups]
      .map(([id, members]) => ({ id, members }))
      .sort((a, b) => b.members.length - a.members.length || a.id - b.id);
  }

  /** The subgraph of the events that pass the filter (and their entities), as a new DiplographGraph. */
  subgraph(filter: ContactFilter & { types?: EntityType[]; entity?: string }): DiplographGraph {
    const relations = filter.relation === undefined ? undefined : new Set(Array.isArray(filter.relation) ? filter.relation : [filter.relation]);
    const types = filter.types ? new Set(filter.types) : undefined;
    const around = filter.entity ? this.require(filter.entity).id : undefined;
    const events = this.model.events.filter(
      (ev) =>
        (!relations || relations.has(ev.relation)) &&
        inRange(ev.date, filter) &&
        (!types || (types.has(ev.subject.type) && types.has(ev.object.type))) &&
        (!around || ev.subject.id === around || ev.object.id === around),
    );
    const keep = new Set(events.flatMap((ev) => [ev.subject.id, ev.object.id]));
    const entities = this.model.entities.filter((e) => keep.has(e.id));
    const docs = new Set(events.flatMap((ev) => ev.sources.map((s) => s.doc)));
    return new DiplographGraph({ entities, events, documents: this.model.documents.filter((d) => docs.has(d.id)) }, { base: this.base });
  }

  /** The events between two entities, either direction. */
  eventsBetween(a: string, b: string): ContactEvent[] {
    const out = new Map<string, ContactEvent>();
    this.graph.forEachEdge(a, b, (key, ev) => void out.set(key, ev));
    this.graph.forEachEdge(b, a, (key, ev) => void out.set(key, ev));
    return [...out.values()].sort(byDate);
  }

  /** The IRI of an entity in the RDF output. */
  iri(id: string): string {
    return dataIris(this.base).entity(id);
  }

  private ref(id: string): EntityRef {
    const a = this.graph.getNodeAttributes(id);
    return { id, label: a.label, type: a.type };
  }

  private strip(id: string): Entity {
    const { degree: _d, pagerank: _p, community: _c, ...entity } = this.graph.getNodeAttributes(id);
    return entity;
  }
}

/** Opens a build folder (or a model) as a DiplographGraph. */
export function openGraph(source: string | GraphModel, opts: { base?: string } = {}): DiplographGraph {
  return new DiplographGraph(typeof source === "string" ? readModel(source) : source, opts);
}

function aliasKey(s: string): string {
  return normalizeText(s.normalize("NFKC")).replace(/\s+/g, "").toLowerCase();
}

function inRange(date: string | null, f: ContactFilter): boolean {
  // The same rule as the explorer's and the dyads': a month or a year is in when it lies inside.
  return dateInRange(date, f.from, f.to);
}

function byDate(a: ContactEvent, b: ContactEvent): number {
  const x = a.date ?? "9999";
  const y = b.date ?? "9999";
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
