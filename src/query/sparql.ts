/**
 * Read-only SPARQL 1.1 over a build's N-Quads, with oxigraph (an embedded SPARQL engine) in
 * worker threads (./worker.ts). Before the engine sees a query it is checked (./scan.ts): updates
 * are refused, deep nesting is refused, and a LIMIT at the result cap is added. Each query has a
 * time limit covering evaluation and writing the answer; a query past it, or one whose client
 * went away, is stopped by ending its thread (the engine cannot be interrupted otherwise), and a
 * thread whose engine failed (a WebAssembly trap) is replaced. Answers are cut at a number of
 * rows and of bytes, and flagged. The default graph is the merge of all documents' statements
 * (each statement once); GRAPH <doc> reaches what one document says.
 */
import { Worker } from "node:worker_threads";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import { packageFolder } from "../util/assets.js";
import { checkQuery, withLimit, SparqlSyntaxError, SparqlUpdateRefused, type QueryKind } from "./scan.js";
import { answerFormat, ResultFormatError } from "./results.js";
import type { EngineReply, EngineRequest } from "./worker.js";

export { checkQuery, SparqlSyntaxError, SparqlUpdateRefused, type QueryKind } from "./scan.js";
export { FORMATS_OF, RESULT_TYPES, ResultFormatError } from "./results.js";

export interface QueryResult {
  kind: QueryKind;
  /** The serialized result in `mediaType`. */
  body: string;
  mediaType: string;
  /** Rows (or triples) in the answer. */
  count: number;
  /** Whether, and why, the answer was cut: at the row cap or the byte cap. */
  truncated: false | "rows" | "bytes";
}

export interface QueryOptions {
  /** A media type from RESULT_TYPES that fits the query's kind (default: JSON for solutions, Turtle for graphs). */
  accept?: string;
  timeoutMs?: number;
  /** The most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) returned. */
  limit?: number;
  /** The most bytes of an answer. */
  maxBytes?: number;
  /** SPARQL protocol dataset: default-graph-uri and named-graph-uri. */
  defaultGraphs?: string[];
  namedGraphs?: string[];
  /** Aborting it drops the query from the queue, or stops it if running (a client that went away). */
  signal?: AbortSignal;
}

export interface EngineOptions {
  timeoutMs: number;
  limit: number;
  /** Bytes of one answer (default 16 MB). */
  maxBytes?: number;
  /** Queries waiting for a thread (default 256). */
  maxQueue?: number;
  /** Deepest nesting of a query (default 64). */
  maxNesting?: number;
}

export class SparqlTimeoutError extends Error {}
export class SparqlBusyError extends Error {}
/** The engine failed on this query (a crash inside it); its thread was replaced. */
export class SparqlEngineError extends Error {}
/** The client went away before the answer. */
export class SparqlAbortedError extends Error {}
/** This server has no store for /sparql (the build is too large for the embedded one). */
export class SparqlUnavailableError extends Error {}
/** The N-Quads could not be loaded. */
export class SparqlDataError extends Error {}

interface Job {
  request: Omit<EngineRequest, "id">;
  timeoutMs: number;
  signal?: AbortSignal;
  resolve: (r: { body: string; mediaType: string; count: number; truncated: QueryResult["truncated"] }) => void;
  reject: (e: Error) => void;
}

/** The compiled worker (from dist/ when running from dist/, else the package's dist/). */
function workerFile(): URL {
  const here = new URL("./worker.js", import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return pathToFileURL(join(packageFolder("dist", "query/worker.js"), "query/worker.js"));
}

/** One engine thread running one query at a time; the time limit starts when the query does. */
class QueryWorker {
  private worker!: Worker;
  ready!: Promise<void>;
  private current: (Job & { timer?: NodeJS.Timeout; id: number }) | undefined;
  private nextId = 1;

  constructor(
    private readonly nquads: string,
    private readonly onIdle: (w: QueryWorker) => void,
  ) {
    this.start();
  }

  get idle(): boolean {
    return this.current === undefined;
  }

  private start(): void {
    const worker = new Worker(workerFile(), { workerData: { nquads: this.nquads } });
    this.worker = worker;
    worker.unref();
    let loaded = false;
    this.ready = new Promise((resolve, reject) => {
      worker.once("message", () => {
        loaded = true;
        resolve();
      });
      worker.once("error", reject);
    });
    this.ready.catch(() => undefined);
    worker.on("message", (m: EngineReply | { ready: true }) => {
      if (!("id" in m) || !this.current || m.id !== this.current.id) return;
      const job = this.current;
      if ("ok" in m) {
        this.finish();
        job.resolve(m.ok);
      } else if (m.type === "fatal") {
        this.restart();
        this.finish();
        job.reject(new SparqlEngineError(`the engine failed on this query (${m.error}); it was restarted, and the query is refused`));
      } else {
        this.finish();
        job.reject(m.type === "format" ? new ResultFormatError(m.error) : new SparqlSyntaxError(m.error));
      }
    });
    worker.on("error", (e) => {
      // Out of memory, or a crash: the thread is gone. Replace it; the query it ran fails.
      if (this.worker !== worker || !loaded) return;
      const job = this.current;
      this.restart();
      if (job) {
        this.finish();
        job.reject(new SparqlEngineError(`the engine failed on this query (${e.message}); it was restarted`));
      }
    });
  }

  /** Ends this thread and starts a fresh one. */
  private restart(): void {
    const old = this.worker;
    this.start();
    void old.terminate();
  }

  private finish(): void {
    if (this.current?.timer) clearTimeout(this.current.timer);
    this.current?.signal?.removeEventListener("abort", this.onAbort);
    this.current = undefined;
    this.onIdle(this);
  }

  /** Stops the running query (time limit, or its client went away). */
  private stop(error: Error): void {
    const job = this.current;
    if (!job) return;
    this.restart();
    this.finish();
    job.reject(error);
  }

  private readonly onAbort = () => this.stop(new SparqlAbortedError("the client went away; the query was stopped"));

  async run(job: Job): Promise<void> {
    const id = this.nextId++;
    this.current = { ...job, id };
    job.signal?.addEventListener("abort", this.onAbort, { once: true });
    try {
      await this.ready;
    } catch (e) {
      this.stop(new SparqlEngineError(`the engine could not start: ${(e as Error).message}`));
      return;
    }
    if (this.current?.id !== id) return;
    // The time limit is the query's own: it starts once the engine has loaded the store (a thread
    // restarted after a runaway query reloads it first), not while the query waits for that.
    this.current.timer = setTimeout(() => this.stop(new SparqlTimeoutError(`query stopped after ${job.timeoutMs} ms (the time limit); narrow it or add a LIMIT`)), job.timeoutMs);
    this.worker.postMessage({ ...job.request, id });
  }

  close(): Promise<number> {
    if (this.current?.timer) clearTimeout(this.current.timer);
    return this.worker.terminate();
  }
}

/** What /sparql needs: the embedded engine, or a client of an existing store (./remote.ts). */
export interface SparqlService {
  query(query: string, opts?: QueryOptions): Promise<QueryResult>;
  close(): Promise<void>;
}

/** A read-only SPARQL engine over one build's N-Quads. */
export class SparqlEngine implements SparqlService {
  private readonly workers: QueryWorker[];
  private readonly queue: Job[] = [];

  constructor(
    nquads: string,
    private readonly defaults: EngineOptions = { timeoutMs: 10_000, limit: 10_000 },
    workers = 2,
  ) {
    this.workers = Array.from({ length: workers }, () => new QueryWorker(nquads, (w) => this.dispatch(w)));
  }

  /**
   * An engine over an N-Quads file, loaded: a missing or damaged file is a SparqlDataError that
   * names it and suggests a rebuild.
   */
  static async open(file: string, defaults: EngineOptions, workers = 2): Promise<SparqlEngine> {
    let nquads: string;
    try {
      nquads = readFileSync(file, "utf8");
    } catch {
      throw new SparqlDataError(`${file}: missing or unreadable (is this a folder written by \`diplograph build --out\`? rebuild it)`);
    }
    const engine = new SparqlEngine(nquads, defaults, workers);
    try {
      await engine.ready();
    } catch (e) {
      await engine.close();
      throw new SparqlDataError(`${file}: not valid N-Quads (${(e as Error).message.split("\n")[0]}); the build looks damaged: rebuild it with \`diplograph build\``);
    }
    return engine;
  }

  /** Resolves when every engine thread has loaded the data. */
  async ready(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.ready));
  }

  /** Queries wait here for a free engine thread; the queue is bounded. */
  private enqueue(request: Omit<EngineRequest, "id">, timeoutMs: number, signal?: AbortSignal): Promise<{ body: string; mediaType: string; count: number; truncated: QueryResult["truncated"] }> {
    if (signal?.aborted) return Promise.reject(new SparqlAbortedError("the client went away"));
    if (this.queue.length >= (this.defaults.maxQueue ?? 256)) return Promise.reject(new SparqlBusyError("too many queries waiting; try again shortly"));
    return new Promise((resolve, reject) => {
      const job: Job = { request, timeoutMs, resolve, reject, ...(signal ? { signal } : {}) };
      this.queue.push(job);
      signal?.addEventListener(
        "abort",
        () => {
          const at = this.queue.indexOf(job);
          if (at >= 0) {
            this.queue.splice(at, 1);
            reject(new SparqlAbortedError("the client went away; the query was dropped from the queue"));
          }
        },
        { once: true },
      );
      const free = this.workers.find((w) => w.idle);
      if (free) this.dispatch(free);
    });
  }

  private dispatch(w: QueryWorker): void {
    const job = w.idle ? this.queue.shift() : undefined;
    if (job) void w.run(job);
  }

  /** Queries waiting for a thread (not counting the running ones). */
  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Runs a query; errors are SparqlSyntaxError (400), ResultFormatError (the answer cannot be
   * written as asked), SparqlUpdateRefused (403), SparqlTimeoutError and SparqlBusyError (503),
   * SparqlEngineError (the engine failed), SparqlAbortedError.
   */
  async query(query: string, opts: QueryOptions = {}): Promise<QueryResult> {
    const kind = checkQuery(query, this.defaults.maxNesting);
    const format = answerFormat(kind, opts.accept);
    const limit = opts.limit ?? this.defaults.limit;
    const request: Omit<EngineRequest, "id"> = {
      // One more than the cap, so that a cut answer is known to be cut.
      query: kind === "boolean" ? query : withLimit(query, limit + 1),
      kind,
      format,
      limit,
      maxBytes: opts.maxBytes ?? this.defaults.maxBytes ?? 16 << 20,
      ...(opts.defaultGraphs?.length ? { defaultGraphs: opts.defaultGraphs } : {}),
      ...(opts.namedGraphs?.length ? { namedGraphs: opts.namedGraphs } : {}),
    };
    const r = await this.enqueue(request, opts.timeoutMs ?? this.defaults.timeoutMs, opts.signal);
    return { kind, ...r };
  }

  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new SparqlBusyError("the engine is closing"));
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

/** SPARQL 1.1 kind of a query (SELECT/ASK/CONSTRUCT-DESCRIBE); updates are refused. */
export function queryKind(query: string): QueryKind {
  return checkQuery(query, Infinity);
}
