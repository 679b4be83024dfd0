/**
 * Writing SPARQL answers, cut at a number of rows (or triples) and of bytes: solutions as
 * SPARQL Results JSON, XML, CSV or TSV; booleans as JSON or XML; graphs as Turtle,
 * N-Triples, RDF/XML or JSON-LD. Runs in the engine's worker thread, so that a huge answer never
 * holds up the server's main thread and counts against the query's time limit.
 */
import { xmlSafe } from "../util/xml.js";

export const RESULT_TYPES = {
  json: "application/sparql-results+json",
  xml: "application/sparql-results+xml",
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  turtle: "text/turtle",
  ntriples: "application/n-triples",
  rdfxml: "application/rdf+xml",
  jsonld: "application/ld+json",
} as const;

export type MediaType = (typeof RESULT_TYPES)[keyof typeof RESULT_TYPES];

/** What each kind of answer can be written as; the first is the default. */
export const FORMATS_OF = {
  bindings: [RESULT_TYPES.json, RESULT_TYPES.xml, RESULT_TYPES.csv, RESULT_TYPES.tsv],
  boolean: [RESULT_TYPES.json, RESULT_TYPES.xml],
  graph: [RESULT_TYPES.turtle, RESULT_TYPES.ntriples, RESULT_TYPES.rdfxml, RESULT_TYPES.jsonld],
} as const;

/** The answer cannot be written in the asked format (a triple term in CSV, say): a 400. */
export class ResultFormatError extends Error {}

/** The format an answer of this kind is written in: the one asked for (if it fits the kind) or the kind's default. */
export function answerFormat(kind: keyof typeof FORMATS_OF, accept: string | undefined): string {
  const format = accept ?? FORMATS_OF[kind][0];
  if (!(FORMATS_OF[kind] as readonly string[]).includes(format)) {
    const what = kind === "bindings" ? "SELECT solutions" : kind === "boolean" ? "an ASK answer" : "a CONSTRUCT or DESCRIBE graph";
    throw new ResultFormatError(`${what} cannot be written as ${format}: ask for ${FORMATS_OF[kind].join(", ")}`);
  }
  return format;
}

export interface Written {
  body: string;
  /** Rows or triples written. */
  count: number;
  /** Why the answer was cut, if it was. */
  truncated: false | "rows" | "bytes";
}

export interface SparqlTerm {
  type: "uri" | "literal" | "bnode" | "triple";
  value: string | { subject: SparqlTerm; predicate: SparqlTerm; object: SparqlTerm };
  "xml:lang"?: string;
  datatype?: string;
}
export type Row = Record<string, SparqlTerm>;

const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";

/** Text safe in XML 1.0: characters XML forbids become U+FFFD, markup is escaped. */
export function xmlText(s: string): string {
  return xmlSafe(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Solutions, cut at `limit` rows and about `maxBytes` bytes. */
export function writeBindings(vars: string[], rows: Row[], format: string, limit: number, maxBytes: number): Written {
  const writer = BINDING_WRITERS[format];
  if (!writer) throw new ResultFormatError(`solutions cannot be written as ${format}`);
  const parts: string[] = [];
  let bytes = 0;
  let truncated: Written["truncated"] = rows.length > limit ? "rows" : false;
  for (const row of rows.slice(0, limit)) {
    const part = writer.row(vars, row);
    bytes += Buffer.byteLength(part);
    if (bytes > maxBytes) {
      truncated = "bytes";
      break;
    }
    parts.push(part);
  }
  return { body: writer.head(vars) + parts.join(writer.separator) + writer.tail, count: parts.length, truncated };
}

export function writeBoolean(value: boolean, format: string): Written {
  if (format === RESULT_TYPES.json) return { body: JSON.stringify({ head: {}, boolean: value }), count: 1, truncated: false };
  if (format === RESULT_TYPES.xml) return { body: `<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>${value}</boolean></sparql>\n`, count: 1, truncated: false };
  throw new ResultFormatError(`an ASK answer cannot be written as ${format}: ask for ${FORMATS_OF.boolean.join(" or ")}`);
}

interface BindingWriter {
  head: (vars: string[]) => string;
  row: (vars: string[], row: Row) => string;
  separator: string;
  tail: string;
}

const noTriples = (format: string) => (t: SparqlTerm) => {
  if (t.type === "triple") throw new ResultFormatError(`a solution holds a triple term, which ${format} cannot carry: ask for ${RESULT_TYPES.json} or ${RESULT_TYPES.xml}`);
  return t.value as string;
};

const csvValue = noTriples("CSV");
const tsvValue = noTriples("TSV");
const tsvEsc = (s: string) => s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");

const BINDING_WRITERS: Record<string, BindingWriter> = {
  [RESULT_TYPES.json]: {
    head: (vars) => `{"head":{"vars":${JSON.stringify(vars)}},"results":{"bindings":[`,
    row: (_vars, row) => JSON.stringify(row),
    separator: ",",
    tail: "]}}",
  },
  [RESULT_TYPES.xml]: {
    head: (vars) => `<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>${vars.map((v) => `<variable name="${xmlText(v)}"/>`).join("")}</head><results>`,
    row: (vars, row) => `<result>${vars.filter((v) => row[v]).map((v) => `<binding name="${xmlText(v)}">${xmlTerm(row[v] as SparqlTerm)}</binding>`).join("")}</result>`,
    separator: "\n",
    tail: "</results></sparql>\n",
  },
  // SPARQL 1.1 Query Results CSV: plain values, RFC 4180 quoting.
  [RESULT_TYPES.csv]: {
    head: (vars) => vars.join(",") + "\r\n",
    row: (vars, row) =>
      vars
        .map((v) => {
          const value = row[v] ? csvValue(row[v] as SparqlTerm) : "";
          return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
        })
        .join(",") + "\r\n",
    separator: "",
    tail: "",
  },
  // SPARQL 1.1 Query Results TSV: terms in their Turtle/N-Triples form.
  [RESULT_TYPES.tsv]: {
    head: (vars) => vars.map((v) => `?${v}`).join("\t") + "\n",
    row: (vars, row) =>
      vars
        .map((v) => {
          const t = row[v];
          if (!t) return "";
          const value = tsvValue(t);
          if (t.type === "uri") return `<${value}>`;
          if (t.type === "bnode") return `_:${value}`;
          if (t["xml:lang"]) return `"${tsvEsc(value)}"@${t["xml:lang"]}`;
          if (t.datatype && t.datatype !== XSD_STRING) return `"${tsvEsc(value)}"^^<${t.datatype}>`;
          return `"${tsvEsc(value)}"`;
        })
        .join("\t") + "\n",
    separator: "",
    tail: "",
  },
};

function xmlTerm(t: SparqlTerm): string {
  if (typeof t.value !== "string") return `<triple><subject>${xmlTerm(t.value.subject)}</subject><predicate>${xmlTerm(t.value.predicate)}</predicate><object>${xmlTerm(t.value.object)}</object></triple>`;
  if (t.type === "uri") return `<uri>${xmlText(t.value)}</uri>`;
  if (t.type === "bnode") return `<bnode>${xmlText(t.value)}</bnode>`;
  const attrs = t["xml:lang"] ? ` xml:lang="${xmlText(t["xml:lang"])}"` : t.datatype ? ` datatype="${xmlText(t.datatype)}"` : "";
  return `<literal${attrs}>${xmlText(t.value)}</literal>`;
}
