/**
 * Turtle (graph.ttl) from the model through n3's writer: prefixes, statements grouped by
 * subject, sorted so that the same input gives byte-identical output.
 */
import { Writer } from "n3";
import type { GraphModel } from "../model/types.js";
import { modelToQuads, rdfPrefixes, type RdfOptions } from "./rdf.js";

export function toTurtle(model: GraphModel, opts: Omit<RdfOptions, "namedGraphs"> = {}): Promise<string> {
  const quads = modelToQuads(model, { ...opts, namedGraphs: false });
  const writer = new Writer({ prefixes: rdfPrefixes(opts.base) });
  writer.addQuads(quads);
  return new Promise((resolve, reject) => writer.end((err, result) => (err ? reject(err) : resolve(result))));
}
