/**
 * The routes the explorer uses on a large graph, instead of loading it whole: /api/overview (the
 * most central entities), /api/ego (the neighbourhood of what the analyst searched or clicked,
 * expanded on demand) and /api/histogram (the timeline), each within a time window applied here.
 * Registered by the server with one line.
 */
import type { FastifyInstance } from "fastify";
import type { DiplographGraph } from "../../graph/api.js";
import { egoNetwork, overview, type EgoOptions, type OverviewOptions, type Window } from "../../graph/neighbourhood.js";
import { monthlyCounts } from "../../graph/histogram.js";
import { apiSchemas } from "../schemas.js";

export function registerExploreRoutes(app: FastifyInstance, g: DiplographGraph): void {
  app.get<{ Querystring: OverviewOptions }>("/api/overview", { schema: apiSchemas.overview }, async (req) => overview(g, req.query));
  app.get<{ Querystring: EgoOptions & { entity: string } }>("/api/ego", { schema: apiSchemas.ego }, async (req) => egoNetwork(g, req.query.entity, req.query));
  app.get<{ Querystring: Window }>("/api/histogram", { schema: apiSchemas.histogram }, async (req) => monthlyCounts(g, req.query));
}
