/**
 * GET /api/dyads: the country view of the contacts — persons folded into the country or
 * organization they act for (src/graph/dyads.ts), one row per pair of actors with its number of
 * contacts, by relation, who asked, first and last date. Registered by the server with one line.
 */
import type { FastifyInstance } from "fastify";
import type { DiplographGraph } from "../../graph/api.js";
import { ActorIndex, computeDyads, type DyadFilter } from "../../graph/dyads.js";
import type { Relation } from "../../model/types.js";
import { isDateBound } from "../../model/dates.js";
import { errorBody } from "../schemas.js";

const RELATIONS = ["called", "met", "wrote_to", "pledged_to"] as const;
/** YYYY-MM-DD, or a month (YYYY-MM) or a year (YYYY). */
const DATE_BOUND = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";

const actor = { type: "object", properties: { id: { type: "string" }, label: { type: "string" }, labelEn: { type: "string" }, type: { type: "string" } } } as const;
const byRelation = { type: "object", properties: Object.fromEntries(RELATIONS.map((r) => [r, { type: "integer" }])) } as const;

export function registerDyadRoutes(app: FastifyInstance, g: DiplographGraph): void {
  const index = new ActorIndex(g.model.entities);
  app.get<{ Querystring: { relation?: Relation; from?: string; to?: string; limit?: number } }>(
    "/api/dyads",
    {
      schema: {
        operationId: "listDyads",
        tags: ["contacts"],
        summary: "Contacts between countries and organizations (persons folded into the actor they act for), by pair",
        description:
          "Each person counts for the country or organization of their role (时任 roles included; a country before an organization before a place, then the smallest id). " +
          "Pairs are unordered (a has the smaller id); contacts inside one actor are counted in `internal`. Dates may be days, months (YYYY-MM) or years (YYYY): an event counts when its whole span is in the range.",
        querystring: {
          type: "object",
          properties: {
            relation: { type: "string", enum: [...RELATIONS] },
            from: { type: "string", pattern: DATE_BOUND, description: "first day included (YYYY-MM-DD, YYYY-MM or YYYY)" },
            to: { type: "string", pattern: DATE_BOUND, description: "last day included (YYYY-MM-DD, YYYY-MM or YYYY)" },
            limit: { type: "integer", minimum: 1, maximum: 100000 },
          },
          additionalProperties: false,
        },
        response: {
          400: { ...errorBody, description: "A parameter is missing or wrong (a date that does not exist, an unknown relation)" },
          200: {
            type: "object",
            properties: {
              dyads: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    key: { type: "string" },
                    a: actor,
                    b: actor,
                    count: { type: "integer", description: "number of contacts" },
                    byRelation,
                    initiatedBy: { type: "object", properties: { a: { type: "integer" }, b: { type: "integer" }, none: { type: "integer" } } },
                    first: { type: "string", nullable: true },
                    last: { type: "string", nullable: true },
                    events: { type: "array", items: { type: "string" } },
                  },
                },
              },
              internal: { type: "integer", description: "contacts inside one actor" },
              total: { type: "integer", description: "number of dyads before the limit" },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const { limit, ...q } = req.query;
      for (const bound of [q.from, q.to]) if (bound !== undefined && !isDateBound(bound)) return reply.code(400).send({ error: `${bound} is not a real day, month or year` });
      const filter: DyadFilter = { ...(q.relation ? { relation: q.relation } : {}), ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) };
      const { dyads, internal } = computeDyads(index, g.model.events, filter);
      return { dyads: limit ? dyads.slice(0, limit) : dyads, internal, total: dyads.length };
    },
  );
}
