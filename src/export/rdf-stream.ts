/**
 * The model's quads in the order modelToQuads sorts them (graph, subject, rdf:type first,
 * predicate, object), produced a subject (or a document's graph) at a time instead of all at
 * once: memory holds one block of quads, not the whole graph, and no global sort of quads is
 * needed — the entities are sorted in memory (the entity table), documents and events come
 * already sorted by IRI (from disk in a large build: build.ts), and each block's few quads are
 * sorted locally.
 *
 * Default graph (Turtle): a block is one subject — an entity (its labels, roles and the direct
 * edges of its events), a role, a document, an event node, or an event's parts (time, amount,
 * source spans: IRIs under the event's IRI + "/", so they are one run in the order, written
 * when their turn comes). Named graphs: the default graph holds the entities and roles, then
 * each document's graph (in IRI order) is built whole: it is small.
 *
 * The statements' terms are plain objects (export/terms.ts), made by the same quadMaker as
 * modelToQuads' n3 terms: the same statements, read faster by the writers.
 */
import { DataFactory, type NamedNode, type Quad } from "n3";
import type { ContactEvent, DocumentInfo, Entity, GraphModel } from "../model/types.js";
import { DG, NS } from "./vocabulary.js";
import { quadMaker, RELATION_TERMS, type QuadSink, type RdfOptions } from "./rdf.js";
import { PlainLiteral, plainTerms } from "./terms.js";

const { defaultGraph } = DataFactory;

/**
 * A statement as the writers read it (subject, predicate, object, graph: the text writers and
 * the JSON-LD writer take any such object), with its sort fields, made once: no separate Quad.
 */
interface Statement {
  subject: Quad["subject"];
  predicate: Quad["predicate"];
  object: Quad["object"];
  graph: Quad["graph"];
  /** termKey's fields: graph, subject, predicate ("" for rdf:type), object (made when a comparison first needs it). */
  g: string;
  s: string;
  p: string;
  o: string | undefined;
}

function quad(subject: Quad["subject"], predicate: Quad["predicate"], object: Quad["object"], graph: Quad["graph"]): Statement {
  return { subject, predicate, object, graph, g: graph.value, s: subject.value, p: predicate.value === RDF_TYPE ? "" : predicate.value, o: undefined };
}

function objectOf(q: Statement): string {
  return (q.o ??= objectKey(q.object));
}

/** A direct edge between two entities (default graph), filed under its subject's IRI. */
export interface DirectEdge {
  /** The subject entity's IRI (the sort key). */
  iri: string;
  subject: string;
  edge: string;
  object: string;
}

/** The direct edges an event states: subject to object, and back for calls and meetings. */
export function directEdges(ev: ContactEvent, entityIri: (id: string) => string): DirectEdge[] {
  const terms = RELATION_TERMS[ev.relation];
  const out: DirectEdge[] = [{ iri: entityIri(ev.subject.id), subject: ev.subject.id, edge: terms.edge, object: ev.object.id }];
  if (terms.symmetric) out.push({ iri: entityIri(ev.object.id), subject: ev.object.id, edge: terms.edge, object: ev.subject.id });
  return out;
}

/** What the default graph (Turtle) is made of: each stream sorted by IRI. */
export interface DefaultGraphSources {
  /** Every entity (the entity table, any order). */
  entities: Entity[];
  /** Every event's direct edges, sorted by subject IRI (repeats allowed: they are dropped). */
  edges: Iterable<DirectEdge>;
  documentsByIri: Iterable<DocumentInfo>;
  eventsByIri: Iterable<ContactEvent>;
}

/** What the named-graph files are made of: the entities, then each document with the events it reports, by document IRI. */
export interface NamedGraphSources {
  entities: Entity[];
  documentGraphs: Iterable<{ document: DocumentInfo; events: ContactEvent[] }>;
}

interface Block {
  key: string;
  quads: Statement[];
}

/** Default-graph quads in sorted blocks. */
export function* defaultGraphBlocks(src: DefaultGraphSources, opts: Pick<RdfOptions, "base"> = {}): Generator<Quad[]> {
  const make = quadMaker(opts, plainTerms);
  const check = orderCheck();
  const only = (key: string, into: Statement[]): QuadSink => (s, p, o, g = defaultGraph()) => void (s.value === key && into.push(quad(s, p, o, g)));
  const entityBlocks = entityAndRoleBlocks(make, src.entities);
  // The edges of one subject join its entity block (same key).
  const edgeBlocks = function* (): Generator<Block> {
    let block: Block | undefined;
    for (const e of src.edges) {
      if (block && block.key !== e.iri) {
        yield block;
        block = undefined;
      }
      block ??= { key: e.iri, quads: [] };
      block.quads.push(quad(make.entityNode(e.subject), term(make, e.edge), make.entityNode(e.object), defaultGraph()));
    }
    if (block) yield block;
  };
  const documentBlocks = function* (): Generator<Block> {
    for (const d of src.documentsByIri) {
      const key = make.iris.document(d.id);
      const quads: Statement[] = [];
      make.addDocument(only(key, quads), d);
      yield { key, quads };
    }
  };
  const eventBlocks = function* (): Generator<Block> {
    // An event's parts (key: its IRI + "/"), made with its node and waiting for their place.
    const pending: Block[] = [];
    for (const ev of src.eventsByIri) {
      const key = make.iris.event(ev.id);
      while (pending.length && (pending[0] as Block).key < key) yield pending.shift() as Block;
      const node: Statement[] = [];
      const parts: Statement[] = [];
      const add: QuadSink = (s, p, o, g = defaultGraph()) => void (s.value === key ? node : parts).push(quad(s, p, o, g));
      make.addEventNode(add, ev, defaultGraph());
      for (const s of ev.sources) make.addSource(add, ev, s);
      yield { key, quads: node };
      insertSorted(pending, { key: `${key}/`, quads: parts });
    }
    yield* pending;
  };
  for (const b of mergeBlocks([entityBlocks, edgeBlocks(), documentBlocks(), eventBlocks()])) yield check(sortBlock(b.quads));
}

/** Named-graph quads (default graph of entities, then one graph per document) in sorted blocks. */
export function* namedGraphBlocks(src: NamedGraphSources, opts: Pick<RdfOptions, "base"> = {}): Generator<Quad[]> {
  const make = quadMaker({ ...opts, namedGraphs: true }, plainTerms);
  const check = orderCheck();
  for (const b of entityAndRoleBlocks(make, src.entities)) yield check(sortBlock(b.quads));
  for (const { document: d, events } of src.documentGraphs) {
    const g = make.graphOf(d.id);
    const quads: Statement[] = [];
    const add: QuadSink = (s, p, o, gr = defaultGraph()) => void quads.push(quad(s, p, o, gr));
    make.addDocument(add, d);
    for (const ev of events) {
      make.addEdges(add, ev, g);
      make.addEventNode(add, ev, g);
      for (const s of ev.sources) if (s.doc === d.id) make.addSource(add, ev, s);
    }
    yield check(sortBlock(quads));
  }
}

/** Blocks of the entities and their roles, by IRI (several roles may share one IRI: one block). */
function* entityAndRoleBlocks(make: ReturnType<typeof quadMaker>, entities: Entity[]): Generator<Block> {
  const entries: { key: string; e: Entity; role: number }[] = [];
  for (const e of entities) {
    entries.push({ key: make.iris.entity(e.id), e, role: -1 });
    e.roles.forEach((r, role) => entries.push({ key: make.roleIri(e, r), e, role }));
  }
  entries.sort((p, q) => (p.key < q.key ? -1 : p.key > q.key ? 1 : 0));
  for (let n = 0; n < entries.length; ) {
    const key = (entries[n] as { key: string }).key;
    const quads: Statement[] = [];
    const add: QuadSink = (s, p, o, g = defaultGraph()) => void (s.value === key && quads.push(quad(s, p, o, g)));
    for (; n < entries.length && (entries[n] as { key: string }).key === key; n++) {
      const { e, role } = entries[n] as { e: Entity; role: number };
      // Each statement made once: the entity's without its roles', each role's without its holder's.
      if (role < 0) make.addEntity(add, e, false);
      else make.addRole(add, e, e.roles[role]!, false);
    }
    yield { key, quads };
  }
}

function term(make: ReturnType<typeof quadMaker>, edge: string): NamedNode {
  return make.term(DG + edge);
}

/** Merges streams of blocks sorted by key into one (blocks with the same key join). */
function* mergeBlocks(streams: Iterator<Block>[]): Generator<Block> {
  const heads: (Block | undefined)[] = streams.map((s) => s.next().value as Block | undefined);
  for (;;) {
    let min: string | undefined;
    for (const h of heads) if (h && (min === undefined || h.key < min)) min = h.key;
    if (min === undefined) return;
    // Most keys come from one stream: its block as it is, not copied.
    let quads: Statement[] | undefined;
    let joined = false;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (h?.key !== min) continue;
      if (!quads) quads = h.quads;
      else {
        if (!joined) quads = [...quads];
        joined = true;
        quads.push(...h.quads);
      }
      heads[i] = (streams[i] as Iterator<Block>).next().value as Block | undefined;
    }
    yield { key: min, quads: quads as Statement[] };
  }
}

function insertSorted(list: Block[], b: Block): void {
  let i = list.length;
  while (i > 0 && (list[i - 1] as Block).key > b.key) i--;
  list.splice(i, 0, b);
}

const RDF_TYPE = NS.rdf + "type";
const LANG_STRING = NS.rdf + "langString";
const XSD_STRING = NS.xsd + "string";

/** termKey's object part (of n3's terms, read from the id: n3's getters parse the id on every call). */
function objectKey(o: Quad["object"]): string {
  if (o.termType !== "Literal") return o.value;
  if (o instanceof PlainLiteral) return `"${o.value}"@${o.language}^^${o.datatype.value}`;
  const id = o.id;
  const q = id.lastIndexOf('"');
  const head = id.slice(0, q + 1);
  const c = id[q + 1];
  if (c === "@") return `${head}@${id.slice(q + 2)}^^${LANG_STRING}`;
  if (c === "^") return `${head}@^^${id.slice(q + 3)}`;
  return `${head}@^^${XSD_STRING}`;
}

/** The order of termKey, field by field (no field holds the separator U+0000, so it is the same order). */
function compareKeyed(a: Statement, b: Statement): number {
  if (a.g !== b.g) return a.g < b.g ? -1 : 1;
  if (a.s !== b.s) return a.s < b.s ? -1 : 1;
  if (a.p !== b.p) return a.p < b.p ? -1 : 1;
  const ao = objectOf(a);
  const bo = objectOf(b);
  if (ao !== bo) return ao < bo ? -1 : 1;
  return 0;
}

/** A block's quads sorted by their full key, duplicates dropped. */
function sortBlock(quads: Statement[]): Statement[] {
  // Already in order with no repeat (often so): nothing to do.
  let sorted = true;
  for (let i = 1; i < quads.length && sorted; i++) sorted = compareKeyed(quads[i - 1] as Statement, quads[i] as Statement) < 0;
  if (sorted) return quads;
  quads.sort(compareKeyed);
  const out: Statement[] = [];
  let last: Statement | undefined;
  for (const k of quads) {
    if (last && compareKeyed(last, k) === 0) continue;
    out.push(k);
    last = k;
  }
  return out;
}

/** Guards the claim above: every quad comes after the one before it. */
function orderCheck(): (quads: Statement[]) => Quad[] {
  let last: Statement | undefined;
  return (quads) => {
    const first = quads[0];
    if (first !== undefined) {
      if (last !== undefined && !(compareKeyed(last, first) < 0)) throw new Error(`diplograph: internal error: RDF statements out of order at ${[first.g, first.s, first.p, objectOf(first)].join(" ")}`);
      last = quads[quads.length - 1] as Statement;
    }
    return quads as unknown as Quad[];
  };
}

/** Both shapes of a model held in memory (toTurtle and friends, small builds); each made when first read. */
export function modelSources(model: GraphModel, opts: Pick<RdfOptions, "base"> = {}): { flat: DefaultGraphSources; named: NamedGraphSources } {
  let flat: DefaultGraphSources | undefined;
  let named: NamedGraphSources | undefined;
  return {
    get flat() {
      return (flat ??= modelShapes(model, opts, "flat").flat);
    },
    get named() {
      return (named ??= modelShapes(model, opts, "named").named);
    },
  };
}

function modelShapes(model: GraphModel, opts: Pick<RdfOptions, "base">, shape: "flat"): { flat: DefaultGraphSources };
function modelShapes(model: GraphModel, opts: Pick<RdfOptions, "base">, shape: "named"): { named: NamedGraphSources };
function modelShapes(model: GraphModel, opts: Pick<RdfOptions, "base">, shape: "flat" | "named"): { flat?: DefaultGraphSources; named?: NamedGraphSources } {
  const iris = quadMaker(opts).iris;
  const byIri = <T>(items: T[], iri: (x: T) => string): T[] =>
    items
      .map((x) => [iri(x), x] as const)
      .sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0))
      .map(([, x]) => x);
  const documents = byIri(model.documents, (d) => iris.document(d.id));
  if (shape === "flat") {
    const edges = model.events.flatMap((ev) => directEdges(ev, iris.entity)).sort((p, q) => (p.iri < q.iri ? -1 : p.iri > q.iri ? 1 : 0));
    return { flat: { entities: model.entities, edges, documentsByIri: documents, eventsByIri: byIri(model.events, (e) => iris.event(e.id)) } };
  }
  const eventsOf = new Map<string, ContactEvent[]>();
  for (const ev of model.events) {
    for (const doc of new Set(ev.sources.map((s) => s.doc))) {
      const list = eventsOf.get(doc);
      if (list) list.push(ev);
      else eventsOf.set(doc, [ev]);
    }
  }
  return { named: { entities: model.entities, documentGraphs: documents.map((document) => ({ document, events: eventsOf.get(document.id) ?? [] })) } };
}
