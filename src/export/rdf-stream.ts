/**
 * The model's quads in the order modelToQuads sorts them (graph, subject, rdf:type first,
 * predicate, object), produced a subject (or a document's graph) at a time instead of all at
 * once: memory holds one block of quads, not the whole graph, and no global sort of quads is
 * needed — only the subjects' IRIs are sorted, and each block's few quads.
 *
 * Without named graphs every statement is in the default graph and a block is one subject:
 * an entity (its labels, roles and the direct edges of its events), a role, a document, an
 * event node, or an event's parts (time, amount, source spans: IRIs under the event's IRI + "/",
 * so they are one run in the order). With named graphs the default graph holds the entities and
 * roles, and each document's graph (in IRI order) is built whole: it is small.
 */
import { DataFactory, type Quad, type Quad_Graph } from "n3";
import type { ContactEvent, GraphModel } from "../model/types.js";
import { quadMaker, termKey, type QuadSink, type RdfOptions } from "./rdf.js";

const { quad, defaultGraph } = DataFactory;

const enum Kind {
  Entity,
  Role,
  Document,
  Event,
  EventParts,
}

interface Entry {
  key: string;
  kind: Kind;
  i: number;
  j: number;
}

/** Blocks of quads, each sorted and free of duplicates, in the global sorted order. */
export function* sortedQuadBlocks(model: GraphModel, opts: RdfOptions = {}): Generator<Quad[]> {
  const make = quadMaker(opts);
  const named = opts.namedGraphs === true;
  const check = orderCheck();
  const collect = (fill: (add: QuadSink) => void, keep: (subject: string) => boolean, into: Quad[] = []): Quad[] => {
    fill((s, p, o, g = defaultGraph()) => {
      if (keep(s.value)) into.push(quad(s, p, o, g));
    });
    return into;
  };

  // Where each entity is the subject of a direct edge (default graph only; with named graphs
  // the edges are in the documents' graphs).
  const edgesFrom = new Map<string, number[]>();
  if (!named) {
    model.events.forEach((ev, i) => {
      push(edgesFrom, ev.subject.id, i);
      if (ev.relation === "called" || ev.relation === "met") push(edgesFrom, ev.object.id, i);
    });
  }

  const entries: Entry[] = [];
  model.entities.forEach((e, i) => {
    entries.push({ key: make.iris.entity(e.id), kind: Kind.Entity, i, j: 0 });
    e.roles.forEach((r, j) => entries.push({ key: make.roleIri(e, r), kind: Kind.Role, i, j }));
  });
  if (!named) {
    model.documents.forEach((d, i) => entries.push({ key: make.iris.document(d.id), kind: Kind.Document, i, j: 0 }));
    model.events.forEach((ev, i) => {
      const iri = make.iris.event(ev.id);
      entries.push({ key: iri, kind: Kind.Event, i, j: 0 }, { key: `${iri}/`, kind: Kind.EventParts, i, j: 0 });
    });
  }
  entries.sort((p, q) => (p.key < q.key ? -1 : p.key > q.key ? 1 : 0));

  // An event's parts, made with its node and waiting for their place in the order.
  const pending = new Map<string, Quad[]>();
  for (let n = 0; n < entries.length; ) {
    const key = (entries[n] as Entry).key;
    const block: Quad[] = [];
    for (; n < entries.length && (entries[n] as Entry).key === key; n++) {
      const { kind, i, j } = entries[n] as Entry;
      const exact = (s: string) => s === key;
      if (kind === Kind.Entity) {
        const e = model.entities[i]!;
        collect((add) => make.addEntity(add, e), exact, block);
        for (const k of edgesFrom.get(e.id) ?? []) collect((add) => make.addEdges(add, model.events[k]!, defaultGraph()), exact, block);
      } else if (kind === Kind.Role) {
        const e = model.entities[i]!;
        collect((add) => make.addRole(add, e, e.roles[j]!), exact, block);
      } else if (kind === Kind.Document) {
        collect((add) => make.addDocument(add, model.documents[i]!), exact, block);
      } else if (kind === Kind.Event) {
        // The node goes now; its parts (IRIs under key + "/") when their turn comes.
        const parts: Quad[] = [];
        eventStatements(make, (s, p, o, g = defaultGraph()) => void (s.value === key ? block : parts).push(quad(s, p, o, g)), model.events[i]!, defaultGraph());
        pending.set(`${key}/`, parts);
      } else {
        block.push(...(pending.get(key) ?? []));
        pending.delete(key);
      }
    }
    yield check(sortBlock(block));
  }

  if (!named) return;
  // One graph per document, in IRI order: its node, and the events it reports with their edges
  // and the spans read in it.
  const eventsOf = new Map<string, number[]>();
  model.events.forEach((ev, i) => {
    let last: string | undefined;
    for (const s of ev.sources) if (s.doc !== last) push(eventsOf, (last = s.doc), i);
  });
  const docs = model.documents.map((d) => ({ d, iri: make.iris.document(d.id) })).sort((p, q) => (p.iri < q.iri ? -1 : p.iri > q.iri ? 1 : 0));
  for (const { d } of docs) {
    const g = make.graphOf(d.id);
    const block: Quad[] = [];
    const add: QuadSink = (s, p, o, gr = defaultGraph()) => void block.push(quad(s, p, o, gr));
    make.addDocument(add, d);
    const seen = new Set<number>();
    for (const k of eventsOf.get(d.id) ?? []) {
      if (seen.has(k)) continue;
      seen.add(k);
      const ev = model.events[k]!;
      make.addEdges(add, ev, g);
      make.addEventNode(add, ev, g);
      for (const src of ev.sources) if (src.doc === d.id) make.addSource(add, ev, src);
    }
    yield check(sortBlock(block));
  }
}

/** Everything said of an event in one graph, edges apart: its node, parts and sources. */
function eventStatements(make: ReturnType<typeof quadMaker>, add: QuadSink, ev: ContactEvent, g: Quad_Graph): void {
  make.addEventNode(add, ev, g);
  for (const src of ev.sources) make.addSource(add, ev, src);
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A block's quads sorted by their full key, duplicates dropped. */
function sortBlock(quads: Quad[]): { quads: Quad[]; keys: string[] } {
  const keyed = quads.map((q) => [termKey(q), q] as const).sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
  const out: Quad[] = [];
  const keys: string[] = [];
  for (const [k, q] of keyed) {
    if (keys.length && keys[keys.length - 1] === k) continue;
    keys.push(k);
    out.push(q);
  }
  return { quads: out, keys };
}

/** Guards the claim above: every quad comes after the one before it. */
function orderCheck(): (b: { quads: Quad[]; keys: string[] }) => Quad[] {
  let last = "";
  let first = true;
  return ({ quads, keys }) => {
    const k = keys[0];
    if (k !== undefined) {
      if (!first && !(k > last)) throw new Error(`diplograph: internal error: RDF statements out of order at ${k.replace(/\u0000/g, " ")}`);
      first = false;
      last = keys[keys.length - 1] as string;
    }
    return quads;
  };
}
