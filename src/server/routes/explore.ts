/**
 * The routes the explorer uses on a large graph, instead of loading it whole: /api/overview (the
 * most central entities), /api/ego (the neighbourhood of what the analyst searched or clicked,
 * expanded on demand) and /api/histogram (the timeline), each within a time window applied here.
 * Answers are kept (the build does not change while served) and sent as ready JSON: the
 * overview is what every visitor asks for first. Registered by the server with one line.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import type { DiplographGraph } from "../../graph/api.js";
import { egoNetwork, overview, type EgoOptions, type OverviewOptions, type Window } from "../../graph/neighbourhood.js";
import { monthlyCounts } from "../../graph/histogram.js";
import { apiSchemas } from "../schemas.js";

/** The last answers, by route and parameters (oldest dropped first). */
class Answers {
  private readonly kept = new Map<string, string>();
  constructor(private readonly size: number) {}
  get(key: string, make: () => unknown): string {
    let json = this.kept.get(key);
    if (json === undefined) {
      json = JSON.stringify(make());
      this.kept.set(key, json);
      if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value as string);
    }
    return json;
  }
}

const send = (reply: FastifyReply, json: string) => reply.type("application/json; charset=utf-8").send(json);
const keyOf = (route: string, query: object) => `${route}?${JSON.stringify(Object.entries(query).sort())}`;

export function registerExploreRoutes(app: FastifyInstance, g: DiplographGraph): void {
  const answers = new Answers(64);
  // The first view of every visitor, ready before the first one comes.
  answers.get(keyOf("overview", { edges: 3000, limit: 150 }), () => overview(g, { edges: 3000, limit: 150 }));
  app.get<{ Querystring: OverviewOptions }>("/api/overview", { schema: apiSchemas.overview }, async (req, reply) => send(reply, answers.get(keyOf("overview", req.query), () => overview(g, req.query))));
  app.get<{ Querystring: EgoOptions & { entity: string } }>("/api/ego", { schema: apiSchemas.ego }, async (req, reply) => send(reply, answers.get(keyOf("ego", req.query), () => egoNetwork(g, req.query.entity, req.query))));
  app.get<{ Querystring: Window }>("/api/histogram", { schema: apiSchemas.histogram }, async (req, reply) => send(reply, answers.get(keyOf("histogram", req.query), () => monthlyCounts(g, req.query))));
}
