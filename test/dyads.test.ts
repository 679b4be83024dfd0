/**
 * The country view: dates of any precision, persons folded into the actor they act for, dyads
 * and their comparison; GET /api/dyads, `diplograph dyads` and a SPARQL query over graph.ttl
 * give the same numbers on the bundled corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import type { FastifyInstance } from "fastify";
import { build } from "../src/build.js";
import { createServer } from "../src/server/server.js";
import { SparqlEngine } from "../src/query/sparql.js";
import { ActorIndex, compareDyads, computeDyads, dyadsSparql, type Dyad, type EntityLike, type EventLike } from "../src/graph/dyads.js";
import { bucketOf, bucketSpan, compareDates, dateInRange, datePrecision, dateSpan, eventDate, isDateBound } from "../src/model/dates.js";
import { BIN, CORPUS, ROOT, tempDir } from "./helpers/paths.js";

describe("dates of any precision", () => {
  it("reads days, months and years as spans", () => {
    expect(dateSpan("2020-02-18")).toEqual({ start: "2020-02-18", end: "2020-02-18", precision: "day" });
    expect(dateSpan("2020-02")).toEqual({ start: "2020-02-01", end: "2020-02-29", precision: "month" });
    expect(dateSpan("2025")).toEqual({ start: "2025-01-01", end: "2025-12-31", precision: "year" });
    expect(dateSpan(null)).toBeNull();
    expect(dateSpan("March")).toBeNull();
    expect(datePrecision("2025-11")).toBe("month");
    expect(isDateBound("2020-02-30")).toBe(false);
    expect(isDateBound("2020-13")).toBe(false);
    expect(isDateBound("2020-02")).toBe(true);
  });

  it("sorts by first day, finer first, undated last", () => {
    const dates = [null, "2020", "2020-02-03", "2020-02", "2019-12-31", "2020-01"];
    expect([...dates].sort(compareDates)).toEqual(["2019-12-31", "2020-01", "2020", "2020-02", "2020-02-03", null]);
  });

  it("keeps a date in a range when its whole span is inside", () => {
    expect(dateInRange("2020-02", "2020-02-01", "2020-02-29")).toBe(true);
    expect(dateInRange("2020-02", "2020-02-10", "2020-02-29")).toBe(false);
    expect(dateInRange("2020", "2020-01-01", "2020-12-31")).toBe(true);
    expect(dateInRange("2020", "2020-01", "2020-06")).toBe(false);
    expect(dateInRange("2020-03-12", "2020-03", "2020-03")).toBe(true);
    expect(dateInRange(null, "2020-01-01", null)).toBe(false);
    expect(dateInRange(null, null, null)).toBe(true);
  });

  it("reads a datePrecision beside a full date", () => {
    expect(eventDate({ date: "2025-11-01", datePrecision: "month" })).toBe("2025-11");
    expect(eventDate({ date: "2025-01-01", datePrecision: "year" })).toBe("2025");
    expect(eventDate({ date: "2025-11-03", datePrecision: "day" })).toBe("2025-11-03");
    expect(eventDate({ date: "2025-11" })).toBe("2025-11");
    expect(eventDate({ date: null })).toBeNull();
  });

  it("puts dates in weeks, months and years (no week for a month-precision date)", () => {
    const w = bucketOf("2020-02-18", "week") as number;
    expect(bucketSpan(w, "week")).toEqual({ start: "2020-02-17", end: "2020-02-23" });
    expect(bucketOf("2020-02", "week")).toBeNull();
    expect(bucketSpan(bucketOf("2020-02", "month") as number, "month")).toEqual({ start: "2020-02-01", end: "2020-02-29" });
    expect(bucketOf("2020", "month")).toBeNull();
    expect(bucketOf("2020", "year")).toBe(2020);
  });
});

describe("folding persons into actors", () => {
  const cn = { id: "country/china", label: "中国", type: "Country" as const };
  const my = { id: "country/malaysia", label: "马来西亚", type: "Country" as const };
  const un = { id: "org/united-nations", label: "联合国", type: "Organization" as const };
  const pt = { id: "country/portugal", label: "葡萄牙", type: "Country" as const };
  const entities: EntityLike[] = [
    { ...cn, roles: [] },
    { ...my, roles: [] },
    { ...un, roles: [] },
    { ...pt, roles: [] },
    { id: "person/xi", label: "习近平", type: "Person", roles: [{ of: cn }] },
    { id: "person/li", label: "李克强", type: "Person", roles: [{ of: cn }] },
    { id: "person/mahathir", label: "马哈蒂尔", type: "Person", roles: [{ of: my, then: true }] },
    { id: "person/guterres", label: "古特雷斯", type: "Person", roles: [{ of: un }, { of: pt, then: true, from: "1995-10-28", to: "2002-04-06" }] },
    { id: "person/nobody", label: "某人", type: "Person", roles: [] },
  ];
  const ev = (id: string, s: string, o: string, date: string | null, initiator: string | null = null, relation: EventLike["relation"] = "called"): EventLike => ({ id, relation, subject: { id: s }, object: { id: o }, date, initiator: initiator ? { id: initiator } : null });
  const index = new ActorIndex(entities);

  it("a 时任 role counts; a dated role only in its time; no role: the person", () => {
    expect(index.actorOf("person/mahathir", "2020-02-13").id).toBe("country/malaysia");
    expect(index.actorOf("person/guterres", "2020-03-12").id).toBe("org/united-nations");
    expect(index.actorOf("person/guterres", "2001-05").id).toBe("country/portugal");
    expect(index.actorOf("person/nobody", "2020-01-01").id).toBe("person/nobody");
    expect(index.actorOf("country/china").id).toBe("country/china");
  });

  it("counts contacts per pair, who asked, and leaves contacts inside one actor apart", () => {
    const events = [
      ev("1", "person/xi", "person/mahathir", "2020-02-13", "person/mahathir"),
      ev("2", "person/li", "person/mahathir", "2020-02", null, "met"),
      ev("3", "person/xi", "person/li", "2020-02-14"),
      ev("4", "person/guterres", "person/xi", "2020-03-12", "person/guterres", "wrote_to"),
      ev("5", "country/china", "org/united-nations", null, null, "pledged_to"),
    ];
    const { dyads, internal } = computeDyads(index, events);
    expect(internal).toBe(1);
    expect(dyads.map((d) => [d.key, d.count])).toEqual([
      ["country/china|country/malaysia", 2],
      ["country/china|org/united-nations", 2],
    ]);
    const my = dyads[0] as Dyad;
    expect(my.initiatedBy).toEqual({ a: 0, b: 1, none: 1 });
    expect([my.first, my.last]).toEqual(["2020-02", "2020-02-13"]);
    expect(my.byRelation).toEqual({ called: 1, met: 1, wrote_to: 0, pledged_to: 0 });
    expect(computeDyads(index, events, { from: "2020-02-10", to: "2020-02-29" }).dyads.map((d) => d.count)).toEqual([1]);
    expect(computeDyads(index, events, { from: "2020-02", to: "2020-02" }).dyads.map((d) => d.count)).toEqual([2]);
    expect(computeDyads(index, events, { relation: "pledged_to" }).dyads.map((d) => d.key)).toEqual(["country/china|org/united-nations"]);
  });

  it("compares two periods: appeared, disappeared, grew, shrank", () => {
    const d = (key: string, count: number): Dyad => {
      const [a, b] = key.split("|") as [string, string];
      return { key, a: { id: a, label: a, type: "Country" }, b: { id: b, label: b, type: "Country" }, count, byRelation: { called: count, met: 0, wrote_to: 0, pledged_to: 0 }, initiatedBy: { a: 0, b: 0, none: count }, first: null, last: null, events: [] };
    };
    const changes = compareDyads([d("a|b", 1), d("a|c", 3), d("a|d", 2), d("a|e", 1)], [d("a|b", 1), d("a|c", 1), d("a|d", 4), d("a|f", 2)]);
    expect(changes.map((c) => [c.key, c.status, c.before, c.after])).toEqual([
      ["a|f", "appeared", 0, 2],
      ["a|e", "disappeared", 1, 0],
      ["a|d", "grew", 2, 4],
      ["a|c", "shrank", 3, 1],
      ["a|b", "same", 1, 1],
    ]);
  });
});

describe("the bundled corpus: API, CLI and SPARQL agree", () => {
  let out: string;
  let app: FastifyInstance;
  let base: string;
  let engine: SparqlEngine;

  beforeAll(async () => {
    out = tempDir();
    await build([CORPUS], { out });
    app = await createServer(out, { viewerDir: join(ROOT, "viewer/dist") });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    engine = new SparqlEngine(readFileSync(join(out, "graph.nq"), "utf8"), { timeoutMs: 20_000, limit: 10_000 }, 1);
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
    await app?.close();
  });

  const IRI = "https://w3id.org/diplograph/id/";
  const fromSparql = async (filter: Parameters<typeof dyadsSparql>[0]) => {
    const r = await engine.query(dyadsSparql(filter), { accept: "application/sparql-results+json" });
    const json = JSON.parse(r.body) as { results: { bindings: Record<string, { value: string }>[] } };
    return json.results.bindings.map((b) => `${(b.a?.value ?? "").slice(IRI.length)}|${(b.b?.value ?? "").slice(IRI.length)} ${b.contacts?.value}`).sort();
  };
  const fromApi = async (query: string) => {
    const r = await fetch(`${base}/api/dyads${query}`);
    expect(r.status).toBe(200);
    return ((await r.json()) as { dyads: Dyad[] }).dyads.map((d) => `${d.key} ${d.count}`).sort();
  };
  const fromCli = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, "dyads", out, "--format", "json", ...args], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { dyads: Dyad[] }).dyads.map((d) => `${d.key} ${d.count}`).sort();
  };

  it("China at the centre: one pair per counterpart, 23 contacts in all", async () => {
    const r = (await (await fetch(`${base}/api/dyads`)).json()) as { dyads: Dyad[]; internal: number };
    expect(r.dyads.every((d) => d.a.id === "country/china" || d.b.id === "country/china")).toBe(true);
    expect(new Set(r.dyads.map((d) => d.key)).size).toBe(r.dyads.length);
    expect(r.dyads.reduce((n, d) => n + d.count, 0)).toBe(23);
    expect(r.dyads).toHaveLength(20);
    const germany = r.dyads.find((d) => d.key === "country/china|country/germany");
    expect(germany).toMatchObject({ count: 1, byRelation: { called: 1 }, initiatedBy: { a: 0, b: 1, none: 0 }, first: "2020-01-22" });
    expect(r.dyads.find((d) => d.key === "country/malaysia|country/china" || d.key === "country/china|country/malaysia")?.count).toBe(1); // 时任马来西亚总理马哈蒂尔
  });

  for (const [name, filter, query, args] of [
    ["everything", {}, "", []],
    ["January 2020", { from: "2020-01-01", to: "2020-01-31" }, "?from=2020-01-01&to=2020-01-31", ["--from", "2020-01-01", "--to", "2020-01-31"]],
    ["February 2020, calls", { from: "2020-02-01", to: "2020-02-29", relation: "called" as const }, "?from=2020-02-01&to=2020-02-29&relation=called", ["--from", "2020-02-01", "--to", "2020-02-29", "--relation", "called"]],
    ["letters", { relation: "wrote_to" as const }, "?relation=wrote_to", ["--relation", "wrote_to"]],
  ] as const) {
    it(`/api/dyads, diplograph dyads and SPARQL over the RDF agree: ${name}`, async () => {
      const sparql = await fromSparql(filter);
      expect(sparql.length).toBeGreaterThan(0);
      expect(await fromApi(query)).toEqual(sparql);
      expect(fromCli([...args])).toEqual(sparql);
    });
  }

  it("the SPARQL of the README is the module's query", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = /```sparql\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf("### Dyads in SPARQL")))?.[1];
    expect(block?.trim()).toBe(dyadsSparql().trim());
  });

  it("/api/dyads is described in /openapi.json; bad dates are 400", async () => {
    const spec = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, { get: { parameters: { name: string }[] } }> };
    expect(spec.paths["/api/dyads"]?.get.parameters.map((p) => p.name).sort()).toEqual(["from", "limit", "relation", "to"]);
    expect((await fetch(`${base}/api/dyads?from=March`)).status).toBe(400);
    expect((await fetch(`${base}/api/dyads?from=2020-02`)).status).toBe(200);
  });

  it("the CLI prints a table and refuses a bad date", () => {
    const r = spawnSync(process.execPath, [BIN, "dyads", out], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^a\s+b\s+contacts\s+called/);
    expect(r.stdout).toContain("德国");
    expect(r.stderr).toContain("20 pairs, 23 contacts");
    const bad = spawnSync(process.execPath, [BIN, "dyads", out, "--from", "March"], { cwd: ROOT, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--from "March" is not a date');
  });
});
