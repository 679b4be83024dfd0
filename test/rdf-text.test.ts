/**
 * The streamed RDF writer (export/rdf-text.ts: n3's term encoders, our statement layout, plain
 * terms from export/terms.ts) against n3's own Writer and Parser on literals and IRIs that need
 * escaping, and the documents' graphs written on a worker thread against the same in one.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DataFactory, Parser, Writer, type Quad } from "n3";
import { RdfTextWriter } from "../src/export/rdf-text.js";
import { plainTerms, type TermFactory } from "../src/export/terms.js";
import { rdfPrefixes, DEFAULT_BASE } from "../src/export/rdf.js";
import { NS } from "../src/export/vocabulary.js";
import { build } from "../src/build.js";
import { CORPUS, FIXTURES, tempDir } from "./helpers/paths.js";

const XSD = NS.xsd;
const TEXTS = [
  'a "quoted" word',
  "back\\slash and \\n not a newline",
  "line\nbreak\r\nand\ttab",
  "controls \u0000\u0001\u0008\u000b\u000c\u001a\u001f\u007f end",
  "noncharacters \ufffe\uffff",
  "replaced lone surrogate: \ufffd",
  "non-BMP 😀 𠀀 𝄞",
  "中文 繁體 ·—‐",
  "",
  " ",
  "'single' and ''' and \"\"\"",
];

/** Statements covering what the writers do differently: literals by language and datatype, prefixed and full IRIs, named graphs. */
function statements(f: TermFactory, named: boolean): Quad[] {
  const graph = (n: number) => (named ? DataFactory.namedNode(`${DEFAULT_BASE}doc/d${n}`) : DataFactory.defaultGraph());
  const iri = (local: string) => f.namedNode(DEFAULT_BASE + local);
  const p = (local: string) => f.namedNode(NS.dg + local);
  const dt = (local: string) => f.namedNode(XSD + local);
  const out: Quad[] = [];
  const add = (s: string, pred: ReturnType<typeof p>, o: Quad["object"], g = 0) => out.push(DataFactory.quad(iri(s), pred, o, graph(g)));
  TEXTS.forEach((text, i) => {
    const s = `person/p${i}`;
    add(s, f.namedNode(NS.rdf + "type"), p("Person"));
    add(s, p("plain"), f.literal(text));
    add(s, p("zh"), f.literal(text, "zh"));
    add(s, p("zh"), f.literal(text, "zh-Hant"));
    add(s, p("en"), f.literal(text, "en-GB"));
    add(s, p("typed"), f.literal(text, dt("anyURI")), 1);
    add(s, p("string"), f.literal(text, dt("string")), 1);
  });
  const typed: [string, string][] = [
    ["true", "boolean"],
    ["false", "boolean"],
    ["yes", "boolean"],
    ["12", "integer"],
    ["+12", "integer"],
    ["1.5", "decimal"],
    ["20000000", "decimal"],
    [".5", "decimal"],
    ["1e3", "double"],
    ["2020-03-12", "date"],
    ["2020-03", "gYearMonth"],
    ["2020", "gYear"],
    ["42", "nonNegativeInteger"],
  ];
  for (const [value, type] of typed) add("event/e/x", p(type), f.literal(value, dt(type)), 2);
  // IRIs: a prefixed name, and ones whose local part cannot be one (a final dot, a percent sign, a slash).
  for (const local of ["person/mo-ke-er", "person/a.", "person/a.b", "person/%E4%B9%A0", "person/a/b", "person/_x", "country/中国", "event/called/a--b/2020"]) add("role/r", p("of"), iri(local), 2);
  add("event/e", p("exact"), f.literal("x"), 3);
  return out;
}

function n3Text(quads: Quad[], format: "Turtle" | "TriG" | "N-Quads"): Promise<string> {
  const w = new Writer(format === "N-Quads" ? { format } : { format, prefixes: rdfPrefixes() });
  w.addQuads(quads);
  return new Promise((resolve, reject) => w.end((e, r) => (e ? reject(e) : resolve(r as string))));
}

function ours(quads: Quad[], format: "Turtle" | "TriG" | "N-Quads", blockSize: number): string {
  const w = new RdfTextWriter(format, format === "N-Quads" ? undefined : rdfPrefixes());
  let text = w.head();
  for (let i = 0; i < quads.length; i += blockSize) text += w.write(quads.slice(i, i + blockSize));
  return text + w.end();
}

const line = (q: Quad) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}@${q.object.termType === "Literal" ? `${q.object.language}^^${q.object.datatype.value}` : ""} ${q.graph.value}`;

describe("RDF text writer", () => {
  for (const format of ["Turtle", "TriG", "N-Quads"] as const) {
    it(`writes ${format} byte for byte as n3's Writer, and n3's Parser reads back the same statements`, async () => {
      const named = format !== "Turtle";
      const reference = await n3Text(statements(DataFactory, named), format);
      for (const factory of [DataFactory, plainTerms]) {
        const quads = statements(factory, named);
        // Any cut into blocks gives the same text.
        for (const blockSize of [1, 3, 1000]) expect(ours(quads, format, blockSize)).toBe(reference);
      }
      const parsed = new Parser({ format }).parse(reference);
      expect(parsed.map(line).sort()).toEqual(statements(DataFactory, named).map(line).sort());
    });
  }

  it("escapes as RDF 1.1 says: non-BMP characters as \\U in Turtle, as themselves in N-Quads; controls and quotes escaped", async () => {
    const ttl = ours(statements(plainTerms, false), "Turtle", 1000);
    expect(ttl).toContain('"non-BMP \\U0001f600 \\U00020000 \\U0001d11e"');
    expect(ttl).toContain('"a \\"quoted\\" word"');
    expect(ttl).toContain('"line\\nbreak\\r\\nand\\ttab"');
    expect(ttl).toContain("@zh-hant");
    expect(ttl).toContain("person:mo-ke-er");
    expect(ttl).toContain(`<${DEFAULT_BASE}person/a.>`);
    const nq = ours(statements(plainTerms, true), "N-Quads", 1000);
    expect(nq).toContain('"non-BMP 😀 𠀀 𝄞"');
    expect(nq).toContain('"controls \\u0000\\u0001\\b\\u000B\\f\\u001A\\u001F\\u007F end"');
    expect(nq).toContain('"noncharacters \\uFFFE\\uFFFF"');
    expect(nq).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it("writes the documents' graphs on a worker thread in the same bytes as in one thread, lone surrogates replaced", async () => {
    const surrogates = join(tempDir(), "surrogates.jsonl");
    writeFileSync(surrogates, JSON.stringify({ id: "lone", text: "新华社北京3月12日电 国家主席习近平12日晚应约同德国总理默克尔通电话\ud83d，双方\udc00交换了意见。" }) + "\n");
    const inputs = [CORPUS, join(FIXTURES, "own"), surrogates];
    const built: Record<string, string>[] = [];
    for (const worker of ["0", "1"]) {
      const dir = tempDir();
      const before = process.env.DIPLOGRAPH_RDF_WORKER;
      process.env.DIPLOGRAPH_RDF_WORKER = worker;
      try {
        await build(inputs, { out: dir, base: "http://example.org/data/" });
      } finally {
        if (before === undefined) delete process.env.DIPLOGRAPH_RDF_WORKER;
        else process.env.DIPLOGRAPH_RDF_WORKER = before;
      }
      built.push(Object.fromEntries(["graph.ttl", "graph.nq", "graph.trig", "graph.jsonld"].map((n) => [n, readFileSync(join(dir, n), "utf8")])));
    }
    const [inThread, onWorker] = built as [Record<string, string>, Record<string, string>];
    for (const name of Object.keys(inThread)) expect(onWorker[name] === inThread[name], name).toBe(true);
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    for (const text of Object.values(onWorker)) expect(text).not.toMatch(lone);
    expect(onWorker["graph.nq"]).toContain("通电话\ufffd，双方\ufffd交换了意见");
    expect(new Parser({ format: "Turtle" }).parse(onWorker["graph.ttl"] as string).length).toBeGreaterThan(100);
    expect(new Parser({ format: "N-Quads" }).parse(onWorker["graph.nq"] as string).length).toBeGreaterThan(100);
    expect(new Parser({ format: "TriG" }).parse(onWorker["graph.trig"] as string).length).toBe(new Parser({ format: "N-Quads" }).parse(onWorker["graph.nq"] as string).length);
  });
});
