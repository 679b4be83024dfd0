/**
 * `diplograph push`: loads a build into a triple store over the SPARQL 1.1 Graph Store HTTP
 * Protocol (Virtuoso, Jena Fuseki, GraphDB, Oxigraph server, Neptune). One named graph per
 * source document, plus one for the entities (the build's default graph); each graph is one PUT,
 * which replaces it whole: re-pushing is idempotent, and a graph is never half-written. Graphs go
 * in parallel batches, with retries and exponential backoff on network errors, 429 and 5xx.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { Parser, Writer, type Quad } from "n3";
import DigestClient from "digest-fetch";
import { DEFAULT_BASE } from "./rdf.js";

export interface PushOptions {
  /** The Graph Store endpoint, e.g. http://127.0.0.1:8890/sparql-graph-crud-auth */
  endpoint: string;
  user?: string;
  password?: string;
  /** Graphs sent at the same time. */
  concurrency?: number;
  /** Tries per graph after the first. */
  retries?: number;
  /** First backoff, ms (doubles each try). */
  backoffMs?: number;
  onGraph?: (graph: string, ok: boolean) => void;
  /** The graph of the build's default graph (the entities); default `<base>graph/entities`. Shards pushed into one store each need their own. */
  entitiesGraph?: string;
}

export interface PushResult {
  graphs: number;
  triples: number;
  failed: { graph: string; error: string }[];
}

export class PushError extends Error {}

/** The graphs of a build's graph.nq: document graphs by IRI, the default graph under `<base>graph/entities`. */
export function graphsOf(dir: string, entitiesGraph?: string): Map<string, Quad[]> {
  const file = join(dir, "graph.nq");
  if (!existsSync(file)) throw new PushError(`${file}: missing (is ${dir} a build folder?)`);
  let base = DEFAULT_BASE;
  try {
    base = (JSON.parse(readFileSync(join(dir, "build.json"), "utf8")) as { base?: string | null }).base ?? DEFAULT_BASE;
  } catch {
    // an older build without a manifest: the default base
  }
  const graphs = new Map<string, Quad[]>();
  for (const q of new Parser({ format: "N-Quads" }).parse(readFileSync(file, "utf8"))) {
    const g = q.graph.termType === "DefaultGraph" ? (entitiesGraph ?? `${base}graph/entities`) : q.graph.value;
    const list = graphs.get(g) ?? [];
    list.push(q);
    graphs.set(g, list);
  }
  return graphs;
}

function ntriples(quads: Quad[]): Promise<string> {
  const w = new Writer({ format: "N-Triples" });
  for (const q of quads) w.addQuad(q.subject, q.predicate, q.object);
  return new Promise((resolve, reject) => w.end((e, out) => (e ? reject(e) : resolve(out))));
}

/** Sends every graph of the build; failures are collected, not thrown. */
export async function push(dir: string, opts: PushOptions): Promise<PushResult> {
  const graphs = [...graphsOf(dir, opts.entitiesGraph)].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  const retries = opts.retries ?? 4;
  const backoff = opts.backoffMs ?? 500;
  const sender = makeSender(opts);
  const result: PushResult = { graphs: 0, triples: 0, failed: [] };
  let next = 0;
  const work = async () => {
    while (next < graphs.length) {
      const [graph, quads] = graphs[next++] as [string, Quad[]];
      const body = await ntriples(quads);
      const url = `${opts.endpoint}${opts.endpoint.includes("?") ? "&" : "?"}graph=${encodeURIComponent(graph)}`;
      let error = "";
      for (let attempt = 0; attempt <= retries; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, backoff * 2 ** (attempt - 1)));
        try {
          const res = await sender(url, body);
          if (res.ok) {
            error = "";
            break;
          }
          error = `HTTP ${res.status} ${(await res.text()).trim().slice(0, 200)}`;
          if (res.status !== 429 && res.status < 500) break; // a refusal is not retried
        } catch (e) {
          error = (e as Error).message;
        }
      }
      if (error) result.failed.push({ graph, error });
      else {
        result.graphs++;
        result.triples += quads.length;
      }
      opts.onGraph?.(graph, !error);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, graphs.length) }, work));
  result.failed.sort((a, b) => (a.graph < b.graph ? -1 : 1));
  return result;
}

type Sender = (url: string, body: string) => Promise<Response>;

/** PUT with Basic credentials, switching to HTTP Digest when the server asks for it (Virtuoso). */
function makeSender(opts: PushOptions): Sender {
  const headers = { "content-type": "application/n-triples" };
  if (opts.user === undefined) return (url, body) => fetch(url, { method: "PUT", headers, body });
  const basic = `Basic ${Buffer.from(`${opts.user}:${opts.password ?? ""}`).toString("base64")}`;
  let digest: DigestClient | undefined;
  return async (url, body) => {
    if (digest) return (await digest.fetch(url, { method: "PUT", headers, body })) as Response;
    const res = await fetch(url, { method: "PUT", headers: { ...headers, authorization: basic }, body });
    // Some servers (Virtuoso) refuse Basic without saying which scheme they want: try Digest.
    if (res.status === 401 && !/^basic/i.test(res.headers.get("www-authenticate") ?? "")) {
      await res.arrayBuffer();
      digest = new DigestClient(opts.user, opts.password ?? "");
      return (await digest.fetch(url, { method: "PUT", headers, body })) as Response;
    }
    return res;
  };
}
