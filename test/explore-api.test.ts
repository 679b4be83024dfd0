/**
 * The API the explorer uses on a large graph, over real HTTP: /api/overview (the most central
 * entities and the contacts among them), /api/ego (an entity's neighbourhood with depth and
 * limit), /api/histogram (events by month), each within a time window; /api/stats says when a
 * build is large. Over the bundled build (answers known from its text) and a generated one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { build } from "../src/build.js";
import { createServer } from "../src/server/server.js";
import { writeLargeBuild } from "../bench/large-build.js";
import { CORPUS, tempDir } from "./helpers/paths.js";

interface Part {
  attributes: { view: string; center?: string; available: { entities: number; events: number }; shown: { entities: number; events: number }; truncated: boolean };
  nodes: { key: string; attributes: { label: string; pagerank: number } }[];
  edges: { key: string; source: string; target: string; attributes: { date: string | null; relation: string } }[];
}

let app: FastifyInstance;
let base: string;
const get = async <T = Part>(path: string) => {
  const r = await fetch(`${base}${path}`);
  return { status: r.status, body: (await r.json()) as T };
};
const q = encodeURIComponent;

beforeAll(async () => {
  const out = tempDir();
  await build([CORPUS], { out });
  app = await createServer(out, { largeGraphEvents: 10 });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe("the bundled build", () => {
  it("/api/stats says whether the explorer opens the build part by part", async () => {
    expect((await get<{ large: boolean; events: number }>("/api/stats")).body).toMatchObject({ events: 23, large: true });
  });

  it("the overview shows the most central entities first, with the contacts among them, and says what it leaves out", async () => {
    const { body } = await get("/api/overview?limit=3");
    expect(body.nodes.map((n) => n.attributes.label)).toContain("习近平");
    expect(body.nodes).toHaveLength(3);
    const keys = new Set(body.nodes.map((n) => n.key));
    for (const e of body.edges) expect(keys.has(e.source) && keys.has(e.target)).toBe(true);
    expect(body.attributes).toMatchObject({ view: "overview", available: { events: 23 }, shown: { entities: 3 }, truncated: true });
    const all = await get("/api/overview?limit=1000");
    expect(all.body.edges).toHaveLength(23);
    expect(all.body.attributes.truncated).toBe(false);
  });

  it("the overview applies the time window on the server: only February's contacts, by their number in it", async () => {
    const { body } = await get("/api/overview?from=2020-02-01&to=2020-02-29&limit=1000");
    expect(body.edges.length).toBe(17);
    expect(body.edges.every((e) => e.attributes.date !== null && e.attributes.date >= "2020-02-01" && e.attributes.date <= "2020-02-29")).toBe(true);
    expect(body.attributes.available.events).toBe(17);
    expect((await get("/api/overview?relation=met&limit=1000")).body.edges.map((e) => e.attributes.relation)).toEqual(["met", "met", "met"]);
  });

  it("the ego network of Merkel: her one contact at depth 1, his contacts at depth 2, capped by limit", async () => {
    const one = await get(`/api/ego?entity=${q("默克尔")}`);
    expect(one.body.nodes.map((n) => n.attributes.label).sort()).toEqual(["习近平", "默克尔"].sort());
    expect(one.body.edges).toHaveLength(1);
    expect(one.body.attributes).toMatchObject({ view: "ego", center: "person/mo-ke-er", truncated: false });
    const two = await get(`/api/ego?entity=${q("默克尔")}&depth=2`);
    expect(two.body.nodes.length).toBeGreaterThan(10);
    expect(two.body.nodes.map((n) => n.attributes.label)).toContain("谭德塞");
    const capped = await get(`/api/ego?entity=${q("默克尔")}&depth=2&limit=5&edges=2`);
    expect(capped.body.nodes).toHaveLength(5);
    expect(capped.body.edges).toHaveLength(2);
    expect(capped.body.attributes).toMatchObject({ truncated: true, shown: { entities: 5, events: 2 } });
    expect(capped.body.attributes.available.entities).toBe(two.body.nodes.length);
  });

  it("the ego network within a window leaves out the contacts outside it", async () => {
    const march = await get(`/api/ego?entity=${q("习近平")}&from=2020-03-01&to=2020-03-31`);
    expect(march.body.nodes.map((n) => n.attributes.label).sort()).toEqual(["习近平", "古特雷斯"].sort());
  });

  it("/api/histogram counts events by month within the window", async () => {
    expect((await get("/api/histogram")).body).toEqual({ months: [{ month: "2020-01", events: 3 }, { month: "2020-02", events: 17 }, { month: "2020-03", events: 1 }], undated: 2 });
    // The met events are on 28 January, 5 and 27 February.
    expect((await get("/api/histogram?relation=met&from=2020-02-01")).body).toEqual({ months: [{ month: "2020-02", events: 2 }], undated: 0 });
  });

  it("bad parameters are 400, an unknown entity 404", async () => {
    expect((await get(`/api/ego?entity=${q("习近平")}&depth=9`)).status).toBe(400);
    expect((await get("/api/overview?from=2020-13-01")).status).toBe(400);
    expect((await get(`/api/ego?entity=${q("无此人")}`)).status).toBe(404);
  });
});

describe("a build too large for the embedded SPARQL store", () => {
  it("serves its JSON API; /sparql says to push it and serve it with --sparql", async () => {
    const out = tempDir();
    await build([CORPUS], { out });
    const small = await createServer(out, { embeddedStoreMaxBytes: 100_000 });
    try {
      const at = await small.listen({ port: 0, host: "127.0.0.1" });
      const res = await fetch(`${at}/sparql?query=${encodeURIComponent("ASK {}")}`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/graph\.nq .* is larger than the embedded SPARQL store takes .*diplograph push.*--sparql URL/);
      expect(((await (await fetch(`${at}/api/stats`)).json()) as { events: number }).events).toBe(23);
    } finally {
      await small.close();
    }
  }, 60_000);
});

describe("a generated build of 20,000 events", () => {
  let big: FastifyInstance;
  let bigBase: string;
  beforeAll(async () => {
    const dir = tempDir();
    await writeLargeBuild(dir, { events: 20_000 });
    big = await createServer(dir, { largeGraphEvents: 10_000 });
    bigBase = await big.listen({ port: 0, host: "127.0.0.1" });
  }, 60_000);
  afterAll(async () => {
    await big?.close();
  });

  it("the overview is a small part of the graph, its hubs ranked by PageRank, every pair of entities with a contact", async () => {
    const r = await fetch(`${bigBase}/api/overview?limit=100&edges=1500`);
    const body = (await r.json()) as Part;
    expect(body.attributes).toMatchObject({ available: { events: 20_000 }, shown: { entities: 100 }, truncated: true });
    expect(body.edges.length).toBe(1500);
    const ranks = body.nodes.map((n) => n.attributes.pagerank);
    const stats = (await (await fetch(`${bigBase}/api/top?limit=100`)).json()) as { results: { entity: { id: string } }[] };
    expect(new Set(body.nodes.map((n) => n.key))).toEqual(new Set(stats.results.map((r) => r.entity.id)));
    expect(Math.min(...ranks)).toBeGreaterThan(0);
    const pairs = new Set(body.edges.map((e) => [e.source, e.target].sort().join("|")));
    // Every pair with a contact gets one before any gets two: at least as many pairs as fit.
    expect(pairs.size).toBeGreaterThan(500);
  });
});
