/**
 * Country view: every person folded into the country or organization they act for, so that
 * contacts become dyads (pairs of actors) with a number of contacts — the way event data (GDELT,
 * ICEWS, Phoenix) is read. One module for the API, the CLI and the explorer; plain functions on
 * the model's shapes, no Node or DOM.
 *
 * Who a person acts for, at the date of an event:
 *  - their roles (总理 of 德国; 时任 roles too: 时任 says they held it at the time the text tells
 *    of, so it counts for those events); a role with a time span (`from`/`to`, when the model
 *    has them) counts only for events inside it;
 *  - a role of a country first, then of an organization, then of a place (王储 of 阿布扎比);
 *    among equals the smallest id, so that the choice is the same from the RDF (see README);
 *  - a person with no role acts for themselves; countries, organizations and places are their
 *    own actors.
 * A dyad is unordered: its `a` is the actor with the smaller id. A contact inside one actor
 * (two Chinese officials) is no dyad and is counted apart (`internal`).
 */
import type { EntityType, Relation } from "../model/types.js";
import { compareDates, dateInRange, eventDate } from "../model/dates.js";

export const RELATION_LIST: readonly Relation[] = ["called", "met", "wrote_to", "pledged_to"];

export interface ActorRef {
  id: string;
  label: string;
  labelEn?: string;
  type: EntityType;
}

/** The parts of an entity the folding reads (an Entity, or a node of the explorer's graph). */
export interface EntityLike {
  id: string;
  type: EntityType;
  label: string;
  labelEn?: string | undefined;
  roles: { of: { id: string; label: string; type: EntityType }; then?: boolean; from?: string; to?: string }[];
}

/** The parts of an event the folding reads. */
export interface EventLike {
  id: string;
  relation: Relation;
  subject: { id: string };
  object: { id: string };
  date: string | null;
  /** Day, month or year, when the model says so beside a full date. */
  datePrecision?: string | null;
  initiator: { id: string } | null;
}

export interface DyadFilter {
  relation?: Relation | Relation[];
  /** First day (YYYY-MM-DD; YYYY-MM and YYYY are taken from their first day). */
  from?: string;
  /** Last day (YYYY-MM-DD; YYYY-MM and YYYY up to their last day). */
  to?: string;
}

export interface Dyad {
  /** `<a id>|<b id>`. */
  key: string;
  a: ActorRef;
  b: ActorRef;
  /** Number of contacts (events). */
  count: number;
  byRelation: Record<Relation, number>;
  /** Contacts that actor a asked for (应约: the other side called at a's request), that b asked for, and with no initiator stated. */
  initiatedBy: { a: number; b: number; none: number };
  /** First and last date (undated contacts aside), as written. */
  first: string | null;
  last: string | null;
  /** The events, by id. */
  events: string[];
}

export interface DyadTable {
  dyads: Dyad[];
  /** Contacts inside one actor (both parties act for the same country or organization). */
  internal: number;
}

const TYPE_RANK: Record<EntityType, number> = { Country: 0, Organization: 1, Place: 2, Person: 3 };

/** Folds entities into the actors they act for. */
export class ActorIndex {
  private readonly byId = new Map<string, EntityLike>();
  /** Persons without dated roles fold the same way at any date: cached. */
  private readonly cache = new Map<string, ActorRef>();

  /** fold: false keeps every entity as its own actor (dyads of entities rather than countries). */
  constructor(entities: Iterable<EntityLike>, private readonly opts: { fold?: boolean } = {}) {
    for (const e of entities) this.byId.set(e.id, e);
  }

  /** The actor an entity acts for at a date (null: undated). */
  actorOf(id: string, date: string | null = null): ActorRef {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const e = this.byId.get(id);
    if (!e) return { id, label: id, type: "Person" };
    if (e.type !== "Person" || e.roles.length === 0 || this.opts.fold === false) return this.remember(id, ref(e));
    const dated = e.roles.some((r) => r.from !== undefined || r.to !== undefined);
    let roles = e.roles;
    if (dated && date) {
      const current = roles.filter((r) => (r.from === undefined && r.to === undefined) || dateInRange(date, r.from ?? null, r.to ?? null));
      if (current.length) roles = current;
    }
    let best: { id: string; label: string; type: EntityType } | undefined;
    for (const r of roles) {
      if (r.of.type === "Person") continue;
      if (!best || TYPE_RANK[r.of.type] < TYPE_RANK[best.type] || (TYPE_RANK[r.of.type] === TYPE_RANK[best.type] && r.of.id < best.id)) best = r.of;
    }
    const actor = best ? (this.byId.has(best.id) ? ref(this.byId.get(best.id) as EntityLike) : { id: best.id, label: best.label, type: best.type }) : ref(e);
    return dated ? actor : this.remember(id, actor);
  }

  private remember(id: string, actor: ActorRef): ActorRef {
    this.cache.set(id, actor);
    return actor;
  }
}

function ref(e: EntityLike): ActorRef {
  return e.labelEn ? { id: e.id, label: e.label, labelEn: e.labelEn, type: e.type } : { id: e.id, label: e.label, type: e.type };
}

export function dyadKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The dyad of one event: its two actors (a < b), or null when both act for the same actor. */
export function foldEvent(index: ActorIndex, ev: EventLike): { key: string; a: ActorRef; b: ActorRef; initiator: "a" | "b" | "none" } | null {
  const date = eventDate(ev);
  const s = index.actorOf(ev.subject.id, date);
  const o = index.actorOf(ev.object.id, date);
  if (s.id === o.id) return null;
  const [a, b] = s.id < o.id ? [s, o] : [o, s];
  let initiator: "a" | "b" | "none" = "none";
  if (ev.initiator) {
    const i = index.actorOf(ev.initiator.id, date).id;
    initiator = i === a.id ? "a" : i === b.id ? "b" : "none";
  }
  return { key: `${a.id}|${b.id}`, a, b, initiator };
}

export function passes(ev: EventLike, filter: DyadFilter, relations?: Set<Relation>): boolean {
  if (relations && !relations.has(ev.relation)) return false;
  return dateInRange(eventDate(ev), filter.from ?? null, filter.to ?? null);
}

function relationSet(filter: DyadFilter): Set<Relation> | undefined {
  return filter.relation === undefined ? undefined : new Set(Array.isArray(filter.relation) ? filter.relation : [filter.relation]);
}

const emptyByRelation = (): Record<Relation, number> => ({ called: 0, met: 0, wrote_to: 0, pledged_to: 0 });

/** The dyads of the events that pass the filter, most contacts first (then by key). */
export function computeDyads(index: ActorIndex, events: Iterable<EventLike>, filter: DyadFilter = {}): DyadTable {
  const relations = relationSet(filter);
  const byKey = new Map<string, Dyad>();
  let internal = 0;
  for (const ev of events) {
    if (!passes(ev, filter, relations)) continue;
    const f = foldEvent(index, ev);
    if (!f) {
      internal++;
      continue;
    }
    let d = byKey.get(f.key);
    if (!d) {
      d = { key: f.key, a: f.a, b: f.b, count: 0, byRelation: emptyByRelation(), initiatedBy: { a: 0, b: 0, none: 0 }, first: null, last: null, events: [] };
      byKey.set(f.key, d);
    }
    d.count++;
    d.byRelation[ev.relation]++;
    d.initiatedBy[f.initiator]++;
    const date = eventDate(ev);
    if (date) {
      if (d.first === null || compareDates(date, d.first) < 0) d.first = date;
      if (d.last === null || compareDates(date, d.last) > 0) d.last = date;
    }
    d.events.push(ev.id);
  }
  const dyads = [...byKey.values()].sort(byCount);
  for (const d of dyads) d.events.sort();
  return { dyads, internal };
}

function byCount(x: Dyad, y: Dyad): number {
  return y.count - x.count || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
}

export type DyadStatus = "appeared" | "disappeared" | "grew" | "shrank" | "same";

export interface DyadChange {
  key: string;
  a: ActorRef;
  b: ActorRef;
  /** Contacts in the first period and in the second. */
  before: number;
  after: number;
  status: DyadStatus;
}

export function statusOf(before: number, after: number): DyadStatus {
  return before === 0 ? (after === 0 ? "same" : "appeared") : after === 0 ? "disappeared" : after > before ? "grew" : after < before ? "shrank" : "same";
}

const STATUS_ORDER: Record<DyadStatus, number> = { appeared: 0, disappeared: 1, grew: 2, shrank: 3, same: 4 };

/** How the dyads of a first period (before) changed in a second (after): every dyad of either, changes first. */
export function compareDyads(before: Dyad[], after: Dyad[]): DyadChange[] {
  const rows = new Map<string, DyadChange>();
  for (const d of before) rows.set(d.key, { key: d.key, a: d.a, b: d.b, before: d.count, after: 0, status: "disappeared" });
  for (const d of after) {
    const r = rows.get(d.key);
    if (r) r.after = d.count;
    else rows.set(d.key, { key: d.key, a: d.a, b: d.b, before: 0, after: d.count, status: "appeared" });
  }
  for (const r of rows.values()) r.status = statusOf(r.before, r.after);
  return [...rows.values()].sort((x, y) => STATUS_ORDER[x.status] - STATUS_ORDER[y.status] || Math.abs(y.after - y.before) - Math.abs(x.after - x.before) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/**
 * The SPARQL query that gives the same dyads from a build's RDF (graph.ttl): persons folded by
 * the same rule (a role of a country first, then an organization, then a place; the smallest
 * IRI among equals), contacts inside one actor left out, optional relation and date range.
 */
export function dyadsSparql(filter: DyadFilter = {}): string {
  const CLASSES: Record<Relation, string> = { called: "dg:PhoneCall", met: "dg:Meeting", wrote_to: "dg:Letter", pledged_to: "dg:Pledge" };
  const relations = relationSet(filter);
  const lines = [
    "PREFIX dg: <https://w3id.org/diplograph/ontology#>",
    "SELECT ?a ?b (COUNT(DISTINCT ?event) AS ?contacts) WHERE {",
    "  ?event dg:participant ?p, ?q .",
    "  FILTER(STR(?p) < STR(?q))",
  ];
  if (relations) lines.push(`  VALUES ?class { ${[...relations].map((r) => CLASSES[r]).join(" ")} }`, "  ?event a ?class .");
  if (filter.from || filter.to) {
    lines.push("  ?event dg:date ?date .");
    if (filter.from) lines.push(`  FILTER(STR(?date) >= "${filter.from}")`);
    if (filter.to) lines.push(`  FILTER(STR(?date) <= "${filter.to}")`);
  }
  const actor = (v: string) => [
    `  OPTIONAL { SELECT ?${v} (MIN(?key) AS ?${v}Key) WHERE {`,
    `    ?${v} dg:holdsRole/dg:of ?of . ?of a ?type .`,
    `    VALUES (?type ?rank) { (dg:Country "0") (dg:Organization "1") (dg:Place "2") }`,
    `    BIND(CONCAT(?rank, STR(?of)) AS ?key)`,
    `  } GROUP BY ?${v} }`,
    `  BIND(COALESCE(IRI(SUBSTR(?${v}Key, 2)), ?${v}) AS ?${v}Actor)`,
  ];
  lines.push(...actor("p"), ...actor("q"));
  lines.push(
    "  FILTER(?pActor != ?qActor)",
    "  BIND(IF(STR(?pActor) < STR(?qActor), ?pActor, ?qActor) AS ?a)",
    "  BIND(IF(STR(?pActor) < STR(?qActor), ?qActor, ?pActor) AS ?b)",
    "}",
    "GROUP BY ?a ?b",
    "ORDER BY DESC(?contacts) ?a ?b",
  );
  return lines.join("\n");
}
