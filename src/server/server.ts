/**
 * `diplograph serve DIR`: a JSON API over the graph functions (described at /openapi.json), a
 * read-only SPARQL 1.1 Protocol endpoint at /sparql, the build's files under /files/, and the
 * explorer at /. Built on fastify; binds to 127.0.0.1 unless told otherwise.
 */
import Fastify, { type FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";
import fastifyFormbody from "@fastify/formbody";
import fastifySwagger from "@fastify/swagger";
import { createServer as createHttpServer } from "node:http";
import { join, resolve } from "node:path";
import { openGraph, UnknownEntityError, type DiplographGraph } from "../graph/api.js";
import type { EntityType, Relation } from "../model/types.js";
import { graphJson } from "../graph/export.js";
import { packageFolder } from "../util/assets.js";
import { registerSparql } from "./sparql-route.js";
import { registerSecurity } from "./security.js";
import { registerFiles } from "./files.js";
import { apiSchemas } from "./schemas.js";
import { registerDyadRoutes } from "./routes/dyads.js";
import { registerExploreRoutes } from "./routes/explore.js";
import { openSparql } from "./sparql-store.js";

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
  /** The most bytes of one SPARQL answer. */
  resultBytes?: number;
  /** Host names (besides localhost and IP addresses) accepted in the Host header: the bound host and --allow-host. */
  allowHosts?: string[];
  /** The address the server will be reached at, for the `servers` of /openapi.json. */
  publicUrl?: string;
  /** Answer /sparql from this existing store (the build pushed to it) instead of the embedded one. */
  sparqlEndpoint?: string;
  /** Builds with more events than this open in the explorer part by part (default 20,000). */
  largeGraphEvents?: number;
  /** The largest graph.nq loaded into the embedded store (default 256 MB); past it, /sparql asks for --sparql. */
  embeddedStoreMaxBytes?: number;
}


/** Creates the server for a build folder (not yet listening). */
export async function createServer(buildDir: string, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const dir = resolve(buildDir);
  const graph = openGraph(dir);
  const limits = { timeoutMs: opts.queryTimeoutMs ?? 10_000, limit: opts.resultLimit ?? 10_000, ...(opts.resultBytes ? { maxBytes: opts.resultBytes } : {}) };
  const sparql = await openSparql(join(dir, "graph.nq"), limits, opts);

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
  registerSecurity(app, opts.allowHosts ?? []);
  await app.register(fastifyFormbody);
  app.addContentTypeParser("application/sparql-query", { parseAs: "string" }, (_req, body, done) => done(null, body));
  app.addContentTypeParser("application/sparql-update", { parseAs: "string" }, (_req, body, done) => done(null, body));
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "Diplograph API",
        version: "1.0.0",
        description: "Who called, met, wrote to and pledged to whom: the graph of a Diplograph build.",
        license: { name: "MIT", url: "https://opensource.org/licenses/MIT" },
      },
      servers: [{ url: opts.publicUrl ?? "http://127.0.0.1:8080", description: "diplograph serve" }],
      tags: [
        { name: "entities", description: "Look-up and search of entities" },
        { name: "contacts", description: "Contacts, timelines and paths between entities" },
        { name: "graph", description: "The contact network: rankings, communities, the whole graph" },
        { name: "sparql", description: "The read-only SPARQL 1.1 Protocol endpoint" },
      ],
      security: [],
    },
  });

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, _req, reply) => {
    if (err instanceof UnknownEntityError) return reply.code(404).send({ error: err.message });
    if (err.validation) return reply.code(400).send({ error: err.message });
    const code = err.statusCode && err.statusCode < 500 ? err.statusCode : 500;
    return reply.code(code).send({ error: code === 500 ? "internal error" : err.message });
  });

  registerApi(app, graph, opts.largeGraphEvents ?? 20_000);
  registerDyadRoutes(app, graph);
  registerExploreRoutes(app, graph);
  registerSparql(app, sparql);

  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  registerFiles(app, dir);
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

function registerApi(app: FastifyInstance, g: DiplographGraph, largeGraphEvents: number): void {
  app.get<{ Querystring: { q: string; limit?: number } }>(
    "/api/search",
    { schema: apiSchemas.search },
    async (req) => ({ results: g.search(req.query.q, req.query.limit) }),
  );

  app.get<{ Querystring: { name: string } }>(
    "/api/entity",
    { schema: apiSchemas.entity },
    async (req) => {
      const e = g.require(req.query.name);
      const { degree, pagerank, community } = g.graph.getNodeAttributes(e.id);
      return { entity: e, iri: g.iri(e.id), degree, pagerank, community };
    },
  );

  app.get<{ Querystring: { entity: string; relation?: Relation; from?: string; to?: string } }>(
    "/api/contacts",
    { schema: apiSchemas.contacts },
    async (req) => {
      const { entity, ...filter } = req.query;
      return { entity: g.require(entity), contacts: g.contacts(entity, filter) };
    },
  );

  app.get<{ Querystring: { entity: string } }>(
    "/api/timeline",
    { schema: apiSchemas.timeline },
    async (req) => ({ entity: g.require(req.query.entity), events: g.timeline(req.query.entity) }),
  );

  app.get<{ Querystring: { from: string; to: string } }>(
    "/api/path",
    { schema: apiSchemas.path },
    async (req) => ({ path: g.path(req.query.from, req.query.to) }),
  );

  app.get<{ Querystring: { by?: "pagerank" | "degree"; type?: EntityType; limit?: number } }>(
    "/api/top",
    { schema: apiSchemas.top },
    async (req) => ({ results: g.top(req.query) }),
  );

  app.get("/api/communities", { schema: apiSchemas.communities }, async () => ({ communities: g.communities() }));

  app.get<{ Querystring: { relation?: Relation; from?: string; to?: string } }>(
    "/api/graph",
    { schema: apiSchemas.graph },
    async (req) => graphJson(req.query.relation || req.query.from || req.query.to ? g.subgraph(req.query) : g),
  );

  app.get("/api/stats", { schema: apiSchemas.stats }, async () => ({
    entities: g.model.entities.length,
    events: g.model.events.length,
    documents: g.model.documents.length,
    large: g.model.events.length > largeGraphEvents,
  }));
}
