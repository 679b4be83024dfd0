/**
 * What outside probes of the server found (issue 13), each held by a test: deep nesting refused
 * before the engine and a crashed engine thread replaced; answers capped in bytes and rows, with
 * the time limit covering writing them; abandoned queries dropped; protocol parameters and
 * formats (XML results, RDF/XML, JSON-LD, 406); security headers, Host allow-list, /files/ only
 * for the build's own regular files; impossible dates refused; the OpenAPI description passing
 * Redocly's recommended rules.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request as httpRequest } from "node:http";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { build } from "../src/build.js";
import { createServer } from "../src/server/server.js";
import { SparqlEngine, SparqlEngineError } from "../src/query/sparql.js";
import { CORPUS, ROOT, tempDir } from "./helpers/paths.js";

const DG = "PREFIX dg: <https://w3id.org/diplograph/ontology#>\n";
const deepBraces = (n: number) => `SELECT * { ${"{".repeat(n)} ?s ?p ?o ${"}".repeat(n)} }`;
const deepParens = (n: number) => `SELECT * { ?s ?p ?o FILTER(${"(".repeat(n)}1${")".repeat(n)}) }`;
const DOC = "https://w3id.org/diplograph/id/doc/000_6cdceab04aad32ca.txt";

let out: string;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  out = tempDir();
  await build([CORPUS], { out });
  app = await createServer(out, { queryTimeoutMs: 3000, resultLimit: 50, resultBytes: 200_000, allowHosts: ["127.0.0.1", "graph.example"] });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await app?.close();
});

const sparql = (query: string, accept?: string, extra = "") => fetch(`${base}/sparql?query=${encodeURIComponent(query)}${extra}`, accept ? { headers: { accept } } : {});

/** A raw GET with a chosen Host header. */
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: "GET", headers: { host } }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the engine survives hostile queries", () => {
  it("700 nested braces and 3,000 nested parentheses get a clear 400, and the engine keeps answering", async () => {
    for (const q of [deepBraces(700), deepParens(3000)]) {
      const r = await sparql(q);
      expect(r.status).toBe(400);
      expect(await r.text()).toMatch(/^malformed query: the query is nested \d+ levels deep .* the limit is 64/);
    }
    for (let i = 0; i < 3; i++) {
      const ok = await sparql(`${DG}ASK { ?x dg:met ?y }`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ head: {}, boolean: true });
    }
    expect((await sparql(deepBraces(30))).status).toBe(200);
  });

  it("an engine thread that crashes (a WebAssembly trap) is replaced, and the next query is answered", async () => {
    const engine = new SparqlEngine(readFileSync(join(out, "graph.nq"), "utf8"), { timeoutMs: 10_000, limit: 100, maxNesting: Infinity }, 1);
    try {
      await expect(engine.query(deepBraces(700))).rejects.toThrow(SparqlEngineError);
      const r = await engine.query(`${DG}ASK { ?x dg:met ?y }`);
      expect(r.body).toBe('{"head":{},"boolean":true}');
    } finally {
      await engine.close();
    }
  });

  it("an update hidden behind a comment line is refused with 403, like any update", async () => {
    const r = await sparql("PREFIX ex: <http://x/> # c\nINSERT DATA { ex:a ex:b ex:c }");
    expect(r.status).toBe(403);
    expect(await r.text()).toMatch(/read-only/);
  });

  it("a misspelt query form is named with its position", async () => {
    const r = await sparql("SELEC * {");
    expect(r.status).toBe(400);
    expect(await r.text()).toBe('malformed query: error at 1:1: expected SELECT, CONSTRUCT, DESCRIBE or ASK, found "SELEC"\n');
  });
});

describe("answers are bounded", () => {
  it("an answer is cut at the byte cap (nested CONCAT), flagged, and the server keeps answering", async () => {
    let bind = 'BIND("0123456789abcdef" AS ?x0)';
    for (let i = 1; i <= 14; i++) bind += ` BIND(CONCAT(?x${i - 1}, ?x${i - 1}) AS ?x${i})`;
    const r = await sparql(`SELECT ?x14 WHERE { ?s ?p ?o ${bind} }`);
    expect(r.status).toBe(200);
    expect(r.headers.get("x-diplograph-truncated")).toMatch(/size limit/);
    const body = await r.text();
    expect(Buffer.byteLength(body)).toBeLessThan(400_000);
    expect(JSON.parse(body).results.bindings.length).toBeLessThan(3);
    expect((await fetch(`${base}/api/stats`)).status).toBe(200);
  });

  it("a large but cheap query stops at the row cap at once, not at the time limit", async () => {
    const t0 = Date.now();
    const r = await sparql("SELECT * { ?a ?b ?c . ?d ?e ?f }");
    expect(r.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(((await r.json()) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(50);
    expect(r.headers.get("x-diplograph-truncated")).toMatch(/^true/);
    // A LIMIT above the cap is lowered; one below it is kept.
    const small = await sparql("SELECT * { ?a ?b ?c . ?d ?e ?f } LIMIT 7");
    expect(((await small.json()) as { results: { bindings: unknown[] } }).results.bindings).toHaveLength(7);
    expect(small.headers.get("x-diplograph-truncated")).toBeNull();
  });

  it("queries whose clients went away leave the queue: a later query is answered at once", async () => {
    const runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    const gaveUp = Array.from({ length: 8 }, () => {
      const ac = new AbortController();
      const p = fetch(`${base}/sparql?query=${encodeURIComponent(runaway)}`, { signal: ac.signal }).catch(() => undefined);
      setTimeout(() => ac.abort(), 300);
      return p;
    });
    await Promise.all(gaveUp);
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    const r = await sparql("ASK {}");
    expect(r.status).toBe(200);
    // Had the eight stayed queued, this answer would wait for several 3 s time limits; under
    // load a plain query may take a second or two, never a whole time limit.
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe("the SPARQL protocol", () => {
  it("SPARQL XML results and RDF/XML and JSON-LD graphs, by Accept and by ?format=", async () => {
    const select = await sparql(`${DG}SELECT ?a ?b WHERE { ?a dg:wroteTo ?b }`, "application/sparql-results+xml");
    expect(select.headers.get("content-type")).toBe("application/sparql-results+xml; charset=utf-8");
    const xml = await select.text();
    expect(xml).toMatch(/^<\?xml version="1.0"\?>\n<sparql xmlns="http:\/\/www.w3.org\/2005\/sparql-results#"><head><variable name="a"\/><variable name="b"\/><\/head><results>/);
    expect(xml.match(/<result>/g)).toHaveLength(3);
    const ask = await sparql(`${DG}ASK { ?x dg:met ?y }`, "application/sparql-results+xml");
    expect(await ask.text()).toContain("<boolean>true</boolean>");
    const construct = `${DG}CONSTRUCT { ?a dg:wroteTo ?b } WHERE { ?a dg:wroteTo ?b }`;
    const rdfxml = await sparql(construct, "application/rdf+xml");
    expect(rdfxml.headers.get("content-type")).toBe("application/rdf+xml; charset=utf-8");
    expect(await rdfxml.text()).toMatch(/<rdf:RDF/);
    const jsonld = await sparql(construct, "application/ld+json");
    expect(jsonld.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    expect(JSON.stringify(await jsonld.json())).toContain("https://w3id.org/diplograph/ontology#wroteTo");
    expect((await sparql(construct, undefined, "&format=rdfxml")).headers.get("content-type")).toMatch(/^application\/rdf\+xml/);
  });

  it("406 for what is not offered; CSV and TSV only for SELECT", async () => {
    const img = await sparql("SELECT * { ?s ?p ?o } LIMIT 1", "image/png");
    expect(img.status).toBe(406);
    expect(await img.text()).toMatch(/application\/sparql-results\+json/);
    const askCsv = await sparql("ASK {}", "text/csv");
    expect(askCsv.status).toBe(406);
    expect(await askCsv.text()).toMatch(/for ASK queries/);
    const constructTsv = await sparql("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", undefined, "&format=tsv");
    expect(constructTsv.status).toBe(406);
    // A browser's Accept gets the default.
    expect((await sparql("ASK {}", "text/html,application/xhtml+xml,*/*;q=0.8")).status).toBe(200);
  });

  it("a triple term asked as CSV or TSV is a 400 with a clear message (JSON carries it)", async () => {
    const q = "SELECT ?t WHERE { BIND(<<( <http://a> <http://b> <http://c> )>> AS ?t) }";
    for (const type of ["text/csv", "text/tab-separated-values"]) {
      const r = await sparql(q, type);
      expect(r.status).toBe(400);
      expect(await r.text()).toMatch(/triple term/);
    }
    expect((await sparql(q)).status).toBe(200);
  });

  it("two query parameters, a JSON body that is not an object, a non-string query: 400", async () => {
    const two = await fetch(`${base}/sparql?query=ASK%20%7B%7D&query=ASK%20%7B%7D`);
    expect(two.status).toBe(400);
    for (const body of ["[1,2]", '"ASK {}"', "null", "42", '{"query": {"a": 1}}']) {
      const r = await fetch(`${base}/sparql`, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(r.status, body).toBe(400);
    }
  });

  it("default-graph-uri and named-graph-uri make the dataset, as the protocol says", async () => {
    const count = async (query: string, params: string) => {
      const r = await sparql(query, undefined, params);
      expect(r.status).toBe(200);
      return Number(((await r.json()) as { results: { bindings: { n: { value: string } }[] } }).results.bindings[0]?.n.value);
    };
    const all = await count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "");
    const one = await count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", `&default-graph-uri=${encodeURIComponent(DOC)}`);
    expect(one).toBeGreaterThan(0);
    expect(one).toBeLessThan(all);
    const named = await count("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }", `&named-graph-uri=${encodeURIComponent(DOC)}`);
    expect(named).toBe(1);
    expect((await sparql("ASK {}", undefined, "&default-graph-uri=not%20an%20iri")).status).toBe(400);
  });
});

describe("the HTTP surface", () => {
  it("security headers on the API, SPARQL and files", async () => {
    for (const path of ["/api/stats", "/sparql?query=ASK%7B%7D", "/files/graph.ttl"]) {
      const r = await fetch(base + path);
      expect(r.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(r.headers.get("content-security-policy"), path).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    }
  });

  it("only the bound host names (and --allow-host) are accepted in Host: DNS rebinding gets 403", async () => {
    const evil = await getWithHost("/api/stats", "attacker.example:8080");
    expect(evil.status).toBe(403);
    expect(evil.body).toMatch(/--allow-host attacker\.example/);
    for (const host of ["127.0.0.1", "localhost:1234", "graph.example", "[::1]:80"]) expect((await getWithHost("/api/stats", host)).status, host).toBe(200);
  });

  it("/files/ serves the build's regular files with a text type, never symlinks or dot files", async () => {
    const secret = join(tempDir(), "secret.txt");
    writeFileSync(secret, "SECRET-CONTENT");
    symlinkSync(secret, join(out, "link.txt"));
    writeFileSync(join(out, ".hidden"), "HIDDEN-CONTENT");
    mkdirSync(join(out, "sub"), { recursive: true });
    for (const name of ["link.txt", ".hidden", "sub"]) {
      const r = await fetch(`${base}/files/${name}`);
      expect(r.status, name).toBe(404);
      expect(await r.text()).not.toMatch(/CONTENT/);
    }
    const events = await fetch(`${base}/files/events.jsonl`);
    expect(events.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect((await fetch(`${base}/files/graph.ttl`)).headers.get("content-type")).toBe("text/turtle; charset=utf-8");
  });

  it("impossible dates are refused by the API", async () => {
    for (const d of ["2020-13-45", "9999-99-99", "2021-02-29"]) {
      const r = await fetch(`${base}/api/contacts?entity=${encodeURIComponent("习近平")}&from=${d}`);
      expect(r.status, d).toBe(400);
    }
    expect((await fetch(`${base}/api/contacts?entity=${encodeURIComponent("习近平")}&from=2020-02-29`)).status).toBe(200);
  });

  it("/openapi.json documents operations, parameters, errors and servers, and passes Redocly's recommended rules", async () => {
    const spec = (await (await fetch(`${base}/openapi.json`)).json()) as { servers: unknown[]; paths: Record<string, Record<string, { operationId?: string; parameters?: { name: string }[]; responses: Record<string, unknown> }>> };
    expect(spec.servers.length).toBeGreaterThan(0);
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.operationId, `${method} ${path}`).toBeTruthy();
        expect(Object.keys(op.responses), `${method} ${path}`).toContain("400");
      }
    }
    expect(Object.keys(spec.paths["/api/entity"]?.get?.responses ?? {})).toContain("404");
    expect(spec.paths["/sparql"]?.get?.parameters?.map((p) => p.name)).toEqual(["query", "default-graph-uri", "named-graph-uri", "format"]);
    const file = join(tempDir(), "openapi.json");
    writeFileSync(file, JSON.stringify(spec));
    const lint = spawnSync(process.execPath, [join(ROOT, "node_modules/@redocly/cli/bin/cli.js"), "lint", file, "--format", "json"], {
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    });
    const report = JSON.parse(lint.stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});

describe("a damaged build", () => {
  it("a truncated graph.nq is named, with a rebuild suggested, before the server listens", async () => {
    const dir = tempDir();
    for (const f of ["entities.jsonl", "events.jsonl", "documents.jsonl"]) writeFileSync(join(dir, f), readFileSync(join(out, f)));
    writeFileSync(join(dir, "graph.nq"), readFileSync(join(out, "graph.nq"), "utf8").slice(0, 5000));
    await expect(createServer(dir)).rejects.toThrow(/graph\.nq: not valid N-Quads .*rebuild/);
  });
});
