/**
 * Content negotiation for SPARQL answers: the media type for a kind of answer, from ?format= or
 * the Accept header (quality values, wildcards, and the generic types clients send), or none
 * when nothing offered is acceptable (406).
 */
import { FORMATS_OF, RESULT_TYPES, type QueryKind } from "../query/sparql.js";

/** Names for ?format=. */
export const FORMAT_NAMES: Record<string, string> = { ...RESULT_TYPES, "rdf/xml": RESULT_TYPES.rdfxml, "json-ld": RESULT_TYPES.jsonld, nt: RESULT_TYPES.ntriples, ttl: RESULT_TYPES.turtle };

/** Generic types, read for each kind of answer. */
const ALIASES: Record<QueryKind, Record<string, string>> = {
  bindings: { "application/json": RESULT_TYPES.json, "application/xml": RESULT_TYPES.xml, "text/xml": RESULT_TYPES.xml },
  boolean: { "application/json": RESULT_TYPES.json, "application/xml": RESULT_TYPES.xml, "text/xml": RESULT_TYPES.xml },
  graph: { "application/json": RESULT_TYPES.jsonld, "application/xml": RESULT_TYPES.rdfxml, "text/xml": RESULT_TYPES.rdfxml, "text/plain": RESULT_TYPES.ntriples, "application/x-turtle": RESULT_TYPES.turtle },
};

export class NotAcceptableError extends Error {}

/** The media type to answer with; NotAcceptableError when nothing offered fits. */
export function negotiate(kind: QueryKind, accept: string | undefined, format: string | undefined): string {
  const offered = FORMATS_OF[kind] as readonly string[];
  const what = kind === "bindings" ? "SELECT" : kind === "boolean" ? "ASK" : "CONSTRUCT and DESCRIBE";
  if (format !== undefined) {
    const type = FORMAT_NAMES[format.toLowerCase()] ?? ALIASES[kind][format.toLowerCase()] ?? format.toLowerCase();
    if (offered.includes(type)) return type;
    throw new NotAcceptableError(`format "${format}" is not offered for ${what} queries: use one of ${offered.join(", ")}`);
  }
  if (!accept || !accept.trim()) return offered[0] as string;
  const ranges = accept
    .split(",")
    .map((part, order) => {
      const [type, ...params] = part.trim().split(";");
      const qv = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { type: (type ?? "").trim().toLowerCase(), q: qv ? Number(qv.slice(2)) : 1, order };
    })
    .filter((r) => r.type && r.q > 0)
    .sort((a, b) => b.q - a.q || specificity(b.type) - specificity(a.type) || a.order - b.order);
  for (const { type } of ranges) {
    if (offered.includes(type)) return type;
    const alias = ALIASES[kind][type];
    if (alias) return alias;
    if (type === "*/*") return offered[0] as string;
    if (type.endsWith("/*")) {
      const match = offered.find((o) => o.startsWith(type.slice(0, -1)));
      if (match) return match;
    }
  }
  throw new NotAcceptableError(`none of the accepted types (${accept}) is offered for ${what} queries: use one of ${offered.join(", ")}`);
}

function specificity(type: string): number {
  return type === "*/*" ? 0 : type.endsWith("/*") ? 1 : 2;
}
