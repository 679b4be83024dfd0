/**
 * The RDF a researcher loads into a SPARQL store: every format parses back to the model's
 * quads (and the Turtle passes an independent parser), the output conforms to the SHACL
 * shapes, SPARQL over it (oxigraph) answers the researcher's questions, builds merge by union.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DataFactory, Parser, type Quad } from "n3";
import jsonld from "jsonld";
import * as oxigraph from "oxigraph";
import { build } from "../src/build.js";
import { modelToQuads } from "../src/export/rdf.js";
import { validateQuads } from "../src/export/validate.js";
import type { GraphModel } from "../src/model/types.js";
import { CORPUS, ROOT, tempDir } from "./helpers/paths.js";

const DG = "https://w3id.org/diplograph/ontology#";
const ID = "https://w3id.org/diplograph/id/";
const SEED_A = "000_6cdceab04aad32ca.txt";
const SEED_B = "003_471eca68cc3f20ae.txt";

/** A quad as one canonical line (N-Quads term syntax), optionally without its graph. */
function line(q: Quad, withGraph = true): string {
  const term = (t: Quad["object"] | Quad["graph"]): string => {
    if (t.termType === "Literal") return `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^<${t.datatype.value}>`}`;
    if (t.termType === "DefaultGraph") return "";
    return `<${t.value}>`;
  };
  return `${term(q.subject)} ${term(q.predicate)} ${term(q.object)}${withGraph ? ` ${term(q.graph)}` : ""}`.trim();
}
const lines = (quads: Quad[], withGraph = true) => new Set(quads.map((q) => line(q, withGraph)));

let out: string;
let model: GraphModel;
let store: oxigraph.Store;

beforeAll(async () => {
  out = tempDir();
  model = (await build([CORPUS], { out })).model;
  store = new oxigraph.Store();
  store.load(readFileSync(join(out, "graph.nq"), "utf8"), { format: "application/n-quads" });
});

function select(query: string): Record<string, string>[] {
  const prefixes = `PREFIX dg: <${DG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> PREFIX schema: <http://schema.org/> PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX oa: <http://www.w3.org/ns/oa#>\n`;
  const rows = store.query(prefixes + query, { use_default_graph_as_union: true }) as Map<string, oxigraph.Term>[];
  return rows.map((m) => Object.fromEntries([...m].map(([k, v]) => [k, v.value])));
}

describe("RDF files", () => {
  it("every format parses back to exactly the model's statements", async () => {
    const named = lines(modelToQuads(model, { namedGraphs: true }));
    const flat = lines(modelToQuads(model));
    const read = (file: string, format: string) => new Parser({ format }).parse(readFileSync(join(out, file), "utf8"));
    expect(lines(read("graph.ttl", "Turtle"))).toEqual(flat);
    expect(lines(read("graph.nq", "N-Quads"))).toEqual(named);
    expect(lines(read("graph.trig", "TriG"))).toEqual(named);
    const fromJsonLd = (await jsonld.toRDF(JSON.parse(readFileSync(join(out, "graph.jsonld"), "utf8")), { format: "application/n-quads" })) as unknown as string;
    expect(lines(new Parser({ format: "N-Quads" }).parse(fromJsonLd))).toEqual(named);
  });

  it("the Turtle, TriG and N-Quads pass raptor's independent parser (rapper) with the same counts", () => {
    const hasRapper = spawnSync("rapper", ["--version"]).status === 0;
    if (!hasRapper) {
      // .ci/run installs raptor2-utils; only a developer machine without it may skip.
      expect(process.env.CI, "rapper (raptor2-utils) must be installed in CI").toBeFalsy();
      return;
    }
    const count = (syntax: string, file: string) => {
      const r = spawnSync("rapper", ["-i", syntax, "-c", join(out, file)], { encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      return Number(/returned (\d+) triples/.exec(r.stderr)?.[1]);
    };
    expect(count("turtle", "graph.ttl")).toBe(modelToQuads(model).length);
    expect(count("trig", "graph.trig")).toBe(modelToQuads(model, { namedGraphs: true }).length);
    expect(count("nquads", "graph.nq")).toBe(modelToQuads(model, { namedGraphs: true }).length);
  });

  it("labels carry languages: simplified @zh, traditional @zh-Hant, English @en; Wikidata links where verified", () => {
    const china = select(`SELECT ?l (LANG(?l) AS ?lang) WHERE { <${ID}country/china> rdfs:label ?l }`);
    expect(china).toEqual(expect.arrayContaining([{ l: "中国", lang: "zh" }, { l: "China", lang: "en" }]));
    const sameAs = select(`SELECT ?x WHERE { <${ID}country/china> <http://www.w3.org/2002/07/owl#sameAs> ?x }`);
    expect(sameAs).toEqual([{ x: "http://www.wikidata.org/entity/Q148" }]);
    const who = select(`SELECT ?x WHERE { <${ID}org/who> <http://www.w3.org/2002/07/owl#sameAs> ?x }`);
    expect(who).toEqual([{ x: "http://www.wikidata.org/entity/Q7817" }]);
    // An organization with no verified Wikidata id gets none invented.
    expect(select(`SELECT ?l WHERE { <${ID}org/gates-foundation> rdfs:label ?l }`).length).toBeGreaterThan(0);
    expect(select(`SELECT ?x WHERE { <${ID}org/gates-foundation> <http://www.w3.org/2002/07/owl#sameAs> ?x }`)).toEqual([]);
  });
});

describe("SHACL", () => {
  it("the build conforms to the shapes", async () => {
    const r = await validateQuads(modelToQuads(model, { namedGraphs: true }));
    expect(r.violations).toEqual([]);
    expect(r.conforms).toBe(true);
  });

  it("a broken graph is reported with the right violations and focus nodes", async () => {
    const { namedNode, literal, quad } = DataFactory;
    const call = namedNode(`${ID}event/called/broken`);
    const rdfType = namedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    const amount = namedNode(`${ID}event/pledged-to/broken/amount`);
    const broken = [
      ...modelToQuads(model).filter((q) => !(q.subject.value === `${ID}country/china` && q.predicate.value === `${DG}iso3166Alpha2`)),
      quad(call, rdfType, namedNode(`${DG}PhoneCall`)),
      quad(call, namedNode(`${DG}participant`), namedNode(`${ID}person/xi-jin-ping`)),
      quad(call, namedNode(`${DG}date`), literal("12 March 2020")),
      quad(amount, rdfType, namedNode("http://schema.org/MonetaryAmount")),
      quad(amount, namedNode("http://schema.org/value"), literal("20000000", namedNode("http://www.w3.org/2001/XMLSchema#decimal"))),
      quad(amount, namedNode("http://schema.org/currency"), literal("dollars")),
    ];
    const r = await validateQuads(broken);
    expect(r.conforms).toBe(false);
    const found = r.violations.map((v) => `${v.focusNode.replace(ID, "")} ${v.path?.replace(/^.*[#/]/, "")} ${v.constraint}`).sort();
    expect(found).toEqual(
      [
        "country/china iso3166Alpha2 MinCountConstraintComponent",
        "event/called/broken date OrConstraintComponent",
        "event/called/broken participant MinCountConstraintComponent",
        "event/called/broken source MinCountConstraintComponent",
        "event/called/broken wasDerivedFrom MinCountConstraintComponent",
        "event/pledged-to/broken/amount currency PatternConstraintComponent",
      ].sort(),
    );
  });

  it("`diplograph validate` prints every violation with its focus node and exits 1", () => {
    const dir = tempDir();
    const file = join(dir, "bad.ttl");
    const ttl = readFileSync(join(out, "graph.ttl"), "utf8").replace(/dg:iso3166Alpha2 "CN"/, 'dg:iso3166Alpha2 "China"');
    writeFileSync(file, ttl);
    const r = spawnSync(process.execPath, [join(ROOT, "bin/diplograph.mjs"), "validate", file], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`<${ID}country/china> ${DG}iso3166Alpha2`);
    expect(r.stderr).toContain("1 violation");
    const ok = spawnSync(process.execPath, [join(ROOT, "bin/diplograph.mjs"), "validate", out], { encoding: "utf8" });
    expect(ok.status).toBe(0);
  });
});

describe("SPARQL over the build (oxigraph)", () => {
  it("every call in February 2020 with its initiator: 13", () => {
    const rows = select(`SELECT ?call ?date ?initiator WHERE {
      ?call a dg:PhoneCall ; dg:date ?date ; dg:initiator ?initiator .
      FILTER (?date >= "2020-02-01"^^xsd:date && ?date <= "2020-02-29"^^xsd:date) }`);
    expect(rows).toHaveLength(13);
    expect(new Set(rows.map((r) => r.call)).size).toBe(13);
  });

  it("whom Xi Jinping wrote to, on the direct edges and on the event nodes alike", () => {
    const edges = select(`SELECT ?l WHERE { ?xi rdfs:label "习近平"@zh ; dg:wroteTo ?to . ?to rdfs:label ?l FILTER(LANG(?l) = "zh") }`).map((r) => r.l).sort();
    const events = select(`SELECT DISTINCT ?l WHERE { ?e a dg:Letter ; dg:sender ?xi ; dg:recipient ?to . ?xi rdfs:label "习近平"@zh . ?to rdfs:label ?l FILTER(LANG(?l) = "zh") }`).map((r) => r.l).sort();
    expect(edges).toEqual(["比尔·盖茨", "萨勒"]);
    expect(events).toEqual(edges);
  });

  it("what China pledged to WHO, and how much", () => {
    const rows = select(`SELECT ?value ?currency WHERE {
      ?p a dg:Pledge ; dg:donor ?cn ; dg:recipient ?who ; dg:amount [ schema:value ?value ; schema:currency ?currency ] .
      ?cn dg:iso3166Alpha2 "CN" . ?who rdfs:label "World Health Organization"@en }`);
    expect(rows).toEqual([{ value: "20000000", currency: "USD" }]);
  });

  it("every person with title and country", () => {
    const rows = select(`SELECT ?name ?title ?of WHERE {
      ?p a dg:Person ; rdfs:label ?name ; dg:holdsRole ?r . ?r dg:title ?title ; dg:of ?o . ?o rdfs:label ?of
      FILTER(LANG(?name) = "zh" && LANG(?title) = "zh" && LANG(?of) = "zh") }`);
    const persons = model.entities.filter((e) => e.type === "Person" && e.roles.length > 0);
    expect(new Set(rows.map((r) => r.name))).toEqual(new Set(persons.map((p) => p.label)));
    expect(rows).toEqual(expect.arrayContaining([{ name: "默克尔", title: "总理", of: "德国" }, { name: "古特雷斯", title: "秘书长", of: "联合国" }]));
  });

  it("the sources of the Xi–Guterres call: two documents, each with its sentence", () => {
    const rows = select(`SELECT DISTINCT ?file ?quote ?start WHERE {
      ?e a dg:PhoneCall ; dg:participant ?xi , ?g ; dg:source ?s .
      ?xi rdfs:label "习近平"@zh . ?g rdfs:label "古特雷斯"@zh .
      ?s oa:hasSource ?doc ; oa:hasSelector ?q , ?pos . ?q oa:exact ?quote . ?pos oa:start ?start . ?doc dg:fileName ?file }`);
    expect(new Set(rows.map((r) => r.file))).toEqual(new Set([SEED_A, SEED_B]));
    for (const r of rows) expect(r.quote).toContain("古特雷斯");
    const text = readFileSync(join(CORPUS, SEED_B), "utf8");
    const fromB = rows.find((r) => r.file === SEED_B);
    expect(text.slice(Number(fromB?.start)).startsWith(fromB?.quote ?? "?")).toBe(true);
  });

  it("the direct edges and the event nodes state the same contacts", () => {
    for (const [edge, cls] of [["called", "PhoneCall"], ["met", "Meeting"], ["wroteTo", "Letter"], ["pledgedTo", "Pledge"]] as const) {
      const symmetric = edge === "called" || edge === "met";
      const fromEdges = select(`SELECT ?a ?b WHERE { ?a dg:${edge} ?b }`).map((r) => `${r.a} ${r.b}`);
      const eventQuery = symmetric
        ? `SELECT DISTINCT ?a ?b WHERE { ?e a dg:${cls} ; dg:participant ?a , ?b FILTER(?a != ?b) }`
        : `SELECT DISTINCT ?a ?b WHERE { ?e a dg:${cls} ; dg:${edge === "wroteTo" ? "sender" : "donor"} ?a ; dg:recipient ?b }`;
      const fromEvents = select(eventQuery).map((r) => `${r.a} ${r.b}`);
      expect(new Set(fromEdges), edge).toEqual(new Set(fromEvents));
      expect(fromEdges.length, edge).toBeGreaterThan(0);
    }
  });
});

describe("merging builds", () => {
  it("two builds of the same input are byte-identical in every RDF format", async () => {
    const again = tempDir();
    await build([CORPUS], { out: again });
    for (const f of ["graph.ttl", "graph.nq", "graph.trig", "graph.jsonld"]) {
      expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    }
  });

  it("the seed files built apart and loaded into one store give the graph built together", async () => {
    const a = tempDir();
    const b = tempDir();
    await build([join(CORPUS, SEED_A)], { out: a });
    await build([join(CORPUS, SEED_B)], { out: b });
    const union = new oxigraph.Store();
    for (const dir of [a, b]) union.load(readFileSync(join(dir, "graph.nq"), "utf8"), { format: "application/n-quads" });
    // Compared store to store: oxigraph keeps derived integer types as xsd:integer.
    const together = new oxigraph.Store();
    together.load(readFileSync(join(out, "graph.nq"), "utf8"), { format: "application/n-quads" });
    const asLines = (s: oxigraph.Store) => new Set(s.match().map((q) => line(q as unknown as Quad, false)));
    expect(asLines(union)).toEqual(asLines(together));
    expect(asLines(together).size).toBe(lines(modelToQuads(model), false).size);
  });
});

describe("the ontology", () => {
  const read = (file: string) => new Parser().parse(readFileSync(join(ROOT, "ontology", file), "utf8"));
  const ontology = read("diplograph.ttl");
  const RDFS = "http://www.w3.org/2000/01/rdf-schema#";
  const terms = [...new Set(ontology.filter((q) => q.subject.value.startsWith(DG)).map((q) => q.subject.value))];

  it("has a Chinese and an English label and comment on every term", () => {
    expect(terms.length).toBeGreaterThan(30);
    for (const t of terms) {
      for (const p of ["label", "comment"]) {
        const langs = ontology.filter((q) => q.subject.value === t && q.predicate.value === RDFS + p).map((q) => (q.object.termType === "Literal" ? q.object.language : ""));
        expect(langs.sort(), `${t} rdfs:${p}`).toEqual(["en", "zh"]);
      }
    }
  });

  it("defines every dg: term the build and the shapes use", () => {
    const used = new Set<string>();
    for (const q of [...modelToQuads(model, { namedGraphs: true }), ...read("shapes.ttl")]) {
      for (const t of [q.predicate, q.object]) if (t.termType === "NamedNode" && t.value.startsWith(DG)) used.add(t.value);
    }
    const context = JSON.parse(readFileSync(join(ROOT, "ontology/context.jsonld"), "utf8"))["@context"] as Record<string, unknown>;
    for (const v of Object.values(context)) {
      const id = typeof v === "string" ? v : (v as { "@id"?: string })["@id"];
      if (id?.startsWith("dg:")) used.add(DG + id.slice(3));
    }
    expect([...used].filter((u) => !terms.includes(u))).toEqual([]);
  });

  it("aligns only with terms that exist in the vocabularies it names (no typo'd IRIs)", () => {
    const vocabularies: Record<string, string> = {
      "http://semanticweb.cs.vu.nl/2009/11/sem/": "sem",
      "http://schema.org/": "schema",
      "http://xmlns.com/foaf/0.1/": "foaf",
      "http://www.w3.org/ns/prov#": "prov",
      "http://www.w3.org/2006/time#": "time",
      "http://www.w3.org/ns/oa#": "oa",
      "http://www.w3.org/2004/02/skos/core#": "skos",
      "http://purl.org/dc/terms/": "dcterms",
      "http://www.w3.org/2002/07/owl#": "owl",
      "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
      "http://www.w3.org/ns/shacl#": "sh",
    };
    const defined = new Map<string, Set<string>>();
    const definedIn = (ns: string) => {
      const name = vocabularies[ns] as string;
      if (!defined.has(ns)) {
        const nq = readFileSync(join(ROOT, "node_modules/@vocabulary", name, `${name}.nq`), "utf8");
        defined.set(ns, new Set(new Parser({ format: "N-Quads" }).parse(nq).map((q) => q.subject.value)));
      }
      return defined.get(ns) as Set<string>;
    };
    const external = new Set<string>();
    const quads = [...ontology, ...read("shapes.ttl"), ...modelToQuads(model, { namedGraphs: true })];
    for (const q of quads) for (const t of [q.predicate, q.object]) if (t.termType === "NamedNode") external.add(t.value);
    const unknown: string[] = [];
    for (const iri of external) {
      const ns = Object.keys(vocabularies).find((n) => iri.startsWith(n) && iri.length > n.length);
      if (ns && !definedIn(ns).has(iri)) unknown.push(iri);
    }
    expect(unknown).toEqual([]);
    // And the alignments point outside our namespace at all: some of each kind exist.
    const aligned = ontology.filter((q) => [RDFS + "subClassOf", RDFS + "subPropertyOf"].includes(q.predicate.value) && !q.object.value.startsWith(DG));
    expect(aligned.length).toBeGreaterThan(15);
  });
});

describe("--base", () => {
  it("puts every data IRI under the given base, in every format", async () => {
    const dir = tempDir();
    const base = "https://example.org/kg/";
    await build([CORPUS], { out: dir, base });
    const quads = new Parser({ format: "N-Quads" }).parse(readFileSync(join(dir, "graph.nq"), "utf8"));
    const subjects = new Set(quads.map((q) => q.subject.value));
    expect([...subjects].every((s) => s.startsWith(base))).toBe(true);
    const doc = JSON.parse(readFileSync(join(dir, "graph.jsonld"), "utf8"));
    expect(doc["@context"].person).toBe(`${base}person/`);
    const fromJsonLd = (await jsonld.toRDF(doc, { format: "application/n-quads" })) as unknown as string;
    expect(lines(new Parser({ format: "N-Quads" }).parse(fromJsonLd))).toEqual(lines(quads));
  });
});

describe("date precision in RDF", () => {
  it("a day, a month and a year are xsd:date, xsd:gYearMonth and xsd:gYear, on the event and its OWL-Time instant, and conform", async () => {
    const { extractText } = await import("./helpers/extract.js");
    const m = extractText("2024年3月18日，外交部长王毅会见新西兰总理拉克森。去年6月，王毅同美国国务卿布林肯会晤。2014年，习近平会见新西兰总理约翰·基。");
    const quads = modelToQuads(m);
    const XSD = "http://www.w3.org/2001/XMLSchema#";
    const TIME = "http://www.w3.org/2006/time#";
    const dates = quads.filter((q) => q.predicate.value === `${DG}date`).map((q) => `${q.object.value} ${(q.object as { datatype: { value: string } }).datatype.value.replace(XSD, "")}`).sort();
    expect(dates).toEqual(["2014 gYear", "2023-06 gYearMonth", "2024-03-18 date"]);
    const positions = quads.filter((q) => q.predicate.value.startsWith(`${TIME}inXSD`)).map((q) => q.predicate.value.replace(TIME, "")).sort();
    expect(positions).toEqual(["inXSDDate", "inXSDgYear", "inXSDgYearMonth"]);
    const r = await validateQuads(quads);
    expect(r.violations).toEqual([]);
  });
});
