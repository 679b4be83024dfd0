/**
 * Load on loopback: 1,000 mixed requests at concurrency 50 against the real server — API calls,
 * SPARQL queries, malformed queries and parameters, updates, oversized bodies and runaway
 * queries. Every valid request succeeds, every refusal is the right one, every runaway is stopped
 * and reported as a timeout; figures (requests/s, p50/p99) are printed and saved to
 * test/artifacts/load.json.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { build } from "../src/build.js";
import { createServer } from "../src/server/server.js";
import { CORPUS, ROOT, tempDir } from "./helpers/paths.js";

const TOTAL = 1000;
const CONCURRENCY = 50;
const P = "PREFIX dg: <https://w3id.org/diplograph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

interface Kind {
  name: string;
  weight: number;
  expect: number;
  request: (base: string) => Promise<Response>;
  body?: RegExp;
}

const q = (base: string, query: string, accept = "application/sparql-results+json") => fetch(`${base}/sparql?query=${encodeURIComponent(query)}`, { headers: { accept } });
const kinds: Kind[] = [
  { name: "api search", weight: 12, expect: 200, request: (b) => fetch(`${b}/api/search?q=${encodeURIComponent("特")}`) },
  { name: "api contacts", weight: 12, expect: 200, request: (b) => fetch(`${b}/api/contacts?entity=${encodeURIComponent("习近平")}&relation=called&from=2020-02-01&to=2020-02-29`) },
  { name: "api path", weight: 6, expect: 200, request: (b) => fetch(`${b}/api/path?from=${encodeURIComponent("默克尔")}&to=${encodeURIComponent("谭德塞")}`) },
  { name: "api top", weight: 6, expect: 200, request: (b) => fetch(`${b}/api/top?by=degree&limit=5`) },
  { name: "api graph", weight: 4, expect: 200, request: (b) => fetch(`${b}/api/graph`) },
  { name: "sparql select", weight: 20, expect: 200, request: (b) => q(b, `${P}SELECT ?a ?b WHERE { ?a dg:called ?b } LIMIT 20`) },
  { name: "sparql count", weight: 8, expect: 200, request: (b) => q(b, `${P}SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }`, "text/csv") },
  { name: "sparql construct", weight: 6, expect: 200, request: (b) => q(b, `${P}CONSTRUCT { ?a dg:met ?b } WHERE { ?a dg:met ?b }`, "text/turtle") },
  { name: "sparql post", weight: 6, expect: 200, request: (b) => fetch(`${b}/sparql`, { method: "POST", headers: { "content-type": "application/sparql-query" }, body: `${P}ASK { ?x rdfs:label "习近平"@zh }` }) },
  { name: "malformed sparql", weight: 6, expect: 400, request: (b) => q(b, "SELECT ?x WHERE { ?x ?y }}}") },
  { name: "bad parameter", weight: 4, expect: 400, request: (b) => fetch(`${b}/api/contacts?entity=x&from=yesterday`) },
  { name: "unknown entity", weight: 3, expect: 404, request: (b) => fetch(`${b}/api/timeline?entity=${encodeURIComponent("无名氏")}`) },
  { name: "update", weight: 3, expect: 403, request: (b) => fetch(`${b}/sparql`, { method: "POST", headers: { "content-type": "application/sparql-update" }, body: "DROP ALL" }) },
  { name: "oversized body", weight: 2, expect: 413, request: (b) => fetch(`${b}/sparql`, { method: "POST", headers: { "content-type": "application/sparql-query" }, body: `SELECT * WHERE { ?s ?p ?o } #${"x".repeat(2 << 20)}` }) },
  { name: "runaway sparql", weight: 2, expect: 503, body: /stopped after 1000 ms/, request: (b) => q(b, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }") },
];

let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  const out = tempDir();
  await build([CORPUS], { out });
  app = await createServer(out, { queryTimeoutMs: 1000, resultLimit: 1000 });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe("load", () => {
  it(`${TOTAL} mixed requests at concurrency ${CONCURRENCY}: valid ones succeed, refusals are right, runaways are reported`, async () => {
    // A fixed, shuffled schedule of request kinds.
    const schedule: Kind[] = [];
    const weightSum = kinds.reduce((s, k) => s + k.weight, 0);
    for (const k of kinds) for (let i = 0; i < Math.round((k.weight / weightSum) * TOTAL); i++) schedule.push(k);
    while (schedule.length < TOTAL) schedule.push(kinds[0] as Kind);
    schedule.length = TOTAL;
    for (let i = schedule.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [schedule[i], schedule[j]] = [schedule[j] as Kind, schedule[i] as Kind];
    }

    const latencies: number[] = [];
    const wrong: string[] = [];
    const byKind = new Map<string, number>();
    let next = 0;
    const t0 = performance.now();
    const worker = async () => {
      while (next < schedule.length) {
        const kind = schedule[next++] as Kind;
        const start = performance.now();
        let status = 0;
        let text = "";
        try {
          const res = await kind.request(base);
          status = res.status;
          text = await res.text();
        } catch (e) {
          text = (e as Error).message;
        }
        latencies.push(performance.now() - start);
        byKind.set(kind.name, (byKind.get(kind.name) ?? 0) + 1);
        if (status !== kind.expect || (kind.body && !kind.body.test(text))) wrong.push(`${kind.name}: HTTP ${status} ${text.slice(0, 120)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => Number((latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(1));
    const figures = { requests: latencies.length, concurrency: CONCURRENCY, seconds: Number(seconds.toFixed(2)), requestsPerSecond: Math.round(latencies.length / seconds), p50Ms: pct(50), p99Ms: pct(99), maxMs: pct(100), mix: Object.fromEntries(byKind) };
    console.log(`load: ${JSON.stringify(figures)}`);
    mkdirSync(join(ROOT, "test/artifacts"), { recursive: true });
    writeFileSync(join(ROOT, "test/artifacts/load.json"), JSON.stringify(figures, null, 2) + "\n");
    expect(wrong).toEqual([]);
    expect(latencies).toHaveLength(TOTAL);
    // And the server still answers afterwards.
    expect((await fetch(`${base}/api/stats`)).status).toBe(200);
  }, 180_000);
});
