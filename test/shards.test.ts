/**
 * A corpus split over two machines (README, "Beyond one machine"): the bundled corpus and
 * test/fixtures/own split in two, each half built on its own and pushed into one Virtuoso (each
 * with its entity graph), answer the README's SPARQL questions as one build of everything pushed
 * alone does; and the README's final merge pass (the shards' extractions, appended to nothing)
 * gives the whole build byte for byte. Each run pushes under a base IRI of its own and asks
 * over its own graphs only (default-graph-uri), so that other pushes into the store do not count.
 * Required with CI=1, skipped where no Virtuoso answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "../src/build.js";
import { graphsOf, push } from "../src/export/push.js";
import { GSP, PASSWORD, USER, VIRTUOSO, dropGraphs, virtuosoUp } from "./helpers/virtuoso.js";
import { CORPUS, FIXTURES, ROOT, tempDir } from "./helpers/paths.js";

const up = await virtuosoUp();
const run = up ? describe : describe.skip;

/** The ```sparql blocks of the README's section on shards. */
function readmeQuestions(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Beyond one machine"), readme.indexOf("### Benchmarks"));
  return [...section.matchAll(/```sparql\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

type Row = Record<string, { value: string; datatype?: string }>;

/** Answers compared without the base IRI (each push has its own) and in any order. */
const canon = (rows: Row[], base: string) =>
  rows
    .map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, /decimal|integer|double/.test(r[k]?.datatype ?? "") ? Number(r[k]?.value) : r[k]?.value.replaceAll(base, "BASE/")])))
    .sort();

async function ask(query: string, graphs: string[]): Promise<Row[]> {
  const form = new URLSearchParams({ query });
  for (const g of graphs) form.append("default-graph-uri", g);
  const res = await fetch(`${VIRTUOSO}/sparql`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/sparql-results+json" }, body: form.toString() });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { results: { bindings: Row[] } }).results.bindings;
}

/** Files into a fresh folder (document ids are their names). */
function folderOf(files: string[]): string {
  const dir = tempDir();
  for (const f of files) copyFileSync(f, join(dir, f.split("/").at(-1) as string));
  return dir;
}

run("two shards pushed into one store", () => {
  const runId = `${process.pid}-${Date.now()}`;
  const wholeBase = `https://example.org/diplograph-test/${runId}/whole/`;
  const shardBase = `https://example.org/diplograph-test/${runId}/shards/`;
  const pushed: string[] = [];
  let whole: string;
  let shards: string[];
  const graphs = { whole: [] as string[], shards: [] as string[] };

  beforeAll(async () => {
    const own = readdirSync(join(FIXTURES, "own")).sort().map((f) => join(FIXTURES, "own", f));
    const corpus = readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).sort().map((f) => join(CORPUS, f));
    const halves = [[corpus[0] as string, ...own.slice(0, 7)], [...corpus.slice(1), ...own.slice(7)]];
    whole = tempDir();
    await build([folderOf(halves.flat())], { out: whole, base: wholeBase });
    shards = [];
    for (const half of halves) {
      const out = tempDir();
      await build([folderOf(half)], { out, base: shardBase });
      shards.push(out);
    }
    const r = await push(whole, { endpoint: GSP, user: USER, password: PASSWORD });
    expect(r.failed).toEqual([]);
    graphs.whole = [...graphsOf(whole).keys()];
    for (const [i, out] of shards.entries()) {
      const entitiesGraph = `${shardBase}graph/entities/${i + 1}`;
      const s = await push(out, { endpoint: GSP, user: USER, password: PASSWORD, entitiesGraph });
      expect(s.failed).toEqual([]);
      graphs.shards.push(...graphsOf(out, entitiesGraph).keys());
    }
    pushed.push(...graphs.whole, ...graphs.shards);
  }, 120_000);

  afterAll(async () => {
    await dropGraphs(pushed); // leave the shared store as it was
  }, 60_000);

  it("the shards' documents are the whole build's, and one contact reported in both shards is one event in the store", async () => {
    expect(new Set(graphs.shards.filter((g) => g.includes("/doc/")).map((g) => g.replace(shardBase, "")))).toEqual(new Set(graphs.whole.filter((g) => g.includes("/doc/")).map((g) => g.replace(wholeBase, ""))));
    const events = (dir: string) => readFileSync(join(dir, "events.jsonl"), "utf8").trim().split("\n").length;
    const count = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e <https://w3id.org/diplograph/ontology#participant> ?x }";
    const inShards = Number((await ask(count, graphs.shards))[0]?.n?.value);
    expect(inShards).toBe(events(whole));
    // The shards' own counts add up to more: the store merged what both reported.
    expect(events(shards[0] as string) + events(shards[1] as string)).toBeGreaterThan(inShards);
  }, 60_000);

  it("the README's questions get the same answers from the two shards as from one build of everything", async () => {
    const questions = readmeQuestions();
    expect(questions.length).toBeGreaterThanOrEqual(5);
    for (const q of questions) {
      const a = await ask(q, graphs.whole);
      const b = await ask(q, graphs.shards);
      expect(a.length, q).toBeGreaterThan(0);
      expect(canon(b, shardBase), q).toEqual(canon(a, wholeBase));
    }
  }, 60_000);

  it("the README's final merge pass (the shards' extractions, appended to nothing) is the whole build, byte for byte", async () => {
    const merged = tempDir();
    copyFileSync(join(shards[0] as string, "build.json"), join(merged, "build.json"));
    writeFileSync(join(merged, "extractions.jsonl"), shards.map((s) => readFileSync(join(s, "extractions.jsonl"), "utf8")).join(""));
    const empty = tempDir();
    mkdirSync(empty, { recursive: true });
    await build([empty], { out: merged, append: true, base: shardBase });
    for (const f of ["graph.nq", "graph.ttl", "events.jsonl", "entities.jsonl", "graph.json"]) {
      expect(readFileSync(join(merged, f), "utf8").replaceAll(shardBase, wholeBase), f).toBe(readFileSync(join(whole, f), "utf8"));
    }
  }, 60_000);
});
