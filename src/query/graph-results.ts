/**
 * Writing a CONSTRUCT or DESCRIBE answer: triples cut at a number and about a number of bytes,
 * in any RDF format oxigraph writes. Shared by the embedded engine's thread and the remote store.
 */
import * as oxigraph from "oxigraph";
import { FORMATS_OF, ResultFormatError, type Written } from "./results.js";

/** Triples, cut at `limit` and about `maxBytes` (counted in N-Triples). */
export function writeGraph(quads: oxigraph.Quad[], format: string, limit: number, maxBytes: number): Written {
  if (!(FORMATS_OF.graph as readonly string[]).includes(format)) throw new ResultFormatError(`a graph cannot be written as ${format}: ask for ${FORMATS_OF.graph.join(", ")}`);
  const kept = new oxigraph.Store();
  let bytes = 0;
  let truncated: Written["truncated"] = quads.length > limit ? "rows" : false;
  for (const q of quads.slice(0, limit)) {
    bytes += Buffer.byteLength(q.toString()) + 3;
    if (bytes > maxBytes) {
      truncated = "bytes";
      break;
    }
    kept.add(oxigraph.quad(q.subject, q.predicate, q.object, oxigraph.defaultGraph()));
  }
  try {
    return { body: kept.dump({ format, from_graph_name: oxigraph.defaultGraph() }), count: kept.size, truncated };
  } catch (e) {
    throw new ResultFormatError(`the graph cannot be written as ${format}: ${(e as Error).message}`);
  }
}

/** N-Triples (as a remote store answers a CONSTRUCT) as oxigraph quads. */
export function parseTriples(ntriples: string): oxigraph.Quad[] {
  const store = new oxigraph.Store();
  store.load(ntriples, { format: "application/n-triples" });
  return store.match(null, null, null, null);
}
