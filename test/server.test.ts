/**
 * The real server on a free port, with real HTTP requests: the SPARQL 1.1 protocol (GET, POST
 * form, POST sparql-query; JSON, CSV, TSV, Turtle, N-Triples), read-only, time-limited and
 * capped; every API endpoint; static files safe from path traversal; API and SPARQL agree.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request as httpRequest } from "node:http";
import type { FastifyInstance } from "fastify";
import { Parser } from "n3";
import { build } from "../src/build.js";
import { createServer } from "../src/server/server.js";
import { CORPUS, tempDir } from "./helpers/paths.js";

const DG = "PREFIX dg: <https://w3id.org/diplograph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";
const FEB_CALLS = `${DG}SELECT DISTINCT ?call ?other WHERE { ?call a dg:PhoneCall ; dg:date ?d ; dg:participant ?xi , ?other . ?xi rdfs:label "习近平"@zh FILTER(?other != ?xi && ?d >= "2020-02-01"^^xsd:date && ?d <= "2020-02-29"^^xsd:date) }`;
// Three-way cross product of every statement: runs far past any sensible time limit.
const RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  const out = tempDir();
  await build([CORPUS], { out });
  app = await createServer(out, { queryTimeoutMs: 1500, resultLimit: 50 });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await app?.close();
});

const sparqlGet = (query: string, accept?: string) => fetch(`${base}/sparql?query=${encodeURIComponent(query)}`, accept ? { headers: { accept } } : {});

/** A raw request whose path is sent exactly as written (fetch would normalize ../). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("SPARQL endpoint", () => {
  it("SELECT over GET in JSON, CSV and TSV by content negotiation", async () => {
    const json = await sparqlGet(FEB_CALLS, "application/sparql-results+json");
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toMatch(/^application\/sparql-results\+json/);
    const body = (await json.json()) as { head: { vars: string[] }; results: { bindings: unknown[] } };
    expect(body.head.vars).toEqual(["call", "other"]);
    expect(body.results.bindings).toHaveLength(13);

    const csv = await sparqlGet(FEB_CALLS, "text/csv");
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(14);

    const tsv = await sparqlGet(FEB_CALLS, "text/tab-separated-values");
    const lines = (await tsv.text()).trim().split("\n");
    expect(lines[0]).toBe("?call\t?other");
    expect(lines[1]).toMatch(/^<https:\/\/w3id\.org\/diplograph\/id\/event\/called\//);
  });

  it("ASK and CONSTRUCT, with Turtle and N-Triples by Accept", async () => {
    const ask = await sparqlGet(`${DG}ASK { ?x dg:pledgedTo ?y }`);
    expect(await ask.json()).toEqual({ head: {}, boolean: true });
    const construct = `${DG}CONSTRUCT { ?a dg:wroteTo ?b } WHERE { ?a dg:wroteTo ?b }`;
    const ttl = await sparqlGet(construct, "text/turtle");
    expect(ttl.headers.get("content-type")).toMatch(/^text\/turtle/);
    expect(new Parser().parse(await ttl.text())).toHaveLength(3);
    const nt = await sparqlGet(construct, "application/n-triples");
    expect(nt.headers.get("content-type")).toMatch(/^application\/n-triples/);
    expect(new Parser({ format: "N-Triples" }).parse(await nt.text())).toHaveLength(3);
  });

  it("the default graph counts each statement once; GRAPH <doc> reaches one document", async () => {
    const n = (await (await sparqlGet(`${DG}SELECT (COUNT(*) AS ?n) WHERE { ?c a dg:PhoneCall }`)).json()) as { results: { bindings: { n: { value: string } }[] } };
    expect(n.results.bindings[0]?.n.value).toBe("16");
    const inDoc = async (doc: string) => ((await (await sparqlGet(`${DG}ASK { GRAPH <https://w3id.org/diplograph/id/doc/${doc}> { ?p a dg:Pledge } }`)).json()) as { boolean: boolean }).boolean;
    expect(await inDoc("000_6cdceab04aad32ca.txt")).toBe(true);
    expect(await inDoc("003_471eca68cc3f20ae.txt")).toBe(false);
  });

  it("POST as a form and as application/sparql-query", async () => {
    const form = await fetch(`${base}/sparql`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/csv" }, body: new URLSearchParams({ query: FEB_CALLS }).toString() });
    expect(form.status).toBe(200);
    expect((await form.text()).trim().split("\r\n")).toHaveLength(14);
    const direct = await fetch(`${base}/sparql`, { method: "POST", headers: { "content-type": "application/sparql-query" }, body: FEB_CALLS });
    expect(((await direct.json()) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(13);
  });

  it("refuses updates with 403, however they are sent", async () => {
    const update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }";
    const asQuery = await sparqlGet(update);
    expect(asQuery.status).toBe(403);
    expect(await asQuery.text()).toMatch(/read-only/);
    const asUpdate = await fetch(`${base}/sparql`, { method: "POST", headers: { "content-type": "application/sparql-update" }, body: update });
    expect(asUpdate.status).toBe(403);
    const asForm = await fetch(`${base}/sparql`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ update }).toString() });
    expect(asForm.status).toBe(403);
    const count = (await (await sparqlGet("SELECT (COUNT(*) AS ?n) WHERE { <urn:a> ?p ?o }")).json()) as { results: { bindings: { n: { value: string } }[] } };
    expect(count.results.bindings[0]?.n.value).toBe("0");
  });

  it("malformed SPARQL gets 400 with the parser's message; a missing query says what is missing", async () => {
    const r = await sparqlGet("SELEKT ?x WHERE { ?x ?y ?z }");
    expect(r.status).toBe(400);
    expect(await r.text()).toMatch(/^malformed query: .*1:1/);
    const missing = await fetch(`${base}/sparql`);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toMatch(/missing "query"/);
  });

  it("stops a runaway query at the time limit with a clear error, and keeps answering others", async () => {
    const started = Date.now();
    const runaway = sparqlGet(RUNAWAY);
    // While it runs, another query is answered.
    await new Promise((r) => setTimeout(r, 200));
    const other = await sparqlGet(`${DG}ASK { ?x dg:met ?y }`);
    expect(other.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1500);
    const r = await runaway;
    expect(r.status).toBe(503);
    expect(await r.text()).toMatch(/stopped after 1500 ms/);
    // And after it, queries still work.
    const after = await sparqlGet(FEB_CALLS);
    expect(after.status).toBe(200);
  });

  it("cuts answers at the result limit and says so", async () => {
    const r = await sparqlGet("SELECT ?s WHERE { ?s ?p ?o }");
    const body = (await r.json()) as { results: { bindings: unknown[] } };
    expect(body.results.bindings).toHaveLength(50);
    expect(r.headers.get("x-diplograph-truncated")).toMatch(/^true/);
    expect(Number(r.headers.get("x-diplograph-result-count"))).toBe(50);
  });
});

describe("JSON API", () => {
  const api = async (path: string) => {
    const r = await fetch(`${base}${path}`);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  it("answers every endpoint, described in /openapi.json", async () => {
    const spec = (await api("/openapi.json")).body as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toMatch(/^3\./);
    const paths = Object.keys(spec.paths).sort();
    expect(paths).toEqual(["/api/communities", "/api/contacts", "/api/dyads", "/api/ego", "/api/entity", "/api/graph", "/api/histogram", "/api/overview", "/api/path", "/api/search", "/api/stats", "/api/timeline", "/api/top", "/sparql"]);

    expect((await api(`/api/search?q=${encodeURIComponent("盖茨")}`)).body.results).toEqual(expect.arrayContaining([expect.objectContaining({ label: "比尔·盖茨" })]));
    const xi = (await api(`/api/entity?name=${encodeURIComponent("習近平")}`)).body as { entity: { id: string }; iri: string; degree: number };
    expect(xi.entity.id).toBe("person/xi-jin-ping");
    expect(xi.iri).toBe("https://w3id.org/diplograph/id/person/xi-jin-ping");
    expect((await api(`/api/timeline?entity=${encodeURIComponent("默克尔")}`)).body.events).toHaveLength(1);
    const path = (await api(`/api/path?from=${encodeURIComponent("默克尔")}&to=${encodeURIComponent("谭德塞")}`)).body.path as { entity: { label: string } }[];
    expect(path.map((s) => s.entity.label)).toEqual(["默克尔", "习近平", "谭德塞"]);
    const top = (await api("/api/top?by=degree&limit=1")).body.results as { entity: { label: string } }[];
    expect(top[0]?.entity.label).toBe("习近平");
    expect(((await api("/api/communities")).body.communities as unknown[]).length).toBeGreaterThan(0);
    const graph = (await api("/api/graph?relation=met")).body as { nodes: unknown[]; edges: unknown[] };
    expect(graph.edges).toHaveLength(3);
    expect((await api("/api/stats")).body).toEqual({ entities: 49, events: 23, documents: 2, large: false });
  });

  it("bad parameters are 400 and unknown entities 404, with a message", async () => {
    const bad = await api(`/api/contacts?entity=x&from=March`);
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toMatch(/from/);
    const unknown = await api(`/api/contacts?entity=${encodeURIComponent("无此人")}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('no entity named "无此人"');
  });

  it("the API and SPARQL agree: Xi's February 2020 calls, whom he wrote to", async () => {
    const fromApi = (await api(`/api/contacts?entity=${encodeURIComponent("习近平")}&relation=called&from=2020-02-01&to=2020-02-29`)).body.contacts as { event: { id: string } }[];
    const fromSparql = ((await (await sparqlGet(FEB_CALLS)).json()) as { results: { bindings: { call: { value: string } }[] } }).results.bindings;
    expect(new Set(fromApi.map((c) => `https://w3id.org/diplograph/id/event/${c.event.id}`))).toEqual(new Set(fromSparql.map((b) => b.call.value)));

    const letters = (await api(`/api/contacts?entity=${encodeURIComponent("习近平")}&relation=wrote_to`)).body.contacts as { direction: string; counterpart: { id: string } }[];
    const wroteTo = ((await (await sparqlGet(`${DG}SELECT ?to WHERE { <https://w3id.org/diplograph/id/person/xi-jin-ping> dg:wroteTo ?to }`)).json()) as { results: { bindings: { to: { value: string } }[] } }).results.bindings;
    expect(new Set(letters.filter((l) => l.direction === "out").map((l) => `https://w3id.org/diplograph/id/${l.counterpart.id}`))).toEqual(new Set(wroteTo.map((b) => b.to.value)));
  });
});

describe("slow clients", () => {
  it("a client that stops sending is cut off at the request time limit, and others are served", async () => {
    const { connect } = await import("node:net");
    const out = tempDir();
    await build([CORPUS], { out });
    const strict = await createServer(out, { requestTimeoutMs: 1000 });
    const url = new URL(await strict.listen({ port: 0, host: "127.0.0.1" }));
    try {
      const closed = new Promise<string>((resolve) => {
        const socket = connect(Number(url.port), url.hostname, () => socket.write("POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nquery="));
        let answer = "";
        socket.on("data", (d) => (answer += d.toString()));
        socket.on("close", () => resolve(answer));
      });
      const t0 = Date.now();
      const other = await fetch(`${url.origin}/api/stats`);
      expect(other.status).toBe(200);
      const answer = await closed;
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(answer).toMatch(/^HTTP\/1\.1 408|^$/);
    } finally {
      await strict.close();
    }
  }, 20_000);
});

describe("static files", () => {
  it("serves the build's files for download", async () => {
    const r = await fetch(`${base}/files/graph.ttl`);
    expect(r.status).toBe(200);
    expect(new Parser().parse(await r.text()).length).toBeGreaterThan(100);
  });

  it("refuses path traversal", async () => {
    for (const path of ["/files/../package.json", "/files/..%2fpackage.json", "/files/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/../../etc/passwd", "/files/....//....//etc/passwd"]) {
      const r = await rawGet(path);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.body, path).not.toMatch(/root:|"name": "diplograph"/);
    }
  });
});
