/** The build as a library call: outputs, determinism, atomic writes, and the first RDF view. */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, writeFileSync, mkdirSync, cpSync } from "node:fs";
import { join } from "node:path";
import { Parser, Store } from "n3";
import { build, BuildError, summaryLine } from "../src/index.js";
import { CORPUS, FIXTURES, tempDir } from "./helpers/paths.js";

const DG = "https://w3id.org/diplograph/ontology#";
const ID = "https://w3id.org/diplograph/id/";

describe("build", () => {
  it("gives byte-identical files for the same input", async () => {
    const a = tempDir();
    const b = tempDir();
    await build([CORPUS, join(FIXTURES, "own")], { out: a });
    await build([CORPUS, join(FIXTURES, "own")], { out: b });
    for (const f of ["events.jsonl", "entities.jsonl", "documents.jsonl", "graph.ttl", "graph.nq", "graph.json"]) {
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    }
  });

  it("merges one contact reported by several documents into one event with every source", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.txt"), "新华社北京2019年5月8日电 国家主席习近平8日应约同南非总统拉马福萨通电话。");
    writeFileSync(join(dir, "b.txt"), "新华社约翰内斯堡5月9日电 南非总统拉马福萨8日同中国国家主席习近平通电话。\n时间：2019-05-09");
    const { model } = await build([dir]);
    expect(model.events).toHaveLength(1);
    expect(model.events[0]?.sources.map((s) => s.doc)).toEqual(["a.txt", "b.txt"]);
    expect(model.events[0]?.initiator?.label).toBe("拉马福萨");
  });

  it("skips bad input with reasons, keeps going, and leaves no temporary files", async () => {
    const dir = tempDir();
    const out = tempDir();
    cpSync(CORPUS, dir, { recursive: true });
    writeFileSync(join(dir, "broken.txt"), Buffer.from([0, 1, 2, 3, 0, 0]));
    const r = await build([dir], { out });
    expect(r.skipped).toEqual([{ path: join(dir, "broken.txt"), reason: "binary content (not text)" }]);
    expect(r.model.events).toHaveLength(23);
    expect(readdirSync(out).sort()).toEqual(["build.json", "documents.jsonl", "entities.jsonl", "events.jsonl", "extractions.jsonl", "graph.json", "graph.jsonld", "graph.nq", "graph.trig", "graph.ttl"]);
    expect(summaryLine(r)).toMatch(new RegExp(`^diplograph: 2 documents read, 1 skipped \\(${dir}/broken.txt: binary content \\(not text\\)\\), \\d+ entities, 23 events, [\\d.]+ s$`));
  });

  it("a build that reads nothing fails without touching the previous output", async () => {
    const out = tempDir();
    await build([CORPUS], { out });
    const before = readFileSync(join(out, "events.jsonl"), "utf8");
    const empty = tempDir();
    mkdirSync(join(empty, "sub"));
    writeFileSync(join(empty, "sub", "x.txt"), "");
    await expect(build([empty], { out })).rejects.toThrow(BuildError);
    await expect(build([empty], { out })).rejects.toThrow(/x\.txt: empty file/);
    expect(readFileSync(join(out, "events.jsonl"), "utf8")).toBe(before);
  });

  it("rejects an unknown home country", async () => {
    await expect(build([CORPUS], { home: "XX" })).rejects.toThrow(/unknown home country code "XX"/);
  });
});

describe("graph.ttl", () => {
  it("parses and states the calls both as direct edges and as event nodes with provenance", async () => {
    const out = tempDir();
    await build([CORPUS], { out });
    const store = new Store(new Parser().parse(readFileSync(join(out, "graph.ttl"), "utf8")));
    const xi = `${ID}person/xi-jin-ping`;
    const guterres = `${ID}person/gu-te-lei-si`;
    // dg:called is symmetric: stated both ways, so either way is one triple pattern.
    expect(store.countQuads(xi, `${DG}called`, guterres, null)).toBe(1);
    expect(store.countQuads(guterres, `${DG}called`, xi, null)).toBe(1);
    const calls = store.getSubjects(`http://www.w3.org/1999/02/22-rdf-syntax-ns#type`, `${DG}PhoneCall`, null);
    expect(calls).toHaveLength(16); // the gold has 16 calls
    const xiGuterres = calls.find((c) => store.countQuads(c, `${DG}participant`, guterres, null) === 1);
    expect(xiGuterres).toBeDefined();
    const date = store.getObjects(xiGuterres ?? null, `${DG}date`, null)[0];
    expect(date?.value).toBe("2020-03-12");
    expect(store.getObjects(xiGuterres ?? null, `${DG}initiator`, null).map((o) => o.value)).toEqual([guterres]);
    const docs = store.getObjects(xiGuterres ?? null, "http://www.w3.org/ns/prov#wasDerivedFrom", null).map((o) => o.value).sort();
    expect(docs).toEqual([`${ID}doc/000_6cdceab04aad32ca.txt`, `${ID}doc/003_471eca68cc3f20ae.txt`]);
    const who = `${ID}org/who`;
    expect(store.countQuads(`${ID}country/china`, `${DG}pledgedTo`, who, null)).toBe(1);
  });
});

describe("one event, many reports", () => {
  it("an undated report joins the one dated report of the same pledge (same parties and amount)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.txt"), "新华社北京2020年3月7日电 中国政府决定向世界卫生组织捐款2000万美元。");
    writeFileSync(join(dir, "b.txt"), "新华社日内瓦电 谭德塞表示，感谢中方此前向世卫组织捐款2000万美元。");
    writeFileSync(join(dir, "c.txt"), "新华社北京电 中方还向世卫组织捐款500万美元。");
    const { model } = await build([dir]);
    const pledges = model.events.map((e) => `${e.amount?.value} ${e.date ?? "undated"} ${e.sources.map((s) => s.doc).join(",")}`);
    expect(pledges).toEqual(["20000000 2020-03-07 a.txt,b.txt", "5000000 undated c.txt"]);
  });
});
