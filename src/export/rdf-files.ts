/**
 * The RDF files of a build, streamed: graph.ttl from the default-graph quads, then graph.nq,
 * graph.trig and graph.jsonld together from one pass over the named-graph quads. Quads come a
 * block at a time in sorted order (export/rdf-stream.ts) and go through n3's Writer (the same
 * writer, so the same bytes, as writing them all at once) into files written atomically.
 */
import { join } from "node:path";
import type { Writer } from "n3";
import { memoWriter } from "./n3-writer.js";
import { AtomicFile, writeFilesAtomic } from "./atomic.js";
import { JsonLdStreamWriter, jsonLdContext } from "./jsonld.js";
import { rdfPrefixes, type RdfOptions } from "./rdf.js";
import { defaultGraphBlocks, namedGraphBlocks, type DefaultGraphSources, type NamedGraphSources } from "./rdf-stream.js";

/** An n3 Writer whose output is collected and handed over a block at a time. */
function n3Writer(format: "Turtle" | "N-Quads" | "TriG", base: string | undefined): { writer: Writer; take: () => string[] } {
  let chunks: string[] = [];
  const sink = { write: (chunk: string) => void chunks.push(chunk), end: (done?: () => void) => done?.() };
  const writer = memoWriter(sink as unknown as NodeJS.WritableStream, format === "N-Quads" ? { format, end: false } : { format, prefixes: rdfPrefixes(base), end: false });
  return {
    writer,
    take: () => {
      const taken = chunks;
      chunks = [];
      return taken;
    },
  };
}

function ended(writer: Writer): Promise<void> {
  return new Promise((resolve, reject) => writer.end((err) => (err ? reject(err) : resolve())));
}

/** Writes graph.ttl, graph.nq, graph.trig and graph.jsonld into `dir`; returns their paths. */
export async function writeRdfFiles(dir: string, sources: { flat: DefaultGraphSources; named: NamedGraphSources }, opts: Pick<RdfOptions, "base"> = {}): Promise<string[]> {
  const ttl = join(dir, "graph.ttl");
  await writeFilesAtomic([ttl], async ([file]) => {
    const t = n3Writer("Turtle", opts.base);
    file!.write(t.take());
    for (const block of defaultGraphBlocks(sources.flat, opts)) {
      for (const q of block) t.writer.addQuad(q);
      file!.write(t.take());
    }
    await ended(t.writer);
    file!.write(t.take());
  });

  const named = ["graph.nq", "graph.trig", "graph.jsonld"].map((n) => join(dir, n));
  await writeFilesAtomic(named, async (files) => {
    const [nq, trig, jsonld] = files as [AtomicFile, AtomicFile, AtomicFile];
    const n = n3Writer("N-Quads", opts.base);
    const t = n3Writer("TriG", opts.base);
    const j = new JsonLdStreamWriter(jsonLdContext(opts.base));
    trig.write(t.take());
    jsonld.write(j.start());
    for (const block of namedGraphBlocks(sources.named, opts)) {
      for (const q of block) {
        n.writer.addQuad(q);
        t.writer.addQuad(q);
      }
      nq.write(n.take());
      trig.write(t.take());
      jsonld.write(j.add(block));
    }
    await ended(n.writer);
    await ended(t.writer);
    nq.write(n.take());
    trig.write(t.take());
    jsonld.write(j.end());
  });
  return [ttl, ...named];
}
