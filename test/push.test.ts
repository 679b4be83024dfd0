/**
 * `diplograph push` into a real Virtuoso (Debian's virtuoso-opensource, started by .ci/run):
 * after a push, the RDF questions get the same answers from Virtuoso as from the embedded store;
 * re-pushing is idempotent; bad credentials are reported per graph, nothing is half-written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "../src/build.js";
import { graphsOf, push } from "../src/export/push.js";
import { SparqlEngine } from "../src/query/sparql.js";
import { GSP, PASSWORD, USER, VIRTUOSO, virtuosoUp } from "./helpers/virtuoso.js";
import { CORPUS, tempDir } from "./helpers/paths.js";


const up = await virtuosoUp();
const run = up ? describe : describe.skip;

const P = "PREFIX dg: <https://w3id.org/diplograph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> PREFIX schema: <http://schema.org/> PREFIX oa: <http://www.w3.org/ns/oa#>\n";
const QUESTIONS: Record<string, string> = {
  "calls in February 2020 with initiator": `SELECT DISTINCT ?call ?initiator WHERE { ?call a dg:PhoneCall ; dg:date ?d ; dg:initiator ?initiator FILTER (?d >= "2020-02-01"^^xsd:date && ?d <= "2020-02-29"^^xsd:date) }`,
  "whom Xi Jinping wrote to": `SELECT DISTINCT ?to WHERE { ?xi rdfs:label "习近平"@zh ; dg:wroteTo ?to }`,
  "what China pledged to WHO": `SELECT DISTINCT ?value ?currency WHERE { ?p a dg:Pledge ; dg:donor ?cn ; dg:recipient ?who ; dg:amount ?a . ?a schema:value ?value ; schema:currency ?currency . ?cn dg:iso3166Alpha2 "CN" . ?who rdfs:label "World Health Organization"@en }`,
  "persons with title and country": `SELECT DISTINCT ?p ?title ?of WHERE { ?p a dg:Person ; dg:holdsRole ?r . ?r dg:title ?title ; dg:of ?of FILTER(LANG(?title) = "zh") }`,
  "sources of the Xi–Guterres call": `SELECT DISTINCT ?file WHERE { ?e a dg:PhoneCall ; dg:participant ?xi , ?g ; dg:source ?s . ?xi rdfs:label "习近平"@zh . ?g rdfs:label "古特雷斯"@zh . ?s oa:hasSource ?doc . ?doc dg:fileName ?file }`,
};

type Row = Record<string, { value: string; datatype?: string }>;
const canon = (rows: Row[]) =>
  rows
    .map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, /decimal|integer|double/.test(r[k]?.datatype ?? "") ? Number(r[k]?.value) : r[k]?.value])))
    .sort();

/** This build's graphs: the store may hold other pushes (other tests run at the same time). */
let dataset: string[] = [];

async function virtuoso(query: string): Promise<Row[]> {
  const form = new URLSearchParams({ query: P + query });
  for (const g of dataset) form.append("default-graph-uri", g);
  const res = await fetch(`${VIRTUOSO}/sparql`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/sparql-results+json" }, body: form.toString() });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: { bindings: Row[] } }).results.bindings;
}

run("push into Virtuoso", () => {
  let out: string;
  let local: SparqlEngine;

  beforeAll(async () => {
    out = tempDir();
    await build([CORPUS], { out });
    local = new SparqlEngine(readFileSync(join(out, "graph.nq"), "utf8"), { timeoutMs: 20_000, limit: 100_000 }, 1);
    dataset = [...graphsOf(out).keys()];
    return () => void local.close();
  }, 60_000);

  it("loads every document graph and the entities, and Virtuoso answers as the embedded store does", async () => {
    const r = await push(out, { endpoint: GSP, user: USER, password: PASSWORD });
    expect(r.failed).toEqual([]);
    expect(r.graphs).toBe(3);
    for (const [name, q] of Object.entries(QUESTIONS)) {
      const mine = JSON.parse((await local.query(P + q)).body) as { results: { bindings: Row[] } };
      const theirs = await virtuoso(q);
      expect(theirs.length, name).toBeGreaterThan(0);
      expect(canon(theirs), name).toEqual(canon(mine.results.bindings));
    }
    expect(await virtuoso(QUESTIONS["calls in February 2020 with initiator"] as string)).toHaveLength(13);
  }, 60_000);

  it("re-pushing replaces the graphs: the same triples, not twice as many", async () => {
    const count = async () => Number((await virtuoso(`SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/diplograph/id/doc/003_471eca68cc3f20ae.txt> { ?s ?p ?o } }`))[0]?.n?.value);
    await push(out, { endpoint: GSP, user: USER, password: PASSWORD });
    const before = await count();
    await push(out, { endpoint: GSP, user: USER, password: PASSWORD, concurrency: 1 });
    expect(await count()).toBe(before);
    expect(before).toBeGreaterThan(100);
  }, 60_000);

  it("bad credentials fail every graph, reported one by one, without retrying refusals", async () => {
    const seen: string[] = [];
    const r = await push(out, { endpoint: GSP, user: USER, password: "not-the-password", retries: 3, backoffMs: 2000, onGraph: (g, ok) => seen.push(`${ok} ${g}`) });
    expect(r.graphs).toBe(0);
    expect(r.failed.map((f) => f.error)).toEqual(["HTTP 401", "HTTP 401", "HTTP 401"].map((e) => expect.stringMatching(new RegExp(`^${e}`))));
    expect(seen).toHaveLength(3);
  }, 20_000);
});
