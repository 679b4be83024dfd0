/**
 * `diplograph serve DIR`: a JSON API over the graph functions (described at /openapi.json), a
 * read-only SPARQL 1.1 Protocol endpoint at /sparql, the build's files under /files/, and the
 * explorer at /. Built on fastify; binds to 127.0.0.1 unless told otherwise.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import fastifyStatic from "@fastify/static";
import fastifyFormbody from "@fastify/formbody";
import fastifySwagger from "@fastify/swagger";
import { existsSync, readFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { join, resolve } from "node:path";
import { openGraph, UnknownEntityError, type DiplographGraph } from "../graph/api.js";
import { RESULT_TYPES, SparqlBusyError, SparqlEngine, SparqlSyntaxError, SparqlTimeoutError, SparqlUpdateRefused, type QueryResult } from "../query/sparql.js";
import type { EntityType, Relation } from "../model/types.js";
import { graphJson } from "../graph/export.js";
import { packageFolder } from "../util/assets.js";
import { registerDyadRoutes } from "./routes/dyads.js";

export interface ServerOptions {
  /** Per-query time limit of the SPARQL endpoint, ms. */
  queryTimeoutMs?: number;
  /** The most rows or triples a SPARQL answer carries. */
  resultLimit?: number;
  /** Folder of the built explorer (default: the package's viewer/dist). */
  viewerDir?: string;
  logger?: boolean;
  /** Time a client has to send a whole request, ms (slow clients are cut off). */
  requestTimeoutMs?: number;
}

const RELATIONS = ["called", "met", "wrote_to", "pledged_to"] as const;
const TYPES = ["Person", "Country", "Organization", "Place"] as const;
const DATE = "^\\d{4}-\\d{2}-\\d{2}$";

/** Creates the server for a build folder (not yet listening). */
export async function createServer(buildDir: string, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const dir = resolve(buildDir);
  const graph = openGraph(dir);
  const nquadsFile = join(dir, "graph.nq");
  if (!existsSync(nquadsFile)) throw new Error(`${nquadsFile}: missing (rebuild with \`diplograph build\`)`);
  const sparql = new SparqlEngine(readFileSync(nquadsFile, "utf8"), { timeoutMs: opts.queryTimeoutMs ?? 10_000, limit: opts.resultLimit ?? 10_000 });

  // Bounded bodies and slow clients: 1 MB per request, 30 s to send it, 60 s to keep a connection idle.
  const requestTimeout = opts.requestTimeoutMs ?? 30_000;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1 << 20,
    connectionTimeout: 60_000,
    // Node checks request time limits only every connectionsCheckingInterval (30 s by default).
    serverFactory: (handler) =>
      createHttpServer({ requestTimeout, headersTimeout: Math.min(requestTimeout, 60_000), connectionsCheckingInterval: Math.max(250, Math.min(5_000, requestTimeout / 4)) }, handler),
  });
  app.addHook("onClose", async () => sparql.close());
  await app.register(fastifyFormbody);
  app.addContentTypeParser("application/sparql-query", { parseAs: "string" }, (_req, body, done) => done(null, body));
  app.addContentTypeParser("application/sparql-update", { parseAs: "string" }, (_req, body, done) => done(null, body));
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: { title: "Diplograph API", version: "1.0.0", description: "Who called, met, wrote to and pledged to whom: the graph of a Diplograph build." },
    },
  });

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, _req, reply) => {
    if (err instanceof UnknownEntityError) return reply.code(404).send({ error: err.message });
    if (err.validation) return reply.code(400).send({ error: err.message });
    const code = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    return reply.code(code).send({ error: code === 500 ? "internal error" : err.message });
  });

  registerApi(app, graph);
  registerDyadRoutes(app, graph);
  registerSparql(app, sparql);

  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(fastifyStatic, { root: dir, prefix: "/files/", decorateReply: false, allowedPath: (path) => /^\/?[\w.-]+$/.test(path) });
  const viewer = opts.viewerDir ?? defaultViewerDir();
  if (viewer) await app.register(fastifyStatic, { root: viewer, prefix: "/", decorateReply: false });
  else app.get("/", { schema: { hide: true } }, async (_req, reply) => reply.type("text/plain; charset=utf-8").send("Diplograph API: see /openapi.json and /sparql (the explorer is not built: npm run build:viewer)\n"));
  return app;
}

function defaultViewerDir(): string | undefined {
  try {
    return join(packageFolder("viewer", "dist/index.html"), "dist");
  } catch {
    return undefined;
  }
}

const entityRef = { type: "object", properties: { id: { type: "string" }, label: { type: "string" }, type: { type: "string" } } } as const;

function registerApi(app: FastifyInstance, g: DiplographGraph): void {
  const range = { relation: { type: "string", enum: [...RELATIONS] }, from: { type: "string", pattern: DATE }, to: { type: "string", pattern: DATE } } as const;

  app.get<{ Querystring: { q: string; limit?: number } }>(
    "/api/search",
    { schema: { summary: "Entities whose label or alias contains the text", querystring: { type: "object", required: ["q"], properties: { q: { type: "string", minLength: 1 }, limit: { type: "integer", minimum: 1, maximum: 100, default: 10 } } } } },
    async (req) => ({ results: g.search(req.query.q, req.query.limit) }),
  );

  app.get<{ Querystring: { name: string } }>(
    "/api/entity",
    { schema: { summary: "One entity by id, IRI or any alias, with its metrics", querystring: { type: "object", required: ["name"], properties: { name: { type: "string", minLength: 1 } } } } },
    async (req) => {
      const e = g.require(req.query.name);
      const { degree, pagerank, community } = g.graph.getNodeAttributes(e.id);
      return { entity: e, iri: g.iri(e.id), degree, pagerank, community };
    },
  );

  app.get<{ Querystring: { entity: string; relation?: Relation; from?: string; to?: string } }>(
    "/api/contacts",
    { schema: { summary: "The contacts of an entity, by relation and date range", querystring: { type: "object", required: ["entity"], properties: { entity: { type: "string", minLength: 1 }, ...range } } } },
    async (req) => {
      const { entity, ...filter } = req.query;
      return { entity: g.require(entity), contacts: g.contacts(entity, filter) };
    },
  );

  app.get<{ Querystring: { entity: string } }>(
    "/api/timeline",
    { schema: { summary: "Every event of an entity in date order", querystring: { type: "object", required: ["entity"], properties: { entity: { type: "string", minLength: 1 } } } } },
    async (req) => ({ entity: g.require(req.query.entity), events: g.timeline(req.query.entity) }),
  );

  app.get<{ Querystring: { from: string; to: string } }>(
    "/api/path",
    { schema: { summary: "A shortest chain of contacts between two entities", querystring: { type: "object", required: ["from", "to"], properties: { from: { type: "string", minLength: 1 }, to: { type: "string", minLength: 1 } } } } },
    async (req) => ({ path: g.path(req.query.from, req.query.to) }),
  );

  app.get<{ Querystring: { by?: "pagerank" | "degree"; type?: EntityType; limit?: number } }>(
    "/api/top",
    {
      schema: {
        summary: "Entities ranked by PageRank or degree",
        querystring: { type: "object", properties: { by: { type: "string", enum: ["pagerank", "degree"], default: "pagerank" }, type: { type: "string", enum: [...TYPES] }, limit: { type: "integer", minimum: 1, maximum: 1000, default: 10 } } },
        response: { 200: { type: "object", properties: { results: { type: "array", items: { type: "object", properties: { entity: entityRef, score: { type: "number" } } } } } } },
      },
    },
    async (req) => ({ results: g.top(req.query) }),
  );

  app.get("/api/communities", { schema: { summary: "Louvain communities of the contact network" } }, async () => ({ communities: g.communities() }));

  app.get<{ Querystring: { relation?: Relation; from?: string; to?: string } }>(
    "/api/graph",
    { schema: { summary: "The graph (or the events passing the filter) as Graphology JSON, for the explorer", querystring: { type: "object", properties: range } } },
    async (req) => graphJson(req.query.relation || req.query.from || req.query.to ? g.subgraph(req.query) : g),
  );

  app.get("/api/stats", { schema: { summary: "Counts of the build" } }, async () => ({
    entities: g.model.entities.length,
    events: g.model.events.length,
    documents: g.model.documents.length,
  }));
}

function registerSparql(app: FastifyInstance, engine: SparqlEngine): void {
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const q = (req.query ?? {}) as Record<string, string | undefined>;
    const contentType = String(req.headers["content-type"] ?? "").split(";")[0]?.trim();
    const body = req.body as Record<string, string | undefined> | string | undefined;
    if (contentType === "application/sparql-update" || q.update !== undefined || (typeof body === "object" && body?.update !== undefined)) {
      return reply.code(403).type("text/plain; charset=utf-8").send("updates are not allowed: this endpoint is read-only\n");
    }
    const query = req.method === "GET" ? q.query : typeof body === "string" ? body : body?.query;
    if (!query) return reply.code(400).type("text/plain; charset=utf-8").send('missing "query" (GET ?query=, POST form query=, or POST application/sparql-query)\n');
    try {
      const accept = negotiate(String(req.headers.accept ?? ""), q.format);
      const result = await engine.query(query, accept ? { accept } : {});
      return send(reply, result);
    } catch (e) {
      if (e instanceof SparqlUpdateRefused) return reply.code(403).type("text/plain; charset=utf-8").send(`${e.message}\n`);
      if (e instanceof SparqlSyntaxError) return reply.code(400).type("text/plain; charset=utf-8").send(`malformed query: ${e.message}\n`);
      if (e instanceof SparqlTimeoutError) return reply.code(503).type("text/plain; charset=utf-8").send(`${e.message}\n`);
      if (e instanceof SparqlBusyError) return reply.code(503).header("retry-after", "2").type("text/plain; charset=utf-8").send(`${e.message}\n`);
      throw e;
    }
  };
  const schema = { summary: "SPARQL 1.1 Protocol endpoint (read-only)", hide: false };
  app.get("/sparql", { schema }, handler);
  app.post("/sparql", { schema }, handler);
}

function send(reply: FastifyReply, r: QueryResult) {
  reply.header("X-Diplograph-Result-Count", String(r.count));
  if (r.truncated) reply.header("X-Diplograph-Truncated", `true; the answer was cut to the result limit of the server (${r.count} in all)`);
  return reply.type(`${r.mediaType}; charset=utf-8`).send(r.body);
}

/** The result media type: ?format=json|csv|tsv|turtle|ntriples, else the Accept header. */
function negotiate(accept: string, format?: string): string | undefined {
  if (format && format in RESULT_TYPES) return RESULT_TYPES[format as keyof typeof RESULT_TYPES];
  const wanted = accept
    .split(",")
    .map((part) => {
      const [type, ...params] = part.trim().split(";");
      const qv = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { type: (type ?? "").trim().toLowerCase(), q: qv ? Number(qv.slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { type } of wanted) {
    if ((Object.values(RESULT_TYPES) as string[]).includes(type)) return type;
    if (type === "application/json") return RESULT_TYPES.json;
    if (type === "text/plain") return RESULT_TYPES.ntriples;
  }
  return undefined;
}
