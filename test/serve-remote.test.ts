/**
 * `serve --sparql URL`: /sparql answered by a Virtuoso the build was pushed to, with the rules of
 * the embedded store — the same answers, updates refused before the store sees them, the result
 * cap flagged, the time limit a 503 — while the JSON API keeps working from the build folder.
 * The build is pushed under a base IRI of its own, and questions name its graphs
 * (default-graph-uri), so that other pushes into the store do not count. Required with CI=1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { build } from "../src/build.js";
import { graphsOf, push } from "../src/export/push.js";
import { createServer } from "../src/server/server.js";
import { GSP, PASSWORD, USER, VIRTUOSO, dropGraphs, virtuosoUp } from "./helpers/virtuoso.js";
import { CORPUS, tempDir } from "./helpers/paths.js";

const up = await virtuosoUp();
const run = up ? describe : describe.skip;

const P = "PREFIX dg: <https://w3id.org/diplograph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";
const FEB_CALLS = `${P}SELECT DISTINCT ?call ?initiator WHERE { ?call a dg:PhoneCall ; dg:date ?d ; dg:initiator ?initiator FILTER (?d >= "2020-02-01"^^xsd:date && ?d <= "2020-02-29"^^xsd:date) }`;
const XI_LETTERS = `${P}SELECT DISTINCT ?to WHERE { ?xi rdfs:label "习近平"@zh ; dg:wroteTo ?to }`;

run("serve --sparql: a build pushed into Virtuoso", () => {
  const base = `https://example.org/diplograph-test/${process.pid}-${Date.now()}/`;
  let remote: FastifyInstance;
  let local: FastifyInstance;
  let urls: { remote: string; local: string };
  let graphs: string[];
  let out: string;
  const dataset = () => graphs.map((g) => `default-graph-uri=${encodeURIComponent(g)}`).join("&");
  // The remote store is asked over this build's graphs; the embedded one holds nothing else.
  const sparql = (at: string, query: string, accept = "application/sparql-results+json") => fetch(`${at}/sparql?query=${encodeURIComponent(query)}${at === urls.local ? "" : `&${dataset()}`}`, { headers: { accept } });

  beforeAll(async () => {
    out = tempDir();
    await build([CORPUS], { out, base });
    const r = await push(out, { endpoint: GSP, user: USER, password: PASSWORD });
    expect(r.failed).toEqual([]);
    graphs = [...graphsOf(out).keys()];
    remote = await createServer(out, { sparqlEndpoint: `${VIRTUOSO}/sparql`, resultLimit: 5, queryTimeoutMs: 10_000 });
    local = await createServer(out, { resultLimit: 5 });
    urls = { remote: await remote.listen({ port: 0, host: "127.0.0.1" }), local: await local.listen({ port: 0, host: "127.0.0.1" }) };
  }, 90_000);

  afterAll(async () => {
    await remote?.close();
    await local?.close();
    await dropGraphs(graphs ?? []);
  }, 60_000);

  it("answers as the embedded store does, in JSON and CSV", async () => {
    for (const q of [FEB_CALLS.replace("SELECT DISTINCT ?call ?initiator", "SELECT (COUNT(DISTINCT ?call) AS ?n)"), XI_LETTERS]) {
      const a = (await (await sparql(urls.remote, q)).json()) as { results: { bindings: Record<string, { value: string }>[] } };
      const b = (await (await sparql(urls.local, q)).json()) as { results: { bindings: Record<string, { value: string }>[] } };
      const values = (x: typeof a) => x.results.bindings.map((r) => Object.values(r).map((v) => v.value).join(" ")).sort();
      expect(values(a).length, q).toBeGreaterThan(0);
      expect(values(a), q).toEqual(values(b));
    }
    const n = (await (await sparql(urls.remote, FEB_CALLS.replace("SELECT DISTINCT ?call ?initiator", "SELECT (COUNT(DISTINCT ?call) AS ?n)"))).json()) as { results: { bindings: { n: { value: string } }[] } };
    expect(n.results.bindings[0]?.n.value).toBe("13");
    const csv = await sparql(urls.remote, XI_LETTERS, "text/csv");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect((await csv.text()).split("\r\n")[0]).toBe("to");
  });

  it("cuts answers at the server's limit and says so", async () => {
    const res = await sparql(urls.remote, `${P}SELECT ?s ?p ?o WHERE { ?s ?p ?o }`);
    expect(res.headers.get("x-diplograph-truncated")).toMatch(/^true; .*result limit/);
    expect(((await res.json()) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(5);
    const graph = await sparql(urls.remote, `CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }`, "application/n-triples");
    expect(graph.status).toBe(200);
    expect((await graph.text()).trim().split("\n")).toHaveLength(5);
  });

  it("refuses updates before the store sees them: the data stay", async () => {
    const count = async () => ((await (await sparql(urls.remote, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")).json()) as { results: { bindings: { n: { value: string } }[] } }).results.bindings[0]?.n.value;
    const before = await count();
    const form = await fetch(`${urls.remote}/sparql`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ query: `DELETE WHERE { GRAPH <${graphs[0]}> { ?s ?p ?o } }` }).toString() });
    expect(form.status).toBe(403);
    const update = await fetch(`${urls.remote}/sparql`, { method: "POST", headers: { "content-type": "application/sparql-update" }, body: "CLEAR ALL" });
    expect(update.status).toBe(403);
    expect(Number(before)).toBeGreaterThan(100);
    expect(await count()).toBe(before);
  });

  it("a malformed query is 400; a query past the time limit is 503", async () => {
    expect((await sparql(urls.remote, "SELEC ?x")).status).toBe(400);
    const hurried = await createServer(out, { sparqlEndpoint: `${VIRTUOSO}/sparql`, queryTimeoutMs: 5 });
    try {
      const at = await hurried.listen({ port: 0, host: "127.0.0.1" });
      const started = Date.now();
      const res = await sparql(at, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }");
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/time limit/);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await hurried.close();
    }
  });

  it("the JSON API and the explorer's large-graph routes work from the build folder", async () => {
    expect((await (await fetch(`${urls.remote}/api/stats`)).json()) as object).toMatchObject({ events: 23 });
    const ego = (await (await fetch(`${urls.remote}/api/ego?entity=${encodeURIComponent("默克尔")}`)).json()) as { nodes: unknown[] };
    expect(ego.nodes).toHaveLength(2);
  });

  it("a store that does not answer is named before the server listens", async () => {
    await expect(createServer(out, { sparqlEndpoint: "http://127.0.0.1:9/sparql" })).rejects.toThrow(/SPARQL store at http:\/\/127\.0\.0\.1:9\/sparql does not answer/);
  });
});
