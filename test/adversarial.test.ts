/**
 * Adversarial files (test/fixtures/adversarial, with expected.json), generated monsters (a 50 MB
 * file, a 1 MB line without punctuation, HTML nested 20,000 deep) and pathological sentences:
 * the build finishes, names what it skipped, finds what it should, stays linear, and its RDF
 * still parses and conforms to the shapes.
 */
import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Parser } from "n3";
import { build } from "../src/build.js";
import { validateQuads } from "../src/export/validate.js";
import { extractText, summaries } from "./helpers/extract.js";
import { FIXTURES, tempDir } from "./helpers/paths.js";

const DIR = join(FIXTURES, "adversarial");
const expected = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as {
  files: Record<string, { skipped?: string; read?: boolean; events?: string[]; absent?: string[]; skippedLines?: number[] }>;
};

describe("adversarial files", () => {
  it("each is skipped with its reason or read with the expected events", async () => {
    for (const [file, want] of Object.entries(expected.files)) {
      const r = await build([join(DIR, file)]);
      if (want.skipped) {
        expect(r.skipped.map((s) => s.reason), file).toEqual([expect.stringMatching(new RegExp(want.skipped))]);
        continue;
      }
      expect(r.model.documents.length, file).toBeGreaterThan(0);
      expect(r.skipped.map((s) => Number(s.path.split(":").pop())), file).toEqual(want.skippedLines ?? []);
      const got = new Set(r.model.events.map((e) => `${e.relation} ${[e.subject.label, e.object.label].sort().join(" ")}`));
      for (const ev of want.events ?? []) {
        const [rel, a, b] = ev.split(" ");
        expect(got.has(`${rel} ${[a, b].sort().join(" ")}`), `${file}: ${ev} in ${[...got].join(", ")}`).toBe(true);
      }
      for (const name of want.absent ?? []) expect(r.model.entities.some((e) => e.label === name), `${file}: ${name}`).toBe(false);
    }
  });

  it("built together, they give RDF that parses and conforms to the shapes", async () => {
    const out = tempDir();
    await build([DIR], { out });
    // Every id became a valid IRI, every text a valid literal.
    const quads = new Parser({ format: "N-Quads" }).parse(readFileSync(join(out, "graph.nq"), "utf8"));
    expect((await validateQuads(quads)).violations).toEqual([]);
    expect(new Parser().parse(readFileSync(join(out, "graph.ttl"), "utf8")).length).toBeGreaterThan(0);
  });

  it("a 50 MB file, a 1 MB line without punctuation and HTML nested 20,000 deep: the build finishes", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "big.txt"), randomBytes(50 * 1024 * 1024));
    writeFileSync(join(dir, "line.txt"), "新华社北京3月12日电 " + "国家主席习近平同德国总理默克尔会谈中方".repeat(55_000));
    writeFileSync(join(dir, "nested.html"), "<div>".repeat(20_000) + "<p>新华社北京2020年3月12日电 国家主席习近平同德国总理默克尔通电话。</p>" + "</div>".repeat(20_000));
    const t0 = performance.now();
    const r = await build([dir], { date: "2020-03-13" });
    expect(performance.now() - t0).toBeLessThan(60_000);
    expect(r.skipped.map((s) => `${s.path.split("/").pop()}: ${s.reason}`)).toEqual(["big.txt: binary content (not text)"]);
    expect(summaries(r.model)).toContain("called 习近平—默克尔 2020-03-12");
  }, 120_000);
});

describe("no runaway cost", () => {
  const timed = (text: string) => {
    const t0 = performance.now();
    const m = extractText(text, { date: "2020-03-13" });
    return { ms: performance.now() - t0, m };
  };

  it("thousands of titles in one sentence stay linear", () => {
    const small = timed(`新华社北京3月12日电 ${"德国总统".repeat(1_000)}默克尔通电话。`);
    const big = timed(`新华社北京3月12日电 ${"德国总统".repeat(10_000)}默克尔通电话。`);
    expect(big.ms).toBeLessThan(Math.max(50, small.ms) * 30);
    expect(big.ms).toBeLessThan(10_000);
  });

  it("a huge enumeration of parties stays linear and gives one event each", () => {
    const countries = ["德国", "法国", "英国", "日本", "韩国", "印度", "巴西", "埃及"];
    const syllables = "阿巴卡达埃法加哈伊贾科拉马纳奥帕萨塔乌瓦";
    const name = (i: number) => `${syllables[i % 20]}${syllables[Math.floor(i / 20) % 20]}${syllables[Math.floor(i / 400) % 20]}尔`;
    const list = (n: number) => Array.from({ length: n }, (_, i) => `${countries[i % countries.length]}总理${name(i)}`).join("、");
    // A long but real enumeration: one call each.
    expect(timed(`新华社北京3月12日电 国家主席习近平分别同${list(30)}通电话。`).m.events).toHaveLength(30);
    // Beyond any real sentence: the cost stays linear.
    const small = timed(`新华社北京3月12日电 国家主席习近平分别同${list(200)}通电话。`);
    const big = timed(`新华社北京3月12日电 国家主席习近平分别同${list(2_000)}通电话。`);
    expect(big.ms).toBeLessThan(Math.max(50, small.ms) * 30);
    expect(big.ms).toBeLessThan(20_000);
  }, 60_000);

  it("long runs of dots, dashes, digits and date-like text stay linear", () => {
    for (const filler of ["·", "-", "1", "2020年3月", "12日", "万美元", "应约同", "、"]) {
      const t = timed(`新华社北京3月12日电 ${filler.repeat(20_000)}通电话。`);
      expect(t.ms, filler).toBeLessThan(10_000);
    }
  }, 120_000);
});
