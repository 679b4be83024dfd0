/**
 * graph.jsonld: the quads written as compacted JSON-LD under the Diplograph context
 * (ontology/context.jsonld, embedded so the file reads offline), one named graph per document.
 *
 * The compaction is done here, in one linear pass driven by the context's term definitions,
 * rather than by jsonld.js's general algorithms (fromRDF + compact), which took over 50 s for a
 * 1 MB corpus. The tests read the file back with jsonld.js and check that it gives exactly the
 * model's quads.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Quad, Quad_Object } from "n3";
import type { GraphModel } from "../model/types.js";
import { packageFolder } from "../util/assets.js";
import { DEFAULT_BASE, type RdfOptions } from "./rdf.js";
import { modelSources, namedGraphBlocks } from "./rdf-stream.js";
import { NS } from "./vocabulary.js";
import { encodeShared, encodingScheme } from "./terms.js";

const RDF_TYPE = `${NS.rdf}type`;
const XSD_STRING = `${NS.xsd}string`;
const PLAIN_LOCAL = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

type TermDefinition = string | { "@id": string; "@type"?: string; "@container"?: string };
type JsonNode = Record<string, unknown>;

/** The JSON-LD context shipped in ontology/context.jsonld (its data prefixes follow `base`). */
export function jsonLdContext(base = DEFAULT_BASE): Record<string, TermDefinition | number> {
  const file = join(packageFolder("ontology", "context.jsonld"), "context.jsonld");
  const ctx = (JSON.parse(readFileSync(file, "utf8")) as { "@context": Record<string, TermDefinition | number> })["@context"];
  if (base === DEFAULT_BASE) return ctx;
  const out: Record<string, TermDefinition | number> = {};
  for (const [k, v] of Object.entries(ctx)) out[k] = typeof v === "string" && v.startsWith(DEFAULT_BASE) ? base + v.slice(DEFAULT_BASE.length) : v;
  return out;
}

class Compactor {
  private readonly prefixes: [string, string][] = [];
  private readonly classTerms = new Map<string, string>();
  private readonly properties = new Map<string, { term: string; type?: string; container?: string }>();

  constructor(context: Record<string, TermDefinition | number>) {
    const expand = (v: string) => {
      const i = v.indexOf(":");
      const p = i > 0 ? context[v.slice(0, i)] : undefined;
      return typeof p === "string" && !v.startsWith("http") ? p + v.slice(i + 1) : v;
    };
    for (const [term, def] of Object.entries(context)) {
      if (term.startsWith("@") || typeof def === "number") continue;
      if (typeof def === "string") {
        if (/[/#]$/.test(def)) this.prefixes.push([term, def]);
        else if (/^[A-Z]/.test(term)) this.classTerms.set(expand(def), term);
        else this.properties.set(expand(def), { term });
      } else {
        const type = def["@type"] === "@id" || def["@type"] === undefined ? def["@type"] : expand(def["@type"]);
        this.properties.set(expand(def["@id"]), { term, ...(type ? { type } : {}), ...(def["@container"] ? { container: def["@container"] } : {}) });
      }
    }
    this.prefixes.sort((a, b) => b[1].length - a[1].length);
  }

  private readonly vocabulary = new Map<string, string>();

  /** iri() of a vocabulary term (predicate, class, datatype), remembered: they recur. */
  term(value: string): string {
    let t = this.vocabulary.get(value);
    if (t === undefined) this.vocabulary.set(value, (t = this.iri(value)));
    return t;
  }

  /** The first prefix (in the order of `prefixes`) of each prefix IRI. */
  private byNamespace: Map<string, string> | undefined;

  /**
   * An IRI as prefix:local when the local part is plain, else as it is. A prefix IRI ends with
   * "/" or "#" and a plain local part holds neither, so the only prefix that can serve is the
   * one whose IRI is this IRI up to its last "/" or "#": one look-up, not a try of every prefix.
   */
  iri(value: string): string {
    if (!this.byNamespace) {
      this.byNamespace = new Map();
      for (const [p, ns] of this.prefixes) if (!this.byNamespace.has(ns)) this.byNamespace.set(ns, p);
    }
    const cut = Math.max(value.lastIndexOf("/"), value.lastIndexOf("#")) + 1;
    if (cut === 0) return value;
    const p = this.byNamespace.get(value.slice(0, cut));
    if (p === undefined) return value;
    const local = value.slice(cut);
    return PLAIN_LOCAL.test(local) && !local.endsWith(".") ? `${p}:${local}` : value;
  }

  private scheme: number | undefined;
  private readonly iriOfTerm = (term: Quad_Object) => this.iri(term.value);

  /** iri() of a term's IRI; remembered for the terms made once and used in many statements (entities). */
  private iriOf(term: Quad_Object): string {
    this.scheme ??= encodingScheme(`JSON-LD ${JSON.stringify(this.prefixes)}`);
    return encodeShared(term, this.scheme, this.iriOfTerm);
  }

  private value(o: Quad_Object, type: string | undefined): unknown {
    if (o.termType !== "Literal") return type === "@id" ? this.iriOf(o) : { "@id": this.iriOf(o) };
    if (o.language) return { "@value": o.value, "@language": o.language };
    const dt = o.datatype.value;
    if (type && type === dt) return o.value;
    if (!type && dt === XSD_STRING) return o.value;
    return { "@value": o.value, "@type": this.term(dt) };
  }

  node(subject: string, quads: Quad[]): JsonNode {
    const node: JsonNode = { "@id": this.iri(subject) };
    const types: string[] = [];
    for (const q of quads) {
      const p = q.predicate.value;
      if (p === RDF_TYPE && q.object.termType === "NamedNode") {
        types.push(this.classTerms.get(q.object.value) ?? this.term(q.object.value));
        continue;
      }
      const def = this.properties.get(p);
      const key = def?.term ?? this.term(p);
      if (def?.container === "@language" && q.object.termType === "Literal" && q.object.language) {
        const map = (node[key] ??= {}) as Record<string, string | string[]>;
        const had = map[q.object.language];
        map[q.object.language] = had === undefined ? q.object.value : [...(Array.isArray(had) ? had : [had]), q.object.value];
        continue;
      }
      // A value a language map cannot hold goes under the property's IRI instead.
      const k = def?.container === "@language" ? this.term(p) : key;
      const v = this.value(q.object, def?.container === "@language" ? undefined : def?.type);
      const had = node[k];
      node[k] = had === undefined ? v : [...(Array.isArray(had) ? had : [had]), v];
    }
    if (types.length) node["@type"] = types.length === 1 ? types[0] : types;
    return node;
  }
}

/** Quads (sorted by graph and subject) as JSON-LD node objects, grouped into named graphs. */
export function quadsToJsonLd(quads: Quad[], context: Record<string, TermDefinition | number>): JsonNode {
  const c = new Compactor(context);
  const graphs = new Map<string, Map<string, Quad[]>>();
  for (const q of quads) {
    const g = q.graph.termType === "DefaultGraph" ? "" : q.graph.value;
    let subjects = graphs.get(g);
    if (!subjects) graphs.set(g, (subjects = new Map()));
    const list = subjects.get(q.subject.value) ?? [];
    list.push(q);
    subjects.set(q.subject.value, list);
  }
  const top: JsonNode[] = [];
  const nodes = (subjects: Map<string, Quad[]> | undefined) => [...(subjects ?? [])].map(([s, qs]) => c.node(s, qs));
  top.push(...nodes(graphs.get("")));
  for (const [g, subjects] of graphs) if (g) top.push({ "@id": c.iri(g), "@graph": nodes(subjects) });
  return { "@context": context, "@graph": top };
}

/**
 * graph.jsonld written as the sorted quads come (export/rdf-stream.ts), a node at a time: the
 * same bytes as jsonLdText of all of them (JSON.stringify with an indent of 1), with one named
 * graph's nodes held at a time.
 */
export class JsonLdStreamWriter {
  private readonly c: Compactor;
  private elements = 0;
  private graph = "";
  private graphNodes: JsonNode[] = [];

  /** `elements`: top-level elements already written (by another writer, for the text this one continues). */
  constructor(
    private readonly context: Record<string, TermDefinition | number>,
    elements = 0,
  ) {
    this.c = new Compactor(context);
    this.elements = elements;
  }

  /** Top-level elements written so far, with no named graph left open: another writer can take over from here. */
  get written(): number {
    if (this.graph) throw new Error("diplograph: internal error: a named graph is still open");
    return this.elements;
  }

  /** The text before the first node. */
  start(): string {
    return `{\n "@context": ${indent(JSON.stringify(this.context, null, 1), " ")},\n "@graph": [`;
  }

  /** Text for the next quads (sorted, continuing the previous ones). */
  add(quads: Quad[]): string {
    let out = "";
    for (let i = 0; i < quads.length; ) {
      const q = quads[i] as Quad;
      const g = q.graph.termType === "DefaultGraph" ? "" : q.graph.value;
      const s = q.subject.value;
      let j = i + 1;
      while (j < quads.length && (quads[j] as Quad).subject.value === s && (quads[j] as Quad).graph.value === q.graph.value) j++;
      const node = this.c.node(s, quads.slice(i, j));
      i = j;
      if (g !== this.graph) out += this.closeGraph();
      this.graph = g;
      if (g) this.graphNodes.push(node);
      else out += this.element(node);
    }
    return out;
  }

  /** The text after the last node. */
  end(): string {
    return this.closeGraph() + (this.elements ? "\n ]\n}\n" : "]\n}\n");
  }

  private closeGraph(): string {
    if (!this.graph) return "";
    const text = this.element({ "@id": this.c.iri(this.graph), "@graph": this.graphNodes });
    this.graphNodes = [];
    this.graph = "";
    return text;
  }

  /** A top-level element, indented as JSON.stringify(…, null, 1) does at that depth. */
  private element(node: JsonNode): string {
    // Inside [[…]] an object is at the depth of an element of the top "@graph": cut the brackets.
    const text = JSON.stringify([[node]], null, 1);
    return `${this.elements++ ? ",\n" : "\n"}${text.slice(5, -5)}`;
  }
}

/** Each line after the first indented by `pad` (JSON strings hold no raw line breaks). */
function indent(text: string, pad: string): string {
  return text.replace(/\n/g, `\n${pad}`);
}

/** graph.jsonld's text from quads built with named graphs. */
export function jsonLdText(namedQuads: Quad[], base?: string): string {
  return JSON.stringify(quadsToJsonLd(namedQuads, jsonLdContext(base)), null, 1) + "\n";
}

export async function toJsonLd(model: GraphModel, opts: Omit<RdfOptions, "namedGraphs"> = {}): Promise<string> {
  const w = new JsonLdStreamWriter(jsonLdContext(opts.base));
  const parts = [w.start()];
  for (const block of namedGraphBlocks(modelSources(model, opts).named, opts)) parts.push(w.add(block));
  parts.push(w.end());
  return parts.join("");
}
