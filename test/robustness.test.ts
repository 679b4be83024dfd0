/**
 * Hostile and broken input (property-based, fast-check): 10,000 generated documents — news
 * fragments mixed with control characters, lone surrogates, bidirectional marks, emoji, markup,
 * quotes, backslashes and arbitrary UTF-16 — go through extraction and every export. No crash,
 * and the RDF always parses back to exactly the model's statements (escaping is right); then all
 * of them built together give RDF that passes rapper and the SHACL shapes.
 * A failure prints the seed: FC_SEED=<seed> npx vitest run test/robustness.test.ts reproduces it.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Parser, Writer, type Quad } from "n3";
import { extractDocument } from "../src/extract/document.js";
import { getLexicon } from "../src/lexicon/lexicon.js";
import { mergeExtractions } from "../src/model/merge.js";
import { modelToQuads, rdfPrefixes } from "../src/export/rdf.js";
import { quadsToJsonLd, jsonLdContext } from "../src/export/jsonld.js";
import { toGexf, toGraphml } from "../src/graph/export.js";
import { DiplographGraph, openGraph } from "../src/graph/api.js";
import { build } from "../src/build.js";
import { validateQuads } from "../src/export/validate.js";
import { tempDir } from "./helpers/paths.js";

const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FC_RUNS ?? 10_000);

const NEWS = [
  "新华社北京3月12日电 ", "国家主席", "习近平", "12日晚", "应约同", "德国总理", "默克尔", "通电话", "会见", "举行会谈", "致函", "复信",
  "向世卫组织捐款2000万美元", "中方", "表示，", "。", "、", "和", "时任", "秘书长先生", "2020-01-22\n", "·", "⋅", "-", "“", "”",
  "联合国秘书长古特雷斯", "应法国总统马克龙邀请，", "此前，", "同日，", "7日至8日", "伊姆兰⋅汗", "约瑟夫·拜登", "美国盖茨基金会联席主席",
  "時間：2020-03-13 10:44", "北京 | 天津 | 上海 | 广东", "版权所有", "\n", " ",
];
const NASTY = [
  "\u0000", "\u0001", "\u0007", "\u001b", "\u007f", "\u0085", "\u200b", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\ufffe",
  "\ud800", "\udfff", "\ud83d", "😀", "👨‍👩‍👧", "𠀋", "<", ">", "&", '"', "'", "\\", "\\u0000", "\r\n", "\t", "\u2028", "\u2029",
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "]]>", "<![CDATA[", "&amp;", "&#0;", "&#xD800;", "%00", "../", "{{", "}}", "${x}",
  "\"\"\"", "'''", "_:b0", "<http://x>", "^^", "@en", "#", "$", "%", "?", "\u3000", "（", "）", "【", "】",
];
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NEWS) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
);
const documentText = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(""));
const document = fc.record({ text: documentText, html: fc.boolean(), id: fc.oneof(fc.constant("doc.txt"), fc.string({ unit: "binary", minLength: 1, maxLength: 10 })) });

const line = (q: Quad) => `${q.subject.value}\u0001${q.predicate.value}\u0001${q.object.termType}:${q.object.value}\u0001${q.object.termType === "Literal" ? `${q.object.language}|${q.object.datatype.value}` : ""}\u0001${q.graph.value}`;

function writeSync(quads: Quad[], format: "Turtle" | "N-Quads"): string {
  let out = "";
  const w = new Writer(format === "Turtle" ? { prefixes: rdfPrefixes() } : { format });
  w.addQuads(quads);
  w.end((_e, r) => (out = r));
  return out;
}

describe(`hostile input (seed ${SEED}, ${RUNS} documents)`, () => {
  const lexicon = getLexicon();
  const texts: { id: string; text: string }[] = [];

  it("never crashes extraction or export, and the RDF always reads back exactly", () => {
    console.log(`robustness: fast-check seed ${SEED} (FC_SEED=${SEED} to reproduce)`);
    fc.assert(
      fc.property(document, ({ text, html, id }) => {
        const x = extractDocument({ id, original: html ? `<html><body><p>${text}</p></body></html>` : text, format: html ? "html" : "text" }, { lexicon, homeCountry: "CN" });
        const model = mergeExtractions([x]);
        for (const ev of model.events) {
          for (const s of ev.sources) {
            expect(s.start).toBeGreaterThanOrEqual(0);
            expect(s.end).toBeGreaterThan(s.start);
          }
        }
        const flat = modelToQuads(model);
        const named = modelToQuads(model, { namedGraphs: true });
        expect(new Set(new Parser().parse(writeSync(flat, "Turtle")).map(line))).toEqual(new Set(flat.map(line)));
        expect(new Set(new Parser({ format: "N-Quads" }).parse(writeSync(named, "N-Quads")).map(line))).toEqual(new Set(named.map(line)));
        JSON.parse(JSON.stringify(quadsToJsonLd(named, jsonLdContext())));
        const g = new DiplographGraph(model);
        toGexf(g);
        toGraphml(g);
        if (texts.length < 2000) texts.push({ id: `${texts.length}-${id}`, text });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 600_000);

  it("built together, the generated documents give RDF that rapper parses and that conforms to the shapes", async () => {
    const dir = tempDir();
    const corpus = join(dir, "hostile.jsonl");
    // Ids XML forbids characters of, and ids that would be IRI dot-segments.
    const news = "新华社北京3月12日电 国家主席习近平12日晚应约同德国总理默克尔通电话。";
    const extra = [{ id: "nul\u0000id\u0001\u001f\ufffe", text: news }, { id: ".", text: news }, { id: "..", text: news }];
    writeFileSync(corpus, [...texts, ...extra].map((t) => JSON.stringify(t)).join("\n") + "\n");
    const out = join(dir, "out");
    const r = await build([corpus], { out });
    expect(r.model.documents.length).toBeGreaterThan(0);
    const quads = new Parser({ format: "N-Quads" }).parse(readFileSync(join(out, "graph.nq"), "utf8"));
    const v = await validateQuads(quads);
    expect(v.violations).toEqual([]);
    // No document IRI ends in a dot-segment.
    expect(quads.filter((q) => /\/doc\/\.\.?$/.test(q.subject.value) || /\/doc\/\.\.?$/.test(q.graph.value))).toEqual([]);
    // GEXF and GraphML are well-formed XML 1.0 (a real parser, xmllint, where installed).
    const g = openGraph(out);
    const forbidden = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
    const xmlFiles = { "graph.gexf": toGexf(g), "graph.graphml": toGraphml(g) };
    for (const [name, text] of Object.entries(xmlFiles)) {
      expect(forbidden.test(text), name).toBe(false);
      writeFileSync(join(dir, name), text);
    }
    expect(xmlFiles["graph.gexf"]).toContain("nul\ufffdid");
    if (spawnSync("xmllint", ["--version"]).status === 0) {
      for (const name of Object.keys(xmlFiles)) {
        const p = spawnSync("xmllint", ["--noout", join(dir, name)], { encoding: "utf8" });
        expect(p.status, `${name}: ${p.stderr.slice(0, 500)}`).toBe(0);
      }
    } else expect(process.env.CI, "xmllint must be installed in CI").toBeFalsy();
    if (spawnSync("rapper", ["--version"]).status === 0) {
      for (const [syntax, file] of [["turtle", "graph.ttl"], ["nquads", "graph.nq"], ["trig", "graph.trig"]] as const) {
        const p = spawnSync("rapper", ["-i", syntax, "-c", join(out, file)], { encoding: "utf8" });
        expect(p.status, `${file}: ${p.stderr}`).toBe(0);
      }
    } else expect(process.env.CI, "rapper must be installed in CI").toBeFalsy();
  }, 120_000);
});
