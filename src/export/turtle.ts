/**
 * RDF text from the model in n3's syntax: Turtle (graph.ttl, default graph only), N-Quads
 * (graph.nq) and TriG (graph.trig) with one named graph per source document, written as n3's
 * Writer writes them (export/rdf-text.ts). All sorted, so the same input gives byte-identical
 * files.
 */
import { Writer, type Quad } from "n3";
import type { GraphModel } from "../model/types.js";
import { rdfPrefixes, type RdfOptions } from "./rdf.js";
import { RdfTextWriter } from "./rdf-text.js";
import { defaultGraphBlocks, modelSources, namedGraphBlocks } from "./rdf-stream.js";

type Format = "Turtle" | "N-Quads" | "TriG";

async function write(model: GraphModel, format: Format, opts: Omit<RdfOptions, "namedGraphs">): Promise<string> {
  const writer = new RdfTextWriter(format, format === "N-Quads" ? undefined : rdfPrefixes(opts.base));
  // Quads a block at a time, already in order (export/rdf-stream.ts), written as n3's Writer writes them (export/rdf-text.ts).
  const sources = modelSources(model, opts);
  const blocks = format === "Turtle" ? defaultGraphBlocks(sources.flat, opts) : namedGraphBlocks(sources.named, opts);
  // One string grown by concatenation, as n3's Writer grows its own (flattened when read).
  let text = writer.head();
  for (const block of blocks) text += writer.write(block);
  return text + writer.end();
}

/** Already-sorted quads in one of n3's formats (prefixes for Turtle and TriG). */
export function writeQuads(quads: Quad[], format: Format, base?: string): Promise<string> {
  const writer = new Writer(format === "N-Quads" ? { format } : { format, prefixes: rdfPrefixes(base) });
  writer.addQuads(quads);
  return new Promise((resolve, reject) => writer.end((err, result) => (err ? reject(err) : resolve(result))));
}

/** graph.ttl: every statement in one graph. */
export function toTurtle(model: GraphModel, opts: Omit<RdfOptions, "namedGraphs"> = {}): Promise<string> {
  return write(model, "Turtle", opts);
}

/** graph.nq: one named graph per document. */
export function toNQuads(model: GraphModel, opts: Omit<RdfOptions, "namedGraphs"> = {}): Promise<string> {
  return write(model, "N-Quads", opts);
}

/** graph.trig: one named graph per document, with prefixes. */
export function toTriG(model: GraphModel, opts: Omit<RdfOptions, "namedGraphs"> = {}): Promise<string> {
  return write(model, "TriG", opts);
}
