/**
 * /sparql answered by an existing SPARQL store (Virtuoso, Fuseki, Oxigraph server…) that the
 * build was pushed to (`diplograph push`), for builds too large for the embedded store
 * (`serve --sparql URL`). The same rules as the embedded engine: the query is checked here before
 * the store sees it (updates and deep nesting refused, a LIMIT at the result cap added), it has
 * the same time limit (the request to the store is aborted past it), and the answer is written
 * here from the store's JSON or N-Triples, cut at the same row and byte caps, in the format the
 * client asked for.
 */
import { checkQuery, withLimit } from "./scan.js";
import { answerFormat, RESULT_TYPES, ResultFormatError, writeBindings, writeBoolean, type Row } from "./results.js";
import { parseTriples, writeGraph } from "./graph-results.js";
import { SparqlAbortedError, SparqlBusyError, SparqlEngineError, SparqlSyntaxError, SparqlTimeoutError, type EngineOptions, type QueryOptions, type QueryResult, type SparqlService } from "./sparql.js";

/** The store could not be reached when the server started. */
export class RemoteStoreError extends Error {}

export class RemoteSparqlEngine implements SparqlService {
  private running = 0;

  private constructor(
    private readonly endpoint: string,
    private readonly defaults: EngineOptions,
  ) {}

  /** A client of the store at `endpoint`; checks that it answers (ASK {}) so that `serve` fails early. */
  static async open(endpoint: string, defaults: EngineOptions): Promise<RemoteSparqlEngine> {
    const engine = new RemoteSparqlEngine(endpoint, defaults);
    try {
      const r = await engine.send("ASK {}", RESULT_TYPES.json, {}, AbortSignal.timeout(10_000));
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      await r.arrayBuffer();
    } catch (e) {
      throw new RemoteStoreError(`the SPARQL store at ${endpoint} does not answer (${(e as Error).message}): start it, or check the URL (e.g. http://127.0.0.1:8890/sparql)`);
    }
    return engine;
  }

  private send(query: string, accept: string, opts: Pick<QueryOptions, "defaultGraphs" | "namedGraphs">, signal: AbortSignal): Promise<Response> {
    const form = new URLSearchParams({ query });
    for (const g of opts.defaultGraphs ?? []) form.append("default-graph-uri", g);
    for (const g of opts.namedGraphs ?? []) form.append("named-graph-uri", g);
    return fetch(this.endpoint, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept }, body: form.toString(), signal });
  }

  async query(query: string, opts: QueryOptions = {}): Promise<QueryResult> {
    const kind = checkQuery(query, this.defaults.maxNesting);
    const format = answerFormat(kind, opts.accept);
    if (opts.signal?.aborted) throw new SparqlAbortedError("the client went away");
    // The store's own queue is not ours to fill: as many queries at once as the embedded engine queues.
    if (this.running >= (this.defaults.maxQueue ?? 256)) throw new SparqlBusyError("too many queries waiting; try again shortly");
    const limit = opts.limit ?? this.defaults.limit;
    const maxBytes = opts.maxBytes ?? this.defaults.maxBytes ?? 16 << 20;
    const timeoutMs = opts.timeoutMs ?? this.defaults.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
    const sent = kind === "boolean" ? query : withLimit(query, limit + 1);
    this.running++;
    try {
      const res = await this.send(sent, kind === "graph" ? RESULT_TYPES.ntriples : RESULT_TYPES.json, opts, signal);
      const text = await res.text();
      if (res.status === 400) throw new SparqlSyntaxError(text.trim().split("\n").slice(0, 3).join(" ").slice(0, 500));
      if (!res.ok) throw new SparqlEngineError(`the SPARQL store answered HTTP ${res.status}: ${text.trim().slice(0, 300)}`);
      if (kind === "graph") return { kind, mediaType: format, ...writeGraph(parseTriples(text), format, limit, maxBytes) };
      const json = JSON.parse(text) as { head?: { vars?: string[] }; boolean?: boolean; results?: { bindings: Row[] } };
      if (kind === "boolean") return { kind, mediaType: format, ...writeBoolean(json.boolean === true, format) };
      return { kind, mediaType: format, ...writeBindings(json.head?.vars ?? [], json.results?.bindings ?? [], format, limit, maxBytes) };
    } catch (e) {
      if (timeout.aborted) throw new SparqlTimeoutError(`query stopped after ${timeoutMs} ms (the time limit); narrow it or add a LIMIT`);
      if (opts.signal?.aborted) throw new SparqlAbortedError("the client went away; the query was stopped");
      if (e instanceof SparqlSyntaxError || e instanceof SparqlEngineError || e instanceof ResultFormatError) throw e;
      throw new SparqlEngineError(`the SPARQL store failed on this query: ${(e as Error).message}`);
    } finally {
      this.running--;
    }
  }

  async close(): Promise<void> {}
}
