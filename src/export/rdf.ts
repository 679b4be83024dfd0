/**
 * The RDF view of the model, as quads in the Diplograph ontology (ontology/diplograph.ttl):
 *  - entities with rdfs:label (@zh simplified, @zh-Hant where seen, @en where known),
 *    skos:altLabel for every other alias, owl:sameAs Wikidata where the gazetteer has a
 *    verified id, and their roles as dg:Role nodes;
 *  - each event as an n-ary node (participants, sender/recipient/donor, initiator, dg:date and
 *    an OWL-Time instant, schema:MonetaryAmount) plus direct edges between the parties (both
 *    directions for the symmetric dg:called and dg:met, so either way is one triple pattern);
 *  - provenance: prov:wasDerivedFrom the documents, and each source sentence as a Web
 *    Annotation specific resource with a TextPositionSelector and a TextQuoteSelector;
 *  - the documents, with file name, title, date and URL.
 * With `namedGraphs`, what a document says (its events, their spans, the document itself) goes
 * into that document's named graph, so a store can replace or drop one source; entities stay in
 * the default graph. Data IRIs are `base` + the model's ids: the same entity and event get the
 * same IRI in every build, and builds merge by plain union.
 */
import { datePrecision } from "../model/dates.js";
import { DataFactory, type NamedNode, type Quad, type Quad_Graph, type Quad_Object, type Quad_Subject } from "n3";
import type { ContactEvent, DocumentInfo, Entity, GraphModel, Relation, Role, Source } from "../model/types.js";
import { hasTraditional, normalizeText } from "../clean/normalize.js";
import { shortHash, slugify } from "../model/ids.js";
import { DG, NS } from "./vocabulary.js";
import { markShared, type TermFactory } from "./terms.js";

const { quad, defaultGraph } = DataFactory;

/** XSD datatype and OWL-Time position property of a date, by precision. */
const DATE_TERMS = {
  day: ["date", "inXSDDate"],
  month: ["gYearMonth", "inXSDgYearMonth"],
  year: ["gYear", "inXSDgYear"],
} as const;

export const DEFAULT_BASE = "https://w3id.org/diplograph/id/";

/** Class of the event node for each relation, and the direct edge's property. */
export const RELATION_TERMS: Record<Relation, { eventClass: string; edge: string; symmetric: boolean; parties?: [string, string] }> = {
  called: { eventClass: "PhoneCall", edge: "called", symmetric: true },
  met: { eventClass: "Meeting", edge: "met", symmetric: true },
  wrote_to: { eventClass: "Letter", edge: "wroteTo", symmetric: false, parties: ["sender", "recipient"] },
  pledged_to: { eventClass: "Pledge", edge: "pledgedTo", symmetric: false, parties: ["donor", "recipient"] },
};

export interface RdfOptions {
  /** Base IRI of data; default https://w3id.org/diplograph/id/ */
  base?: string;
  /** Put document-derived statements in one named graph per document. */
  namedGraphs?: boolean;
}

/** Prefixes for writers: the vocabularies plus one per kind of data IRI. */
export function rdfPrefixes(base = DEFAULT_BASE): Record<string, string> {
  return {
    ...NS,
    person: `${base}person/`,
    country: `${base}country/`,
    org: `${base}org/`,
    place: `${base}place/`,
    role: `${base}role/`,
    doc: `${base}doc/`,
  };
}

/** IRI helpers for data: the model's ids under the base. */
export function dataIris(base = DEFAULT_BASE) {
  const path = (id: string) => (/^[A-Za-z0-9/_.!~*'()-]*$/.test(id) ? id : id.split("/").map(encodeURIComponent).join("/"));
  // The same event and document come many times in a row (each source): remember the last.
  let lastEvent = ["", ""];
  let lastDocument = ["", ""];
  return {
    entity: (id: string) => `${base}${path(id)}`,
    event: (id: string) => (lastEvent[0] === id && lastEvent[1] ? lastEvent[1] : (lastEvent = [id, `${base}event/${path(id)}`])[1]) as string,
    document: (docId: string) => (lastDocument[0] === docId && lastDocument[1] ? lastDocument[1] : (lastDocument = [docId, `${base}doc/${encodeURIComponent(docId)}`])[1]) as string,
  };
}

/** Adds one statement (graph omitted: the default graph). */
export type QuadSink = (s: Quad_Subject, p: NamedNode, o: Quad_Object, g?: Quad_Graph) => void;

/**
 * The statements of each part of the model: an entity (with its roles), a document, an event's
 * description in one graph, one source span of an event. Shared by modelToQuads (all quads,
 * sorted in memory) and the streaming writer (export/rdf-stream.ts), so both say the same.
 */
export function quadMaker(opts: RdfOptions = {}, factory: TermFactory = DataFactory) {
  const { namedNode, literal } = factory;
  const base = opts.base ?? DEFAULT_BASE;
  const iris = dataIris(base);
  // Named nodes of the vocabulary are made once; data IRIs per use.
  const terms = new Map<string, NamedNode>();
  const term = (iri: string): NamedNode => {
    let t = terms.get(iri);
    if (!t) {
      terms.set(iri, (t = namedNode(iri)));
      markShared(t);
    }
    return t;
  };
  const node = (iri: string) => namedNode(iri);
  // Entities recur in many statements: one node each (the entity table's size).
  const entities = new Map<string, NamedNode>();
  const entity = (id: string): NamedNode => {
    let n = entities.get(id);
    if (!n) {
      entities.set(id, (n = node(iris.entity(id))));
      markShared(n);
    }
    return n;
  };
  // The same event comes in several calls in a row (its node, each source): one node.
  let lastEvent: NamedNode | undefined;
  const eventNode = (iri: string): NamedNode => (lastEvent?.value === iri ? lastEvent : (lastEvent = node(iri)));
  const graphOf = (docId: string | undefined): Quad_Graph => (opts.namedGraphs && docId !== undefined ? documentOf(docId).node : defaultGraph());
  const a = NS.rdf + "type";
  const dg = (local: string) => DG + local;
  // Keyed by the short constant name (its hash is kept), not a concatenated IRI.
  const datatypes = new Map<string, NamedNode>();
  const typed = (value: string, datatype: string) => {
    let dt = datatypes.get(datatype);
    if (!dt) datatypes.set(datatype, (dt = term(NS.xsd + datatype)));
    return literal(value, dt);
  };
  const relationTerms = new Map<string, NamedNode>();
  const relationTerm = (local: string) => {
    let t = relationTerms.get(local);
    if (!t) relationTerms.set(local, (t = term(dg(local))));
    return t;
  };
  const V = {
    type: term(a),
    label: term(NS.rdfs + "label"),
    altLabel: term(NS.skos + "altLabel"),
    iso3166Alpha2: term(dg("iso3166Alpha2")),
    sameAs: term(NS.owl + "sameAs"),
    holdsRole: term(dg("holdsRole")),
    person: term(dg("person")),
    title: term(dg("title")),
    of: term(dg("of")),
    then: term(dg("then")),
    fileName: term(dg("fileName")),
    dcTitle: term(NS.dcterms + "title"),
    dcDate: term(NS.dcterms + "date"),
    url: term(NS.schema + "url"),
    participant: term(dg("participant")),
    initiator: term(dg("initiator")),
    date: term(dg("date")),
    hasTime: term(NS.time + "hasTime"),
    amount: term(dg("amount")),
    value: term(NS.schema + "value"),
    currency: term(NS.schema + "currency"),
    wasDerivedFrom: term(NS.prov + "wasDerivedFrom"),
    source: term(dg("source")),
    hasSource: term(NS.oa + "hasSource"),
    hasSelector: term(NS.oa + "hasSelector"),
    start: term(NS.oa + "start"),
    end: term(NS.oa + "end"),
    exact: term(NS.oa + "exact"),
    Role: term(dg("Role")),
    Document: term(dg("Document")),
    SourceSpan: term(dg("SourceSpan")),
    Instant: term(NS.time + "Instant"),
    MonetaryAmount: term(NS.schema + "MonetaryAmount"),
    TextPositionSelector: term(NS.oa + "TextPositionSelector"),
    TextQuoteSelector: term(NS.oa + "TextQuoteSelector"),
  };
  // The classes of entities and the OWL-Time position properties, by their short names.
  const classes = new Map<string, NamedNode>();
  const classOf = (type: string): NamedNode => {
    let t = classes.get(type);
    if (!t) classes.set(type, (t = term(dg(type))));
    return t;
  };
  const positions = new Map<string, NamedNode>();
  const positionOf = (local: string): NamedNode => {
    let t = positions.get(local);
    if (!t) positions.set(local, (t = term(NS.time + local)));
    return t;
  };
  // A document's short hash and node, for the run of sources (and statements) that name it.
  let lastDoc: { id: string; hash: string; node: NamedNode } | undefined;
  const documentOf = (docId: string) => {
    if (lastDoc?.id !== docId) lastDoc = { id: docId, hash: shortHash(docId, 8), node: node(iris.document(docId)) };
    return lastDoc;
  };

  /** An entity's statements; with `roles` false, its roles' own statements are left out (not its dg:holdsRole). */
  function addEntity(add: QuadSink, e: Entity, roles = true): void {
    const s = entity(e.id);
    add(s, V.type, classOf(e.type));
    add(s, V.label, literal(e.label, "zh"));
    if (e.labelEn) add(s, V.label, literal(e.labelEn, "en"));
    const simplified = normalizeText(e.label);
    let traditionalLabel = false;
    for (const alias of e.aliases) {
      const lang = aliasLanguage(alias);
      // The (first) traditional spelling of the label itself is its zh-Hant label; the rest are altLabels.
      if (lang === "zh-Hant" && !traditionalLabel && normalizeText(alias) === simplified) {
        add(s, V.label, literal(alias, lang));
        traditionalLabel = true;
      } else add(s, V.altLabel, lang ? literal(alias, lang) : literal(alias));
    }
    if (e.type === "Country" && e.codes?.iso2) add(s, V.iso3166Alpha2, literal(e.codes.iso2));
    if (e.codes?.wikidata) add(s, V.sameAs, node(`http://www.wikidata.org/entity/${e.codes.wikidata}`));
    for (const r of e.roles) {
      if (roles) addRole(add, e, r);
      else add(s, V.holdsRole, node(roleIri(e, r)));
    }
  }

  /** A role's statements, and its holder's dg:holdsRole unless `holder` is false. */
  function addRole(add: QuadSink, e: Entity, r: Role, holder = true): void {
    const s = entity(e.id);
    const role = node(roleIri(e, r));
    if (holder) add(s, V.holdsRole, role);
    add(role, V.type, V.Role);
    add(role, V.person, s);
    add(role, V.title, literal(r.title, "zh"));
    if (r.titleEn) add(role, V.title, literal(r.titleEn, "en"));
    add(role, V.of, entity(r.of.id));
    if (r.then) add(role, V.then, typed("true", "boolean"));
  }

  // Titles are few and their pinyin slow to make: one slug each.
  const titleSlugs = new Map<string, string>();
  function roleIri(e: Entity, r: Role): string {
    const personLocal = e.id.slice(e.id.indexOf("/") + 1);
    const title = r.titleEn ?? r.title;
    let slug = titleSlugs.get(title);
    if (slug === undefined) titleSlugs.set(title, (slug = slugify(title)));
    return `${base}role/${personLocal}--${slug}--${r.of.id.replace("/", "-")}`;
  }

  function addDocument(add: QuadSink, d: DocumentInfo): void {
    const s = documentOf(d.id).node;
    const g = graphOf(d.id);
    add(s, V.type, V.Document, g);
    add(s, V.label, literal(d.id), g);
    add(s, V.fileName, literal(d.id), g);
    if (d.title) add(s, V.dcTitle, literal(d.title, d.traditional ? "zh-Hant" : "zh"), g);
    if (d.date) add(s, V.dcDate, typed(d.date, "date"), g);
    if (d.url) add(s, V.url, typed(d.url, "anyURI"), g);
  }

  /** The direct edge(s) between the parties, as stated in graph `g`. */
  function addEdges(add: QuadSink, ev: ContactEvent, g: Quad_Graph): void {
    const terms = RELATION_TERMS[ev.relation];
    const subject = entity(ev.subject.id);
    const object = entity(ev.object.id);
    add(subject, relationTerm(terms.edge), object, g);
    if (terms.symmetric) add(object, relationTerm(terms.edge), subject, g);
  }

  /** The event node and its time and amount nodes, as stated in graph `g` (edges apart). */
  function addEventNode(add: QuadSink, ev: ContactEvent, g: Quad_Graph): void {
    const s = eventNode(iris.event(ev.id));
    const terms = RELATION_TERMS[ev.relation];
    const subject = entity(ev.subject.id);
    const object = entity(ev.object.id);
    add(s, V.type, relationTerm(terms.eventClass), g);
    add(s, V.label, literal(`${ev.subject.label} ${RELATION_ZH[ev.relation]} ${ev.object.label}${ev.date ? ` ${ev.date}` : ""}`, "zh"), g);
    add(s, V.participant, subject, g);
    add(s, V.participant, object, g);
    if (terms.parties) {
      add(s, relationTerm(terms.parties[0]), subject, g);
      add(s, relationTerm(terms.parties[1]), object, g);
    }
    if (ev.initiator) add(s, V.initiator, entity(ev.initiator.id), g);
    if (ev.date) {
      // The datatype says the precision: a day, a month or a year.
      const [datatype, position] = DATE_TERMS[datePrecision(ev.date) ?? "day"];
      const date = typed(ev.date, datatype);
      add(s, V.date, date, g);
      const instant = node(`${s.value}/time`);
      add(s, V.hasTime, instant, g);
      add(instant, V.type, V.Instant, g);
      add(instant, positionOf(position), date, g);
    }
    if (ev.amount) {
      const amount = node(`${s.value}/amount`);
      add(s, V.amount, amount, g);
      add(amount, V.type, V.MonetaryAmount, g);
      add(amount, V.value, typed(decimal(ev.amount.value), "decimal"), g);
      add(amount, V.currency, literal(ev.amount.currency), g);
    }
  }

  /** One source sentence of an event, in its document's graph. */
  function addSource(add: QuadSink, ev: ContactEvent, src: Source): void {
    const eventIri = iris.event(ev.id);
    const g = graphOf(src.doc);
    const { hash, node: doc } = documentOf(src.doc);
    const span = node(`${eventIri}/source/${hash}-${src.start}-${src.end}`);
    const e = eventNode(eventIri);
    add(e, V.wasDerivedFrom, doc, g);
    add(e, V.source, span, g);
    add(span, V.type, V.SourceSpan, g);
    add(span, V.hasSource, doc, g);
    const position = node(`${span.value}/position`);
    const quote = node(`${span.value}/quote`);
    add(span, V.hasSelector, position, g);
    add(span, V.hasSelector, quote, g);
    add(position, V.type, V.TextPositionSelector, g);
    add(position, V.start, typed(String(src.start), "nonNegativeInteger"), g);
    add(position, V.end, typed(String(src.end), "nonNegativeInteger"), g);
    add(quote, V.type, V.TextQuoteSelector, g);
    add(quote, V.exact, literal(src.text), g);
  }

  /** The whole event: edges and node in each reporting document's graph (or the default one), and its sources. */
  function addEvent(add: QuadSink, ev: ContactEvent): void {
    const docs = opts.namedGraphs ? [...new Set(ev.sources.map((x) => x.doc))] : [undefined];
    // The event and its direct edge are stated by each document that reports it.
    for (const d of docs) {
      const g = graphOf(d);
      addEdges(add, ev, g);
      addEventNode(add, ev, g);
    }
    for (const src of ev.sources) addSource(add, ev, src);
  }

  return { iris, term, graphOf, entityNode: entity, roleIri, addEntity, addRole, addDocument, addEdges, addEventNode, addSource, addEvent };
}

/** All quads of the model, sorted (graph, subject, rdf:type first, predicate, object): byte-stable output. */
export function modelToQuads(model: GraphModel, opts: RdfOptions = {}): Quad[] {
  const out: Quad[] = [];
  const make = quadMaker(opts);
  const add: QuadSink = (s, p, o, g = defaultGraph()) => void out.push(quad(s, p, o, g));
  for (const e of model.entities) make.addEntity(add, e);
  for (const d of model.documents) make.addDocument(add, d);
  for (const ev of model.events) make.addEvent(add, ev);
  return sortQuads(dedupe(out));
}

const RELATION_ZH: Record<Relation, string> = { called: "通电话", met: "会见", wrote_to: "致函", pledged_to: "认捐" };

/** Language tag of an alias: zh-Hant when written in traditional characters, zh for Han, en for Latin. */
function aliasLanguage(a: string): string | undefined {
  if (!/[\u3400-\u9fff]/u.test(a)) return /^[A-Za-z]/.test(a) ? "en" : undefined;
  return hasTraditional(a) ? "zh-Hant" : "zh";
}

/** A number as an xsd:decimal lexical form (no exponent). */
function decimal(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
}

/** The sort key of a quad: graph, subject, rdf:type first, predicate, object. */
export function termKey(q: Quad): string {
  const o = q.object;
  const obj = o.termType === "Literal" ? `"${o.value}"@${o.language}^^${o.datatype.value}` : o.value;
  // rdf:type sorts first among a subject's statements.
  return `${q.graph.value}\u0000${q.subject.value}\u0000${q.predicate.value === NS.rdf + "type" ? "" : q.predicate.value}\u0000${obj}`;
}

export function dedupe(quads: Quad[]): Quad[] {
  const seen = new Map<string, Quad>();
  for (const q of quads) seen.set(termKey(q), q);
  return [...seen.values()];
}

/** Sorts quads by graph, subject, rdf:type first, predicate, object: writers then group them. */
export function sortQuads(quads: Quad[]): Quad[] {
  const keyed = quads.map((q) => [termKey(q), q] as const);
  keyed.sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
  return keyed.map(([, q]) => q);
}
