/**
 * The RDF files of a build, streamed: graph.ttl from the default-graph quads, then graph.nq,
 * graph.trig and graph.jsonld together from one pass over the named-graph quads. Quads come a
 * block at a time in sorted order (export/rdf-stream.ts) and go through n3's Writer (the same
 * writer, so the same bytes, as writing them all at once) into files written atomically.
 */
import { join } from "node:path";
import { AtomicFile, writeFilesAtomic } from "./atomic.js";
import { JsonLdStreamWriter, jsonLdContext } from "./jsonld.js";
import { rdfPrefixes, type RdfOptions } from "./rdf.js";
import { RdfTextWriter } from "./rdf-text.js";
import { defaultGraphBlocks, namedGraphBlocks, type DefaultGraphSources, type NamedGraphSources } from "./rdf-stream.js";

/** Writes graph.ttl, graph.nq, graph.trig and graph.jsonld into `dir`; returns their paths. */
export async function writeRdfFiles(dir: string, sources: { flat: DefaultGraphSources; named: NamedGraphSources }, opts: Pick<RdfOptions, "base"> = {}): Promise<string[]> {
  const prefixes = rdfPrefixes(opts.base);
  const ttl = join(dir, "graph.ttl");
  await writeFilesAtomic([ttl], async ([file]) => {
    const t = new RdfTextWriter("Turtle", prefixes);
    file!.write(t.head());
    for (const block of defaultGraphBlocks(sources.flat, opts)) file!.write(t.write(block));
    file!.write(t.end());
  });

  const named = ["graph.nq", "graph.trig", "graph.jsonld"].map((n) => join(dir, n));
  await writeFilesAtomic(named, async (files) => {
    const [nq, trig, jsonld] = files as [AtomicFile, AtomicFile, AtomicFile];
    const n = new RdfTextWriter("N-Quads");
    const t = new RdfTextWriter("TriG", prefixes);
    const j = new JsonLdStreamWriter(jsonLdContext(opts.base));
    trig.write(t.head());
    jsonld.write(j.start());
    for (const block of namedGraphBlocks(sources.named, opts)) {
      nq.write(n.write(block));
      trig.write(t.write(block));
      jsonld.write(j.add(block));
    }
    trig.write(t.end());
    jsonld.write(j.end());
  });
  return [ttl, ...named];
}
