/**
 * Route schemas of the server: fastify validates requests with them, and @fastify/swagger
 * writes /openapi.json from them (operation ids, parameters, responses with their errors).
 * Response objects keep properties the schema does not name (additionalProperties), so the
 * documentation never strips data from an answer.
 */

const DATE = "^\\d{4}-\\d{2}-\\d{2}$";
const RELATIONS = ["called", "met", "wrote_to", "pledged_to"];
const TYPES = ["Person", "Country", "Organization", "Place"];

const open = (description: string, properties: Record<string, unknown> = {}, required: string[] = []) => ({
  type: "object",
  description,
  properties,
  ...(required.length ? { required } : {}),
  additionalProperties: true,
});

export const errorBody = { type: "object", description: "What was wrong", properties: { error: { type: "string" } }, required: ["error"], additionalProperties: false };

const entityRef = open("An entity, briefly", { id: { type: "string" }, label: { type: "string" }, type: { type: "string", enum: TYPES } }, ["id", "label", "type"]);
const entity = open("An entity: person, country, organization or place", {
  id: { type: "string", description: "Stable id, e.g. person/xi-jin-ping" },
  type: { type: "string", enum: TYPES },
  label: { type: "string", description: "Simplified Chinese" },
  labelEn: { type: "string" },
  aliases: { type: "array", items: { type: "string" } },
  roles: { type: "array", items: open("A title held in a country or organization") },
});
const event = open("A contact: who called, met, wrote to or pledged to whom, when, and where it was read", {
  id: { type: "string" },
  relation: { type: "string", enum: RELATIONS },
  subject: entityRef,
  object: entityRef,
  date: { type: "string", nullable: true },
  initiator: { ...entityRef, nullable: true },
  amount: { ...open("A pledged amount"), nullable: true },
  sources: { type: "array", items: open("A source sentence: document and character offsets") },
});

const dateParam = (description: string) => ({ type: "string", format: "date", pattern: DATE, description });
const range = {
  relation: { type: "string", enum: RELATIONS, description: "Only this relation" },
  from: dateParam("First day, YYYY-MM-DD (a real date)"),
  to: dateParam("Last day, YYYY-MM-DD (a real date)"),
};
const name = (description: string) => ({ type: "string", minLength: 1, description });

const responses = (ok: Record<string, unknown>, notFound = false) => ({
  200: ok,
  400: { ...errorBody, description: "A parameter is missing or wrong" },
  ...(notFound ? { 404: { ...errorBody, description: "No entity has this name" } } : {}),
});

const query = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, ...(required.length ? { required } : {}), additionalProperties: false });

const graphJson = open("The graph in Graphology's serialization: nodes (entities with metrics) and edges (events)", {
  attributes: open("Graph attributes"),
  options: open("Graph options"),
  nodes: { type: "array", items: open("A node: key and entity attributes") },
  edges: { type: "array", items: open("An edge: key, source, target and event attributes") },
});

const partGraph = open("Part of the graph in Graphology's serialization, like /api/graph; `attributes` say what is shown", {
  attributes: open("What the part shows", {
    view: { type: "string", enum: ["overview", "ego"] },
    center: { type: "string", description: "The entity of an ego network" },
    available: open("Entities and events in the window; for an ego network, the entities reached and the events among the entities kept", { entities: { type: "integer" }, events: { type: "integer" } }),
    shown: open("Entities and events in this answer", { entities: { type: "integer" }, events: { type: "integer" } }),
    truncated: { type: "boolean", description: "Whether entities or events were left out by the caps" },
  }),
  options: open("Graph options"),
  nodes: { type: "array", items: open("A node: key and entity attributes") },
  edges: { type: "array", items: open("An edge: key, source, target and event attributes") },
});

export const apiSchemas = {
  search: {
    operationId: "searchEntities",
    tags: ["entities"],
    summary: "Entities whose label or alias contains the text",
    querystring: query({ q: name("Text to look for, in either script"), limit: { type: "integer", minimum: 1, maximum: 100, default: 10 } }, ["q"]),
    response: responses(open("Matching entities, exact matches first", { results: { type: "array", items: entity } })),
  },
  entity: {
    operationId: "getEntity",
    tags: ["entities"],
    summary: "One entity by id, IRI or any alias, with its metrics",
    querystring: query({ name: name("Id, IRI or any name") }, ["name"]),
    response: responses(open("The entity", { entity, iri: { type: "string" }, degree: { type: "integer" }, pagerank: { type: "number" }, community: { type: "integer" } }), true),
  },
  contacts: {
    operationId: "listContacts",
    tags: ["contacts"],
    summary: "The contacts of an entity, by relation and date range",
    querystring: query({ entity: name("Id, IRI or any name"), ...range }, ["entity"]),
    response: responses(open("The entity and its contacts", { entity, contacts: { type: "array", items: open("A contact", { event, counterpart: entityRef, direction: { type: "string", enum: ["out", "in", "both"] } }) } }), true),
  },
  timeline: {
    operationId: "getTimeline",
    tags: ["contacts"],
    summary: "Every event of an entity in date order",
    querystring: query({ entity: name("Id, IRI or any name") }, ["entity"]),
    response: responses(open("The entity and its events", { entity, events: { type: "array", items: event } }), true),
  },
  path: {
    operationId: "findPath",
    tags: ["contacts"],
    summary: "A shortest chain of contacts between two entities",
    querystring: query({ from: name("Id, IRI or any name"), to: name("Id, IRI or any name") }, ["from", "to"]),
    response: responses(open("The chain, or null when none links them", { path: { type: "array", nullable: true, items: open("A step", { entity: entityRef, via: { type: "array", items: event } }) } }), true),
  },
  top: {
    operationId: "rankEntities",
    tags: ["graph"],
    summary: "Entities ranked by PageRank or degree",
    querystring: query({ by: { type: "string", enum: ["pagerank", "degree"], default: "pagerank" }, type: { type: "string", enum: TYPES }, limit: { type: "integer", minimum: 1, maximum: 1000, default: 10 } }),
    response: responses(open("Ranked entities", { results: { type: "array", items: open("An entity and its score", { entity: entityRef, score: { type: "number" } }) } })),
  },
  communities: {
    operationId: "listCommunities",
    tags: ["graph"],
    summary: "Louvain communities of the contact network",
    querystring: query({}),
    response: responses(open("Communities", { communities: { type: "array", items: open("A community", { id: { type: "integer" }, members: { type: "array", items: entityRef } }) } })),
  },
  graph: {
    operationId: "getGraph",
    tags: ["graph"],
    summary: "The graph (or the events passing the filter) as Graphology JSON, for the explorer",
    querystring: query(range),
    response: responses(graphJson),
  },
  overview: {
    operationId: "getOverview",
    tags: ["graph"],
    summary: "The most central entities and the contacts among them, for a first view of a large graph",
    description:
      "Without a window, entities are ranked by PageRank; with a date range or a relation, by their number of contacts in it (then PageRank). " +
      "Events among the chosen entities follow, at most `edges` of them: every pair of entities gets one before any gets two, the latest first. " +
      "The graph's `attributes` say what is shown and what the window holds (`available`, `shown`, `truncated`).",
    querystring: query({ ...range, limit: { type: "integer", minimum: 1, maximum: 2000, default: 150, description: "The most entities" }, edges: { type: "integer", minimum: 0, maximum: 50000, default: 3000, description: "The most events" } }),
    response: responses(partGraph),
  },
  ego: {
    operationId: "getEgoNetwork",
    tags: ["graph"],
    summary: "The neighbourhood of an entity: its counterparts, theirs, … to a depth, within a date range",
    description:
      "Counterparts are taken by their number of contacts with the entity in the window, most first, until `limit` entities; then the events among them, at most `edges` " +
      "(every pair one before any two, the latest first). The graph's `attributes` say what is shown and what was reached (`available`, `shown`, `truncated`).",
    querystring: query(
      {
        entity: name("Id, IRI or any name"),
        depth: { type: "integer", minimum: 1, maximum: 3, default: 1, description: "Steps of contacts from the entity" },
        limit: { type: "integer", minimum: 1, maximum: 2000, default: 100, description: "The most entities, the entity included" },
        edges: { type: "integer", minimum: 0, maximum: 50000, default: 3000, description: "The most events" },
        ...range,
      },
      ["entity"],
    ),
    response: responses(partGraph, true),
  },
  histogram: {
    operationId: "getHistogram",
    tags: ["graph"],
    summary: "Events by month in a date range (the explorer's timeline on a large graph)",
    querystring: query(range),
    response: responses(
      open("Counts by month", {
        months: { type: "array", items: open("A month and its events", { month: { type: "string", description: "YYYY-MM" }, events: { type: "integer" } }, ["month", "events"]) },
        undated: { type: "integer", description: "Events without a date (or only a year)" },
      }),
    ),
  },
  stats: {
    operationId: "getStats",
    tags: ["graph"],
    summary: "Counts of the build",
    querystring: query({}),
    response: responses(
      open("Counts", {
        entities: { type: "integer" },
        events: { type: "integer" },
        documents: { type: "integer" },
        large: { type: "boolean", description: "Whether the explorer should open the graph part by part (/api/overview, /api/ego) rather than whole" },
      }),
    ),
  },
};

const text = (description: string) => ({ description, content: { "text/plain": { schema: { type: "string" } } } });

/** /sparql: the SPARQL 1.1 Protocol (answers by content negotiation, so only documented here). */
export function sparqlSchema(formats: string[], mediaTypes: string[]) {
  const protocol = {
    "default-graph-uri": { type: "array", items: { type: "string" }, description: "IRI of a graph to make up the default graph (repeatable); overrides FROM" },
    "named-graph-uri": { type: "array", items: { type: "string" }, description: "IRI of a graph to make available with GRAPH (repeatable); overrides FROM NAMED" },
    format: { type: "string", enum: formats, description: "The answer's format, instead of the Accept header" },
  };
  const answers = {
    200: { description: "The answer, in the negotiated format", content: Object.fromEntries(mediaTypes.map((t) => [t, { schema: { type: "string" } }])) },
    400: text("Malformed query, repeated or wrong parameters, or an answer that cannot be written in the asked format"),
    403: text("An update: this endpoint is read-only"),
    406: text("None of the accepted media types is offered for this kind of query"),
    500: text("The engine failed on this query (it was restarted)"),
    503: text("The time limit was hit, too many queries are waiting, or the build is too large for the embedded store (serve it with --sparql)"),
  };
  return {
    get: {
      operationId: "sparqlQueryGet",
      tags: ["sparql"],
      summary: "SPARQL 1.1 query (read-only), by GET",
      querystring: { type: "object", properties: { query: { type: "string", description: "The SPARQL query" }, ...protocol } },
      response: answers,
    },
    post: {
      operationId: "sparqlQueryPost",
      tags: ["sparql"],
      summary: "SPARQL 1.1 query (read-only), by POST: a form (query=) or the query itself",
      querystring: { type: "object", properties: protocol },
      body: {
        content: {
          "application/x-www-form-urlencoded": { schema: { type: "object", properties: { query: { type: "string", description: "The SPARQL query" }, ...protocol } } },
          "application/sparql-query": { schema: { type: "string", description: "The SPARQL query" } },
        },
      },
      response: answers,
    },
  };
}
