/**
 * The graph API on the seed build, checked against the gold: look-ups, search, contacts,
 * timelines, paths, rankings, communities, subgraphs; and the exports Gephi opens.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MultiGraph } from "graphology";
import gexfModule from "graphology-gexf";
import graphmlModule from "graphology-graphml";
import { build } from "../src/build.js";
import { openGraph, UnknownEntityError, type DiplographGraph } from "../src/graph/api.js";
import { toCsv, toGexf, toGraphml } from "../src/graph/export.js";
import { readGold } from "../src/eval/score.js";
import { cjsDefault } from "../src/util/cjs.js";
import { CORPUS, GOLD, tempDir } from "./helpers/paths.js";

const gold = readGold(join(GOLD, "seeds.gold.json"));
let g: DiplographGraph;
let out: string;

beforeAll(async () => {
  out = tempDir();
  await build([CORPUS], { out });
  g = openGraph(out);
});

describe("look-up and search", () => {
  it("finds an entity by id, IRI, label, alias, traditional form and English name", () => {
    for (const name of ["person/xi-jin-ping", "https://w3id.org/diplograph/id/person/xi-jin-ping", "习近平", "国家主席习近平", "習近平", " 习近平 "]) {
      expect(g.entity(name)?.id, name).toBe("person/xi-jin-ping");
    }
    expect(g.entity("世卫组织")?.id).toBe("org/who");
    expect(g.entity("World Health Organization")?.id).toBe("org/who");
    expect(g.entity("无此人")).toBeUndefined();
    expect(() => g.require("无此人")).toThrow(UnknownEntityError);
  });

  it("search finds every entity a fragment names, exact matches first", () => {
    const hits = g.search("盖茨").map((e) => e.label);
    expect(hits[0]).toBe("比尔·盖茨");
    expect(hits).toContain("比尔及梅琳达·盖茨基金会");
    expect(g.search("")).toEqual([]);
  });
});

describe("contacts and timelines", () => {
  it("Xi Jinping's calls in February 2020 are the gold's 13, each with the right counterpart", () => {
    const calls = g.contacts("习近平", { relation: "called", from: "2020-02-01", to: "2020-02-29" });
    const expected = gold.events
      .filter((e) => e.relation === "called" && e.date && e.date >= "2020-02-01" && e.date <= "2020-02-29")
      .map((e) => `${e.date} ${e.subject === "xi-jinping" ? e.object : e.subject}`);
    expect(calls).toHaveLength(13);
    const got = calls.map((c) => {
      const goldId = gold.entities.find((ge) => ge.labels.includes(c.counterpart.label))?.id;
      return `${c.event.date} ${goldId}`;
    });
    expect(got.sort()).toEqual(expected.sort());
    for (const c of calls) expect(c.direction).toBe("both");
  });

  it("directed contacts say who sent: Xi wrote to Gates and Sall, Guterres wrote to Xi", () => {
    const letters = g.contacts("习近平", { relation: "wrote_to" }).map((c) => `${c.direction} ${c.counterpart.label}`);
    expect(letters.sort()).toEqual(["in 古特雷斯", "out 比尔·盖茨", "out 萨勒"]);
  });

  it("a timeline is in date order with undated events last", () => {
    const t = g.timeline("习近平");
    const dates = t.map((e) => e.date ?? "9999");
    expect(dates).toEqual([...dates].sort());
    expect(t.length).toBe(gold.events.filter((e) => e.subject === "xi-jinping" || e.object === "xi-jinping").length);
  });
});

describe("structure", () => {
  it("paths follow contacts in either direction", () => {
    const p = g.path("默克尔", "盖茨");
    expect(p?.map((s) => s.entity.label)).toEqual(["默克尔", "习近平", "比尔·盖茨"]);
    expect(p?.[1]?.via.map((e) => e.relation)).toEqual(["called"]);
    expect(g.path("默克尔", "北京")).toBeNull();
  });

  it("Xi Jinping ranks first by PageRank and by degree", () => {
    expect(g.top()[0]?.entity.label).toBe("习近平");
    const byDegree = g.top({ by: "degree", limit: 3 });
    expect(byDegree[0]).toEqual({ entity: { id: "person/xi-jin-ping", label: "习近平", type: "Person" }, score: g.contacts("习近平").reduce((s, c) => s.add(c.counterpart.id), new Set<string>()).size });
    expect(g.top({ type: "Organization" }).every((r) => r.entity.type === "Organization")).toBe(true);
  });

  it("communities partition the connected entities, the same way every time", () => {
    const c = g.communities();
    const members = c.flatMap((x) => x.members.map((m) => m.id));
    expect(new Set(members).size).toBe(members.length);
    expect(members).toContain("person/xi-jin-ping");
    expect(openGraph(out).communities()).toEqual(c);
  });

  it("a subgraph keeps only the events that pass the filter and their entities", () => {
    const sub = g.subgraph({ relation: "met" });
    expect(sub.model.events.map((e) => e.relation)).toEqual(["met", "met", "met"]);
    expect(sub.model.entities.map((e) => e.label).sort()).toEqual(["习近平", "巴特图勒嘎", "洪森", "谭德塞"].sort());
    expect(g.subgraph({ from: "2020-03-01", to: "2020-03-31" }).model.events.map((e) => `${e.subject.label}-${e.object.label}`)).toEqual(["习近平-古特雷斯"]);
  });

  it("a build folder with a broken line is named in the error", () => {
    const dir = tempDir();
    for (const f of ["entities.jsonl", "documents.jsonl"]) copyFileSync(join(out, f), join(dir, f));
    writeFileSync(join(dir, "events.jsonl"), readFileSync(join(out, "events.jsonl"), "utf8") + "{broken\n");
    expect(() => openGraph(dir)).toThrow(/events\.jsonl:24: not JSON/);
  });
});

describe("exports", () => {
  it("GEXF opens in graphology-gexf with the same nodes and edges", () => {
    const gexf = cjsDefault(gexfModule);
    const back = gexf.parse(MultiGraph, toGexf(g));
    expect(back.order).toBe(g.graph.order);
    expect(back.size).toBe(g.graph.size);
    expect(back.getNodeAttribute("person/xi-jin-ping", "label")).toBe("习近平");
  });

  it("GraphML opens in graphology-graphml with the same nodes and edges", () => {
    const graphml = cjsDefault(graphmlModule);
    const back = graphml.parse(MultiGraph, toGraphml(g));
    expect(back.order).toBe(g.graph.order);
    expect(back.size).toBe(g.graph.size);
  });

  it("CSV has one row per node and per edge, with Gephi's column names", () => {
    const { nodes, edges } = toCsv(g);
    expect(nodes.trim().split("\r\n")).toHaveLength(g.graph.order + 1);
    expect(edges.trim().split("\r\n")).toHaveLength(g.graph.size + 1);
    expect(edges.split("\r\n")[0]).toBe("Id,Source,Target,Type,Relation,Date,Initiator,Amount,Documents");
  });

  it("each edge has its own type in every format: calls and meetings undirected, letters and pledges directed", () => {
    const undirected = g.model.events.filter((e) => e.relation === "called" || e.relation === "met").length;
    const gexfText = toGexf(g);
    expect(gexfText.match(/<edge [^>]*type="undirected"/g)).toHaveLength(undirected);
    expect(gexfText).toMatch(/defaultedgetype="directed"/);
    const graphmlText = toGraphml(g);
    expect(graphmlText.match(/<edge [^>]*directed="false"/g)).toHaveLength(undirected);
    const rows = toCsv(g).edges.trim().split("\r\n").slice(1);
    expect(rows.filter((r) => r.split(",")[3] === "Undirected")).toHaveLength(undirected);
    for (const row of rows) expect(row.split(",")[3]).toBe(/,(called|met),/.test(row) ? "Undirected" : "Directed");
    const back = cjsDefault(gexfModule).parse(MultiGraph, gexfText);
    expect(back.undirectedSize).toBe(undirected);
    expect(back.directedSize).toBe(g.graph.size - undirected);
    // For tools that cannot read mixed graphs: a symmetric contact as two directed edges.
    expect(toGexf(g, { edges: "directed" })).not.toMatch(/type="undirected"/);
    expect(toGraphml(g, { edges: "directed" }).match(/<edge /g)).toHaveLength(g.graph.size + undirected);
  });

  it("the initiator is the entity's id, in GEXF, GraphML and CSV", () => {
    const asked = g.model.events.find((e) => e.initiator);
    expect(asked?.initiator?.id).toMatch(/^[a-z]+\//);
    const id = asked?.initiator?.id as string;
    expect(toCsv(g).edges).toContain(`,${id},`);
    expect(toGraphml(g)).toContain(`<data key="e_initiator">${id}</data>`);
    expect(toGexf(g)).toContain(`value="${id}"`);
    expect(toCsv(g).edges).not.toContain(`,${asked?.initiator?.label},`);
  });

  it("GEXF declares the GEXF 1.2 viz namespace correctly (graphology-gexf writes http:///www.gexf.net/1.1draft/viz)", () => {
    const text = toGexf(g);
    expect(text).toContain('xmlns:viz="http://www.gexf.net/1.2draft/viz"');
    expect(text).not.toContain("http:///");
  });
});
