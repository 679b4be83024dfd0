/**
 * Which store answers /sparql: an existing store the build was pushed to (`serve --sparql URL`),
 * else the embedded engine over graph.nq — two threads, each with its own copy, for a small
 * build (a query waits less); one thread, one copy, for a larger one; none past the size the
 * embedded store can hold in memory (about 0.4 KB a quad in oxigraph's WebAssembly heap, which
 * cannot pass 4 GB), where /sparql says to push the build and use --sparql.
 */
import { statSync } from "node:fs";
import { SparqlEngine, SparqlUnavailableError, type EngineOptions, type SparqlService } from "../query/sparql.js";
import { RemoteSparqlEngine } from "../query/remote.js";

/** Past this size of graph.nq, one engine thread (one copy of the store) instead of two. */
const ONE_COPY_BYTES = 32 << 20;

export async function openSparql(nquads: string, limits: EngineOptions, opts: { sparqlEndpoint?: string; embeddedStoreMaxBytes?: number }): Promise<SparqlService> {
  if (opts.sparqlEndpoint) return RemoteSparqlEngine.open(opts.sparqlEndpoint, limits);
  let size = 0;
  try {
    size = statSync(nquads).size;
  } catch {
    // missing: SparqlEngine.open says so
  }
  const max = opts.embeddedStoreMaxBytes ?? 256 << 20;
  if (size > max) {
    const mb = (n: number) => `${Math.round(n / (1 << 20))} MB`;
    return unavailable(`this build's graph.nq (${mb(size)}) is larger than the embedded SPARQL store takes (${mb(max)}): push it into a store (diplograph push) and serve it with --sparql URL`);
  }
  return SparqlEngine.open(nquads, limits, size > ONE_COPY_BYTES ? 1 : 2);
}

function unavailable(message: string): SparqlService {
  return {
    query: async () => {
      throw new SparqlUnavailableError(message);
    },
    close: async () => undefined,
  };
}
