/**
 * The RDF files of a build, streamed: graph.ttl from the default-graph quads, and graph.nq,
 * graph.trig and graph.jsonld together from one pass over the named-graph quads. Quads come a
 * block at a time in sorted order (export/rdf-stream.ts) and are written as n3's Writer writes
 * them (export/rdf-text.ts) into files written atomically (all four committed, or none).
 *
 * Given the document graphs as sorted runs on disk (a large build), the named files' document
 * graphs are written on a worker thread while this one writes graph.ttl (export/rdf-worker.ts).
 */
import { join } from "node:path";
import type { Quad } from "n3";
import type { SortedRuns } from "../store/sorted-runs.js";
import { AtomicFile, writeFilesAtomic } from "./atomic.js";
import { JsonLdStreamWriter, jsonLdContext } from "./jsonld.js";
import { rdfPrefixes, type RdfOptions } from "./rdf.js";
import { RdfTextWriter } from "./rdf-text.js";
import { defaultGraphBlocks, namedGraphBlocks, type DefaultGraphSources, type NamedGraphSources } from "./rdf-stream.js";
import { startDocumentGraphs } from "./rdf-worker.js";

export interface RdfFileSources {
  flat: DefaultGraphSources;
  named: NamedGraphSources;
  /**
   * The document graphs as runs keyed by documentGraphKey (export/rdf-worker.ts), instead of
   * `named.documentGraphs`: they are then written on a worker thread (with this heap cap, MB).
   */
  documentGraphRuns?: { runs: SortedRuns; heapMB: number };
}

/** Writes graph.ttl, graph.nq, graph.trig and graph.jsonld into `dir`; returns their paths. */
export async function writeRdfFiles(dir: string, sources: RdfFileSources, opts: Pick<RdfOptions, "base"> = {}): Promise<string[]> {
  const prefixes = rdfPrefixes(opts.base);
  const paths = ["graph.ttl", "graph.nq", "graph.trig", "graph.jsonld"].map((n) => join(dir, n));
  await writeFilesAtomic(paths, async (files) => {
    const [ttl, nq, trig, jsonld] = files as [AtomicFile, AtomicFile, AtomicFile, AtomicFile];
    const n = new RdfTextWriter("N-Quads");
    const t = new RdfTextWriter("TriG", prefixes);
    const j = new JsonLdStreamWriter(jsonLdContext(opts.base));
    const named = (blocks: Iterable<Quad[]>) => {
      for (const block of blocks) {
        nq.write(n.write(block));
        trig.write(t.write(block));
        jsonld.write(j.add(block));
      }
    };
    trig.write(t.head());
    jsonld.write(j.start());
    const onWorker = sources.documentGraphRuns;
    let worker: ReturnType<typeof startDocumentGraphs> | undefined;
    if (onWorker) {
      // The entities here, then the documents' graphs on the worker, from where these end.
      named(namedGraphBlocks({ entities: sources.named.entities, documentGraphs: [] }, opts));
      trig.write(t.end());
      const job = { runs: onWorker.runs.handOver(), ...(opts.base ? { base: opts.base } : {}), fds: { nq: nq.lend(), trig: trig.lend(), jsonld: jsonld.lend() }, jsonLdElements: j.written };
      worker = startDocumentGraphs(job, onWorker.heapMB);
    }
    try {
      const tt = new RdfTextWriter("Turtle", prefixes);
      ttl.write(tt.head());
      for (const block of defaultGraphBlocks(sources.flat, opts)) ttl.write(tt.write(block));
      ttl.write(tt.end());
    } catch (e) {
      // The worker writes to these files: stopped before they are closed.
      await worker?.stop();
      throw e;
    }
    if (worker) await worker.done;
    else {
      named(namedGraphBlocks(sources.named, opts));
      trig.write(t.end());
      jsonld.write(j.end());
    }
  });
  return paths;
}
