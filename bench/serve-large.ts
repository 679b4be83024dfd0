/**
 * `diplograph serve` on a large build: a generated build of 500,000 events (bench/large-build.ts;
 * a 100 MB corpus gives about as many) is served by the CLI in a child process; measured are the
 * time until the API answers, the peak RSS of the server (VmHWM), the answer times of the
 * explorer's routes, and the explorer's first paint in Chromium. /sparql is answered by a store
 * (--sparql, default the local Virtuoso) when one answers, else it is the embedded store's
 * refusal that is checked. When the store holds the build (generated with graph.nq and bulk-loaded,
 * as the README says), its answers are compared with the build's files. Figures go to
 * bench/results/serve-large.json.
 *
 *   npx tsx bench/serve-large.ts [--events 500000] [--dir /tmp/diplograph-large] [--sparql URL]
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../test/helpers/browser.js";
import { writeLargeBuild } from "./large-build.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] as string) : fallback;
};
const events = Number(arg("events", "500000"));
const dir = arg("dir", `/tmp/diplograph-large-${events}`);
const sparqlUrl = arg("sparql", "http://127.0.0.1:8890/sparql");
const port = 18_000 + (process.pid % 1000);
const base = `http://127.0.0.1:${port}`;

const peakRss = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
const mb = (n: number) => Math.round(n / (1 << 20));
async function timed(path: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t = performance.now();
  const res = await fetch(base + path);
  const body = await res.arrayBuffer();
  return { ms: Math.round(performance.now() - t), bytes: body.byteLength, status: res.status };
}

if (!existsSync(join(dir, "events.jsonl"))) {
  const t = performance.now();
  await writeLargeBuild(dir, { events });
  console.log(`generated ${events} events into ${dir} in ${Math.round((performance.now() - t) / 1000)} s`);
}

let remote = false;
try {
  remote = (await fetch(`${sparqlUrl}?query=${encodeURIComponent("ASK {}")}`, { signal: AbortSignal.timeout(2000) })).ok;
} catch {
  remote = false;
}

const started = performance.now();
const server = spawn(process.execPath, [join(ROOT, "bin/diplograph.mjs"), "serve", dir, "--port", String(port), ...(remote ? ["--sparql", sparqlUrl] : [])], { stdio: ["ignore", "ignore", "inherit"] });
try {
  for (;;) {
    if (server.exitCode !== null) throw new Error(`serve exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/stats`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const startSeconds = Math.round((performance.now() - started) / 100) / 10;
  const rssAtStart = peakRss(server.pid as number);
  console.log(`serve: API answering after ${startSeconds} s, peak RSS ${mb(rssAtStart)} MB`);

  const routes = {
    stats: await timed("/api/stats"),
    overview: await timed("/api/overview"),
    overviewWindow: await timed("/api/overview?from=2019-01-01&to=2019-03-31"),
    ego: await timed("/api/ego?entity=person/gen-0"),
    egoDepth2: await timed("/api/ego?entity=person/gen-100&depth=2&limit=200"),
    histogram: await timed("/api/histogram"),
    search: await timed(`/api/search?q=${encodeURIComponent("拉")}`),
    sparql: await timed(`/sparql?query=${encodeURIComponent("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/diplograph/ontology#PhoneCall> }")}`),
  };
  console.log(routes);

  // When the store holds this build (bulk-loaded: see the README), its answers are checked against the build's own files.
  const calls = readFileSync(join(dir, "events.jsonl"), "utf8").split("\n").filter((l) => l.includes('"relation":"called"')).length;
  const t0 = performance.now();
  const askCalls = await fetch(`${base}/sparql?query=${encodeURIComponent("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a <https://w3id.org/diplograph/ontology#PhoneCall> }")}`, { headers: { accept: "application/sparql-results+json" } });
  const callsInStore = Number(((await askCalls.json()) as { results: { bindings: { n?: { value: string } }[] } }).results.bindings[0]?.n?.value ?? 0);
  const hub = `${base}/sparql?query=${encodeURIComponent("PREFIX dg: <https://w3id.org/diplograph/ontology#> SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e dg:participant <https://w3id.org/diplograph/id/person/gen-0> }")}`;
  const t1 = performance.now();
  const hubInStore = Number(((await (await fetch(hub, { headers: { accept: "application/sparql-results+json" } })).json()) as { results: { bindings: { n?: { value: string } }[] } }).results.bindings[0]?.n?.value ?? 0);
  const hubMs = Math.round(performance.now() - t1);
  const hubInApi = ((await (await fetch(`${base}/api/contacts?entity=person/gen-0`)).json()) as { contacts: unknown[] }).contacts.length;
  // Quads in the store, asked of it directly (a store holding other data counts those too).
  const storeQuads = remote ? Number(((await (await fetch(`${sparqlUrl}?query=${encodeURIComponent("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")}`, { headers: { accept: "application/sparql-results+json" } })).json()) as { results: { bindings: { n?: { value: string } }[] } }).results.bindings[0]?.n?.value ?? 0) : 0;
  const sparqlCheck = { storeQuads, callsInBuild: calls, callsInStore, hubEventsInStore: hubInStore, hubEventsInApi: hubInApi, hubQueryMs: hubMs, countQueryMs: Math.round(t1 - t0) };
  console.log(sparqlCheck);

  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}/`);
  await page.waitForFunction(() => (window as unknown as { __diplograph?: { ready: boolean } }).__diplograph?.ready === true, null, { timeout: 60_000 });
  const firstPaintMs = Math.round(await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())))));
  const shown = await page.evaluate(() => (window as unknown as { __diplograph: { visibleNodes(): string[]; visibleEdges(): string[] } }).__diplograph.visibleNodes().length);
  await page.waitForTimeout(3000);
  await page.screenshot({ path: join(dir, "explorer.png") }); // to look at, not to keep
  await browser.close();
  const rssAfter = peakRss(server.pid as number);
  console.log(`explorer: first paint after ${firstPaintMs} ms, ${shown} entities shown; server peak RSS ${mb(rssAfter)} MB`);

  const result = {
    date: new Date().toISOString(),
    machine: "2 cores shared with other work; timings are noisy",
    build: { events, generated: "bench/large-build.ts", eventsJsonlMB: mb(statSync(join(dir, "events.jsonl")).size), graphNqMB: existsSync(join(dir, "graph.nq")) ? mb(statSync(join(dir, "graph.nq")).size) : 0 },
    sparql: remote ? `--sparql ${sparqlUrl}` : "embedded (refused past 256 MB of graph.nq)",
    serve: { startSeconds, peakRssMB: mb(rssAfter), peakRssAtStartMB: mb(rssAtStart) },
    sparqlAnswers: sparqlCheck,
    routesMs: Object.fromEntries(Object.entries(routes).map(([k, v]) => [k, { ms: v.ms, kB: Math.round(v.bytes / 1024), status: v.status }])),
    explorer: { firstPaintMs, entitiesShown: shown },
  };
  writeFileSync(join(ROOT, "bench/results/serve-large.json"), JSON.stringify(result, null, 2) + "\n");
} finally {
  server.kill("SIGTERM");
}
