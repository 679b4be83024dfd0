/**
 * graph.jsonld: the N-Quads view turned into JSON-LD (jsonld.js) and compacted with the
 * Diplograph context (ontology/context.jsonld), which is embedded so that the file reads offline.
 * One named graph per document, as in N-Quads and TriG.
 */
import jsonld from "jsonld";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GraphModel } from "../model/types.js";
import { packageFolder } from "../util/assets.js";
import { DEFAULT_BASE, type RdfOptions } from "./rdf.js";
import { toNQuads } from "./turtle.js";

/** The JSON-LD context shipped in ontology/context.jsonld (its data prefixes follow `base`). */
export function jsonLdContext(base = DEFAULT_BASE): Record<string, unknown> {
  const file = join(packageFolder("ontology", "context.jsonld"), "context.jsonld");
  const ctx = (JSON.parse(readFileSync(file, "utf8")) as { "@context": Record<string, unknown> })["@context"];
  if (base === DEFAULT_BASE) return ctx;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ctx)) out[k] = typeof v === "string" && v.startsWith(DEFAULT_BASE) ? base + v.slice(DEFAULT_BASE.length) : v;
  return out;
}

export async function toJsonLd(model: GraphModel, opts: Omit<RdfOptions, "namedGraphs"> = {}): Promise<string> {
  const nquads = await toNQuads(model, opts);
  const expanded = await jsonld.fromRDF(nquads, { format: "application/n-quads", useNativeTypes: false });
  const context = jsonLdContext(opts.base);
  const compacted = await jsonld.compact(expanded, context as jsonld.ContextDefinition);
  return JSON.stringify(compacted, null, 1) + "\n";
}
