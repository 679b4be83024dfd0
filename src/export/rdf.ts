/**
 * The RDF view of the model, as quads: every entity with its labels and roles, every event as
 * an n-ary node (participants, initiator, date, amount, sources) plus a direct edge between
 * the two parties, and every document. Each statement read from a document goes into that
 * document's named graph when `namedGraphs` is set (N-Quads, TriG); the Turtle view drops
 * the graphs.
 *
 * Terms are in the Diplograph ontology (ontology/diplograph.ttl); data IRIs are `base` +
 * the model's ids, so two builds of any corpus name the same entity and event alike.
 */
import { DataFactory, type Quad, type Quad_Graph, type Quad_Object, type Quad_Subject } from "n3";
import type { ContactEvent, Entity, GraphModel, Relation, Source } from "../model/types.js";
import { hasTraditional } from "../clean/normalize.js";
import { shortHash } from "../model/ids.js";

const { namedNode, literal, quad, defaultGraph } = DataFactory;

export const DG = "https://w3id.org/diplograph/ontology#";
export const DEFAULT_BASE = "https://w3id.org/diplograph/id/";

export const NS = {
  dg: DG,
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  owl: "http://www.w3.org/2002/07/owl#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  prov: "http://www.w3.org/ns/prov#",
  dcterms: "http://purl.org/dc/terms/",
  schema: "https://schema.org/",
  oa: "http://www.w3.org/ns/oa#",
} as const;

/** Class of the event node for each relation, and the direct edge's property. */
export const RELATION_TERMS: Record<Relation, { eventClass: string; edge: string }> = {
  called: { eventClass: "PhoneCall", edge: "called" },
  met: { eventClass: "Meeting", edge: "met" },
  wrote_to: { eventClass: "Letter", edge: "wroteTo" },
  pledged_to: { eventClass: "Pledge", edge: "pledgedTo" },
};

/** Roles of the two parties on the event node: symmetric contacts have participants only. */
const PARTY_PROPERTIES: Record<Relation, [string, string] | null> = {
  called: null,
  met: null,
  wrote_to: ["sender", "recipient"],
  pledged_to: ["donor", "recipient"],
};

export interface RdfOptions {
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
    event: `${base}event/`,
    role: `${base}role/`,
    doc: `${base}doc/`,
  };
}

/** All quads of the model, sorted (subject, predicate, object, graph) for byte-stable output. */
export function modelToQuads(model: GraphModel, opts: RdfOptions = {}): Quad[] {
  const base = opts.base ?? DEFAULT_BASE;
  const out: Quad[] = [];
  const iri = (id: string) => namedNode(base + id.split("/").map(encodeURIComponent).join("/"));
  const docIri = (docId: string) => namedNode(`${base}doc/${encodeURIComponent(docId)}`);
  const graphOf = (docId: string | undefined): Quad_Graph => (opts.namedGraphs && docId !== undefined ? docIri(docId) : defaultGraph());
  const add = (s: Quad_Subject, p: string, o: Quad_Object, g: Quad_Graph = defaultGraph()) => out.push(quad(s, namedNode(p), o, g));
  const type = NS.rdf + "type";
  const dg = (local: string) => DG + local;
  const xsd = (local: string) => namedNode(NS.xsd + local);

  for (const e of model.entities) addEntity(e);
  for (const d of model.documents) {
    const s = docIri(d.id);
    const g = graphOf(d.id);
    add(s, type, namedNode(dg("Document")), g);
    add(s, NS.rdfs + "label", literal(d.id), g);
    if (d.title) add(s, NS.dcterms + "title", literal(d.title, d.traditional ? "zh-Hant" : "zh"), g);
    if (d.date) add(s, NS.dcterms + "date", literal(d.date, xsd("date")), g);
    if (d.url) add(s, NS.schema + "url", literal(d.url, xsd("anyURI")), g);
  }
  for (const ev of model.events) addEvent(ev);

  function addEntity(e: Entity): void {
    const s = iri(e.id);
    add(s, type, namedNode(dg(e.type)));
    add(s, NS.rdfs + "label", literal(e.label, "zh"));
    if (e.labelEn) add(s, NS.rdfs + "label", literal(e.labelEn, "en"));
    for (const a of e.aliases) add(s, NS.skos + "altLabel", literal(a, aliasLanguage(a)));
    if (e.codes?.iso2) add(s, dg("iso3166Alpha2"), literal(e.codes.iso2));
    for (const r of e.roles) {
      const role = namedNode(`${base}role/${e.id.split("/").pop()}--${shortHash(`${r.title}@${r.of.id}`, 8)}`);
      add(s, dg("holdsRole"), role);
      add(role, type, namedNode(dg("Role")));
      add(role, dg("person"), s);
      add(role, dg("title"), literal(r.title, "zh"));
      if (r.titleEn) add(role, dg("title"), literal(r.titleEn, "en"));
      add(role, dg("of"), iri(r.of.id));
      if (r.then) add(role, dg("then"), literal("true", xsd("boolean")));
    }
  }

  function addEvent(ev: ContactEvent): void {
    const s = namedNode(`${base}event/${ev.id.split("/").map(encodeURIComponent).join("/")}`);
    const terms = RELATION_TERMS[ev.relation];
    const docs = [...new Set(ev.sources.map((x) => x.doc))];
    // The direct edge and the event node are stated by each document that reports the event.
    for (const d of opts.namedGraphs ? docs : [undefined]) {
      const g = graphOf(d);
      add(iri(ev.subject.id), dg(terms.edge), iri(ev.object.id), g);
      add(s, type, namedNode(dg(terms.eventClass)), g);
      add(s, dg("participant"), iri(ev.subject.id), g);
      add(s, dg("participant"), iri(ev.object.id), g);
      const parties = PARTY_PROPERTIES[ev.relation];
      if (parties) {
        add(s, dg(parties[0]), iri(ev.subject.id), g);
        add(s, dg(parties[1]), iri(ev.object.id), g);
      }
      if (ev.initiator) add(s, dg("initiator"), iri(ev.initiator.id), g);
      if (ev.date) add(s, dg("date"), literal(ev.date, xsd("date")), g);
      if (ev.amount) {
        const a = namedNode(`${s.value}/amount`);
        add(s, dg("amount"), a, g);
        add(a, type, namedNode(NS.schema + "MonetaryAmount"), g);
        add(a, NS.schema + "value", literal(String(ev.amount.value), xsd("decimal")), g);
        add(a, NS.schema + "currency", literal(ev.amount.currency), g);
      }
    }
    for (const src of ev.sources) {
      const g = graphOf(src.doc);
      add(s, NS.prov + "wasDerivedFrom", docIri(src.doc), g);
      const span = sourceNode(s.value, src);
      add(s, dg("source"), span, g);
      add(span, type, namedNode(dg("SourceSpan")), g);
      add(span, dg("document"), docIri(src.doc), g);
      add(span, dg("start"), literal(String(src.start), xsd("integer")), g);
      add(span, dg("end"), literal(String(src.end), xsd("integer")), g);
      add(span, dg("quote"), literal(src.text), g);
    }
  }

  function sourceNode(eventIri: string, src: Source) {
    return namedNode(`${eventIri}/source/${shortHash(src.doc, 8)}-${src.start}-${src.end}`);
  }

  return sortQuads(dedupe(out));
}

/** Language tag of an alias: zh-Hant when written in traditional characters, zh for Han, else none. */
function aliasLanguage(a: string): string | undefined {
  if (!/[\u3400-\u9fff]/u.test(a)) return /^[A-Za-z]/.test(a) ? "en" : undefined;
  return hasTraditional(a) ? "zh-Hant" : "zh";
}

function termKey(q: Quad): string {
  const o = q.object;
  const obj = o.termType === "Literal" ? `"${o.value}"@${o.language}^^${o.datatype.value}` : o.value;
  return `${q.subject.value}\u0000${q.predicate.value === NS.rdf + "type" ? "" : q.predicate.value}\u0000${obj}\u0000${q.graph.value}`;
}

function dedupe(quads: Quad[]): Quad[] {
  const seen = new Map<string, Quad>();
  for (const q of quads) seen.set(termKey(q), q);
  return [...seen.values()];
}

/** Sorted by subject, then rdf:type first, then predicate and object: writers group by subject. */
export function sortQuads(quads: Quad[]): Quad[] {
  const keyed = quads.map((q) => [termKey(q), q] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map(([, q]) => q);
}
