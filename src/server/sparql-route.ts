/**
 * The SPARQL 1.1 Protocol endpoint at /sparql (read-only): GET ?query=, POST as a form or as
 * application/sparql-query; default-graph-uri and named-graph-uri as the protocol says; answers
 * by content negotiation (406 when nothing offered is acceptable). A query whose client closes
 * the connection is dropped from the queue or stopped.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  FORMATS_OF,
  ResultFormatError,
  SparqlAbortedError,
  SparqlBusyError,
  SparqlEngineError,
  SparqlSyntaxError,
  SparqlTimeoutError,
  SparqlUnavailableError,
  SparqlUpdateRefused,
  checkQuery,
  type QueryResult,
  type SparqlService,
} from "../query/sparql.js";
import { FORMAT_NAMES, NotAcceptableError, negotiate } from "./negotiate.js";
import { sparqlSchema } from "./schemas.js";

/** A request that breaks the protocol: 400 with the message. */
class ProtocolError extends Error {}

type Params = Record<string, unknown>;

/** One string parameter; repeated or not a string is a protocol error. */
function single(params: Params, name: string): string | undefined {
  const v = params[name];
  if (v === undefined) return undefined;
  if (typeof v === "string") return v;
  throw new ProtocolError(Array.isArray(v) ? `"${name}" is given ${v.length} times; give it once` : `"${name}" must be a string`);
}

/** A repeatable IRI parameter. */
function list(params: Params, name: string): string[] {
  const v = params[name];
  const all = v === undefined ? [] : Array.isArray(v) ? v : [v];
  for (const iri of all) {
    if (typeof iri !== "string" || !/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i.test(iri)) throw new ProtocolError(`"${name}" must be an absolute IRI, not ${JSON.stringify(iri)}`);
  }
  return all as string[];
}

const text = (reply: FastifyReply, code: number, message: string) => reply.code(code).type("text/plain; charset=utf-8").send(`${message}\n`);

export function registerSparql(app: FastifyInstance, engine: SparqlService): void {
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const contentType = String(req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
    const query = (req.query ?? {}) as Params;
    const body = req.body;
    if (contentType === "application/sparql-update") return text(reply, 403, "updates are not allowed: this endpoint is read-only");
    try {
      let form: Params = {};
      if (req.method === "POST" && contentType !== "application/sparql-query") {
        if (body === undefined || body === null || typeof body !== "object" || Array.isArray(body)) {
          throw new ProtocolError("the body must be a form (application/x-www-form-urlencoded) or a query (application/sparql-query)");
        }
        form = body as Params;
      }
      if (query.update !== undefined || form.update !== undefined) return text(reply, 403, "updates are not allowed: this endpoint is read-only");
      const sparql = req.method === "GET" ? single(query, "query") : contentType === "application/sparql-query" ? (body as string) : single(form, "query");
      if (req.method === "POST" && contentType !== "application/sparql-query" && query.query !== undefined) throw new ProtocolError('"query" goes in the body of a POST, not in the URL');
      if (!sparql) return text(reply, 400, 'missing "query" (GET ?query=, POST form query=, or POST application/sparql-query)');
      const params = req.method === "POST" && contentType !== "application/sparql-query" ? { ...query, ...form } : query;
      const defaultGraphs = list(params, "default-graph-uri");
      const namedGraphs = list(params, "named-graph-uri");
      const kind = checkQuery(sparql);
      const accept = negotiate(kind, req.headers.accept, single(params, "format"));
      const aborted = new AbortController();
      reply.raw.once("close", () => {
        if (!reply.raw.writableFinished) aborted.abort();
      });
      const result = await engine.query(sparql, { accept, defaultGraphs, namedGraphs, signal: aborted.signal });
      return send(reply, result);
    } catch (e) {
      if (e instanceof ProtocolError) return text(reply, 400, e.message);
      if (e instanceof SparqlUpdateRefused) return text(reply, 403, e.message);
      if (e instanceof SparqlSyntaxError) return text(reply, 400, `malformed query: ${e.message}`);
      if (e instanceof NotAcceptableError) return text(reply, 406, e.message);
      if (e instanceof ResultFormatError) return text(reply, 400, e.message);
      if (e instanceof SparqlTimeoutError) return text(reply, 503, e.message);
      if (e instanceof SparqlBusyError) return text(reply.header("retry-after", "2"), 503, e.message);
      if (e instanceof SparqlEngineError) return text(reply, 500, e.message);
      if (e instanceof SparqlAbortedError) return text(reply, 503, e.message);
      if (e instanceof SparqlUnavailableError) return text(reply, 503, e.message);
      throw e;
    }
  };
  const schema = sparqlSchema(Object.keys(FORMAT_NAMES), [...new Set(Object.values(FORMATS_OF).flat())]);
  app.get("/sparql", { schema: schema.get }, handler);
  app.post("/sparql", { schema: schema.post }, handler);
}

function send(reply: FastifyReply, r: QueryResult) {
  reply.header("vary", "accept");
  reply.header("X-Diplograph-Result-Count", String(r.count));
  if (r.truncated === "rows") reply.header("X-Diplograph-Truncated", `true; the answer was cut to the result limit of the server (${r.count})`);
  if (r.truncated === "bytes") reply.header("X-Diplograph-Truncated", `true; the answer was cut to the size limit of the server (${r.count} kept)`);
  return reply.type(`${r.mediaType}; charset=utf-8`).send(r.body);
}
