/**
 * Read-only SPARQL 1.1 over a build's N-Quads, with oxigraph (an embedded SPARQL engine) in
 * worker threads: a query that runs past its time limit is stopped by ending its worker (the
 * engine cannot be interrupted otherwise) while the other worker keeps answering; results past
 * the cap are cut and flagged. The default graph is the merge of all documents' statements (each
 * statement once); GRAPH <doc> reaches what one document says.
 */
import { Worker } from "node:worker_threads";
import { createRequire } from "node:module";
import { Parser } from "n3";
import { writeQuads } from "../export/turtle.js";

export type QueryKind = "bindings" | "boolean" | "graph";

export interface QueryResult {
  kind: QueryKind;
  /** The serialized result in `mediaType`. */
  body: string;
  mediaType: string;
  /** Rows (or triples) before the cap. */
  count: number;
  truncated: boolean;
}

export interface QueryOptions {
  /** A media type: application/sparql-results+json, text/csv, text/tab-separated-values, text/turtle, application/n-triples. */
  accept?: string;
  timeoutMs?: number;
  /** The most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) returned. */
  limit?: number;
}

export class SparqlSyntaxError extends Error {}
export class SparqlTimeoutError extends Error {}
export class SparqlUpdateRefused extends Error {}

export const RESULT_TYPES = {
  json: "application/sparql-results+json",
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  turtle: "text/turtle",
  ntriples: "application/n-triples",
} as const;

// The worker: loads the N-Quads once, answers one query at a time. Plain CommonJS source so
// that it runs the same from src/ (tests) and from dist/.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const oxigraph = require(workerData.oxigraph);
const store = new oxigraph.Store();
store.load(workerData.nquads, { format: "application/n-quads" });
// The default graph is the merge (a set) of every document's statements; named graphs stay.
for (const q of store.match(null, null, null, null)) {
  if (q.graph.termType !== "DefaultGraph") store.add(oxigraph.quad(q.subject, q.predicate, q.object, oxigraph.defaultGraph()));
}
parentPort.postMessage({ ready: true });
parentPort.on("message", ({ id, query, format }) => {
  try {
    const body = store.query(query, { results_format: format });
    parentPort.postMessage({ id, body });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message ? e.message : e) });
  }
});
`;

interface Job {
  query: string;
  format: string;
  timeoutMs: number;
  resolve: (body: string) => void;
  reject: (e: Error) => void;
}

/** One engine thread running one query at a time; the time limit starts when the query does. */
class QueryWorker {
  private worker!: Worker;
  private ready!: Promise<void>;
  private current: (Job & { timer: NodeJS.Timeout }) | undefined;

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
    const oxigraph = createRequire(import.meta.url).resolve("oxigraph");
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { oxigraph, nquads: this.nquads } });
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      this.worker.once("message", () => resolve());
      this.worker.once("error", reject);
    });
    this.worker.on("message", (m: { id?: number; body?: string; error?: string }) => {
      if (m.id === undefined || !this.current) return;
      const job = this.current;
      this.finish();
      if (m.error !== undefined) job.reject(new SparqlSyntaxError(m.error));
      else job.resolve(m.body ?? "");
    });
  }

  private finish(): void {
    if (this.current) clearTimeout(this.current.timer);
    this.current = undefined;
    this.onIdle(this);
  }

  async run(job: Job): Promise<void> {
    const timer = setTimeout(() => {
      // The engine cannot be interrupted: end this thread and start a fresh one.
      const old = this.worker;
      this.start();
      void old.terminate();
      this.finish();
      job.reject(new SparqlTimeoutError(`query stopped after ${job.timeoutMs} ms (the time limit); narrow it or add a LIMIT`));
    }, job.timeoutMs);
    this.current = { ...job, timer };
    await this.ready;
    if (this.current?.timer === timer) this.worker.postMessage({ id: 1, query: job.query, format: job.format });
  }

  close(): Promise<number> {
    if (this.current) clearTimeout(this.current.timer);
    return this.worker.terminate();
  }
}

export class SparqlBusyError extends Error {}

/** A read-only SPARQL engine over one build's N-Quads. */
export class SparqlEngine {
  private readonly workers: QueryWorker[];
  private readonly queue: Job[] = [];

  constructor(
    nquads: string,
    private readonly defaults: { timeoutMs: number; limit: number; base?: string; maxQueue?: number } = { timeoutMs: 10_000, limit: 10_000 },
    workers = 2,
  ) {
    this.workers = Array.from({ length: workers }, () => new QueryWorker(nquads, (w) => this.dispatch(w)));
  }

  /** Queries wait here for a free engine thread; the queue is bounded. */
  private enqueue(query: string, format: string, timeoutMs: number): Promise<string> {
    if (this.queue.length >= (this.defaults.maxQueue ?? 256)) return Promise.reject(new SparqlBusyError("too many queries waiting; try again shortly"));
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ query, format, timeoutMs, resolve, reject });
      const free = this.workers.find((w) => w.idle);
      if (free) this.dispatch(free);
    });
  }

  private dispatch(w: QueryWorker): void {
    const job = w.idle ? this.queue.shift() : undefined;
    if (job) void w.run(job);
  }

  /** Runs a query; errors are SparqlSyntaxError (400), SparqlUpdateRefused (403), SparqlTimeoutError (503). */
  async query(query: string, opts: QueryOptions = {}): Promise<QueryResult> {
    const kind = queryKind(query);
    const limit = opts.limit ?? this.defaults.limit;
    const timeoutMs = opts.timeoutMs ?? this.defaults.timeoutMs;
    if (kind === "graph") {
      const nt = await this.enqueue(query, RESULT_TYPES.ntriples, timeoutMs);
      const lines = nt.split("\n").filter((l) => l.trim());
      const kept = lines.slice(0, limit);
      const mediaType = opts.accept === RESULT_TYPES.ntriples ? RESULT_TYPES.ntriples : RESULT_TYPES.turtle;
      const body = mediaType === RESULT_TYPES.ntriples ? kept.join("\n") + (kept.length ? "\n" : "") : await writeQuads(new Parser({ format: "N-Triples" }).parse(kept.join("\n")), "Turtle", this.defaults.base);
      return { kind, body, mediaType, count: lines.length, truncated: lines.length > limit };
    }
    const json = await this.enqueue(query, RESULT_TYPES.json, timeoutMs);
    const parsed = JSON.parse(json) as SparqlJson;
    if (parsed.boolean !== undefined) {
      const mediaType = opts.accept === RESULT_TYPES.csv || opts.accept === RESULT_TYPES.tsv ? opts.accept : RESULT_TYPES.json;
      const body = mediaType === RESULT_TYPES.json ? json : `_askResult\n${parsed.boolean}\n`;
      return { kind: "boolean", body, mediaType, count: 1, truncated: false };
    }
    const rows = parsed.results?.bindings ?? [];
    const kept = rows.slice(0, limit);
    const vars = parsed.head.vars ?? [];
    const mediaType = opts.accept === RESULT_TYPES.csv || opts.accept === RESULT_TYPES.tsv ? opts.accept : RESULT_TYPES.json;
    const body =
      mediaType === RESULT_TYPES.csv
        ? toCsv(vars, kept)
        : mediaType === RESULT_TYPES.tsv
          ? toTsv(vars, kept)
          : JSON.stringify({ head: parsed.head, results: { bindings: kept } });
    return { kind: "bindings", body, mediaType, count: rows.length, truncated: rows.length > limit };
  }

  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new SparqlBusyError("the engine is closing"));
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

/** SELECT/ASK give bindings or a boolean; CONSTRUCT/DESCRIBE a graph; updates are refused. */
export function queryKind(query: string): QueryKind {
  const body = stripPrologue(query);
  if (/^(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b/i.test(body)) {
    throw new SparqlUpdateRefused("updates are not allowed: this endpoint is read-only");
  }
  if (/^(CONSTRUCT|DESCRIBE)\b/i.test(body)) return "graph";
  if (/^ASK\b/i.test(body)) return "boolean";
  return "bindings";
}

/** The query without comments, BASE and PREFIX declarations. */
function stripPrologue(query: string): string {
  let q = query.replace(/^\s*#[^\n]*$/gm, "").trim();
  for (;;) {
    const m = /^(PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*/i.exec(q);
    if (!m) return q;
    q = q.slice(m[0].length);
  }
}

interface SparqlTerm {
  type: "uri" | "literal" | "bnode" | "triple";
  value: string;
  "xml:lang"?: string;
  datatype?: string;
}
interface SparqlJson {
  head: { vars?: string[] };
  boolean?: boolean;
  results?: { bindings: Record<string, SparqlTerm>[] };
}

/** SPARQL 1.1 Query Results CSV: plain values, RFC 4180 quoting. */
function toCsv(vars: string[], rows: Record<string, SparqlTerm>[]): string {
  const cell = (t: SparqlTerm | undefined) => {
    const v = t ? t.value : "";
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return [vars.join(","), ...rows.map((r) => vars.map((v) => cell(r[v])).join(","))].join("\r\n") + "\r\n";
}

/** SPARQL 1.1 Query Results TSV: terms in their Turtle/N-Triples form. */
function toTsv(vars: string[], rows: Record<string, SparqlTerm>[]): string {
  const esc = (s: string) => s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
  const term = (t: SparqlTerm | undefined) => {
    if (!t) return "";
    if (t.type === "uri") return `<${t.value}>`;
    if (t.type === "bnode") return `_:${t.value}`;
    if (t["xml:lang"]) return `"${esc(t.value)}"@${t["xml:lang"]}`;
    if (t.datatype && t.datatype !== "http://www.w3.org/2001/XMLSchema#string") return `"${esc(t.value)}"^^<${t.datatype}>`;
    return `"${esc(t.value)}"`;
  };
  return [vars.map((v) => `?${v}`).join("\t"), ...rows.map((r) => vars.map((v) => term(r[v])).join("\t"))].join("\n") + "\n";
}
