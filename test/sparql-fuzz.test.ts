/**
 * Robustness of the SPARQL endpoint (fast-check; the seed is printed): generated hostile
 * requests — deep nesting of braces, parentheses and brackets, answers exploding in rows or
 * bytes, runaway joins from clients that give up, odd and repeated parameters, strange Accept
 * headers, comments and updates in disguise — never get a 5xx other than the documented 503s,
 * never take the server down, and afterwards a plain query is still answered correctly.
 * FC_SEED=<seed> npx vitest run test/sparql-fuzz.test.ts reproduces a run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { build } from "../src/build.js";
import { createServer } from "../src/server/server.js";
import { CORPUS, tempDir } from "./helpers/paths.js";

const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FC_SPARQL_RUNS ?? 400);
const DG = "PREFIX dg: <https://w3id.org/diplograph/ontology#>\n";

let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  const out = tempDir();
  await build([CORPUS], { out });
  app = await createServer(out, { queryTimeoutMs: 800, resultLimit: 200, resultBytes: 100_000 });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await app?.close();
});

const nested = fc.tuple(fc.constantFrom(["{", "}"], ["(", ")"], ["[", "]"]), fc.integer({ min: 1, max: 4000 })).map(([[open, close], n]) =>
  open === "{" ? `SELECT * { ${open.repeat(n)} ?s ?p ?o ${close.repeat(n)} }` : open === "(" ? `SELECT * { ?s ?p ?o FILTER(${open.repeat(n)}1${close.repeat(n)}) }` : `SELECT * { ?s ?p ${open.repeat(n)} ?p ?o ${close.repeat(n)} }`,
);
const concat = fc.integer({ min: 1, max: 22 }).map((n) => {
  let q = 'BIND("ab" AS ?x0)';
  for (let i = 1; i <= n; i++) q += ` BIND(CONCAT(?x${i - 1}, ?x${i - 1}) AS ?x${i})`;
  return `SELECT ?x${n} WHERE { ?s ?p ?o ${q} }`;
});
const joins = fc.integer({ min: 1, max: 3 }).map((n) => `SELECT * { ${Array.from({ length: n + 1 }, (_, i) => `?a${i} ?b${i} ?c${i} .`).join(" ")} }`);
const disguised = fc.constantFrom(
  "PREFIX ex: <http://x/> # c\nINSERT DATA { ex:a ex:b ex:c }",
  "# SELECT\nDROP ALL",
  "BASE <http://x/> CLEAR DEFAULT",
  'SELECT * { ?s ?p "}}}}" } # {{{{',
  "SELECT * { ?s ?p <http://x/{{{{> }",
  "SELEC * {",
  "",
  "ASK {}",
  "DESCRIBE <https://w3id.org/diplograph/id/person/xi-jin-ping>",
  `${DG}CONSTRUCT WHERE { ?a dg:met ?b }`,
  "SELECT ?t WHERE { BIND(<<( <http://a> <http://b> <http://c> )>> AS ?t) }",
  "SELECT * { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
  "SELECT * FROM <http://127.0.0.1:1/x> { ?s ?p ?o }",
);
const query = fc.oneof(nested, concat, joins, disguised, fc.string({ maxLength: 200 }));
const accept = fc.constantFrom(undefined, "application/sparql-results+xml", "text/csv", "text/tab-separated-values", "application/rdf+xml", "application/ld+json", "text/turtle", "image/png", "*/*", "text/*;q=0.5, application/json", ";;;,,", "application/sparql-results+json;q=0");
const extra = fc.constantFrom("", "&query=ASK%7B%7D", "&default-graph-uri=https%3A%2F%2Fw3id.org%2Fdiplograph%2Fid%2Fdoc%2Fx", "&named-graph-uri=%00", "&format=xml", "&format=nope", "&update=DROP%20ALL", "&default-graph-uri[a]=b");
const request = fc.record({ query, accept, extra, post: fc.boolean(), abandonAfterMs: fc.option(fc.integer({ min: 20, max: 400 }), { nil: undefined }) });

describe(`SPARQL fuzz (seed ${SEED}, ${RUNS} requests)`, () => {
  it("hostile queries, parameters and clients that give up get 2xx/4xx/503, and the server still answers a plain query correctly", async () => {
    console.log(`sparql fuzz: fast-check seed ${SEED} (FC_SEED=${SEED} to reproduce)`);
    const t0 = Date.now();
    await fc.assert(
      fc.asyncProperty(request, async ({ query, accept, extra, post, abandonAfterMs }) => {
        const ac = new AbortController();
        const timer = abandonAfterMs === undefined ? undefined : setTimeout(() => ac.abort(), abandonAfterMs);
        const headers: Record<string, string> = accept ? { accept } : {};
        try {
          const r = post
            ? await fetch(`${base}/sparql?x=1${extra}`, { method: "POST", headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ query }).toString(), signal: ac.signal })
            : await fetch(`${base}/sparql?query=${encodeURIComponent(query)}${extra}`, { headers, signal: ac.signal });
          const body = await r.text();
          expect(r.status === 503 || r.status < 500, `${r.status} ${body.slice(0, 200)} for ${query.slice(0, 200)}`).toBe(true);
          expect(Buffer.byteLength(body)).toBeLessThan(200_000);
        } catch (e) {
          if (!ac.signal.aborted) throw e;
        } finally {
          clearTimeout(timer);
        }
      }),
      { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: 40_000 },
    );
    const plain = await fetch(`${base}/sparql?query=${encodeURIComponent(`${DG}SELECT (COUNT(*) AS ?n) WHERE { ?c a dg:PhoneCall }`)}`);
    expect(plain.status).toBe(200);
    expect(((await plain.json()) as { results: { bindings: { n: { value: string } }[] } }).results.bindings[0]?.n.value).toBe("16");
    expect((await fetch(`${base}/api/stats`)).status).toBe(200);
    console.log(`sparql fuzz: ${RUNS} requests in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }, 90_000);
});
