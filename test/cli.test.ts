/**
 * The command line as a user runs it: `diplograph build` on the bundled corpus, then
 * `diplograph eval` on its output, exit codes and messages for bad input.
 */
import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BIN, CORPUS, GOLD, ROOT, tempDir } from "./helpers/paths.js";

const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });

describe("diplograph CLI", () => {
  const out = tempDir();
  const built = run(["build", CORPUS, "--out", out]);

  it("builds the bundled corpus, writes every output and one summary line", () => {
    expect(built.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["build.json", "documents.jsonl", "entities.jsonl", "events.jsonl", "extractions.jsonl", "graph.json", "graph.jsonld", "graph.nq", "graph.trig", "graph.ttl"]);
    const lines = built.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^diplograph: 2 documents read, 0 skipped, \d+ entities, 23 events, [\d.]+ s$/);
  });

  it("eval prints the seed score: F1=1.000 with every detail right", () => {
    const r = run(["eval", "--gold", join(GOLD, "seeds.gold.json"), "--out", out, "--min-f1", "1"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines.at(-1)).toBe(
      "events P=1.000 R=1.000 F1=1.000 (23/23 gold, 23 predicted) | initiator 16/16 | amount 1/1 | sources 23/23 | entities 44/44 | roles 21/21 | noise 0",
    );
    // A row per document, none flagged: no event missed, none spurious.
    expect(lines[0]).toMatch(/^document\s+gold\s+found\s+pred\s+right$/);
    expect(lines.slice(1, -1).length).toBe(2);
    expect(lines.slice(1, -1).every((l) => !l.endsWith("*"))).toBe(true);
  });

  it("the reference scorer agrees, when ../shared is beside the repository", () => {
    const scorer = join(ROOT, "../shared/eval/score.mjs");
    if (!existsSync(scorer)) return; // a user's clone has no ../shared; CI has it
    const text = execFileSync(process.execPath, [scorer, "--gold", join(GOLD, "seeds.gold.json"), "--out", out], { encoding: "utf8" });
    expect(text.trim().split("\n").at(-1)).toContain("F1=1.000");
  });

  it("eval exits 1 below --min-f1 and can build inputs in memory", () => {
    const gold = join(GOLD, "seeds.gold.json");
    const r = run(["eval", "--gold", gold, join(CORPUS, "000_6cdceab04aad32ca.txt"), "--min-f1", "0.9"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/below --min-f1 0.9/);
  });

  it("bad gold and missing build folders are named in one-line errors", () => {
    const dir = tempDir();
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const r1 = run(["eval", "--gold", bad, "--out", out]);
    expect(r1.status).toBe(1);
    expect(r1.stderr).toContain(`${bad}: not valid JSON`);
    const r2 = run(["eval", "--gold", join(GOLD, "seeds.gold.json"), "--out", join(dir, "nowhere")]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toContain("events.jsonl: missing");
  });

  it("a build with nothing readable fails and names what was wrong; a bad date is a usage error", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "empty.txt"), "");
    const r = run(["build", dir, "--out", join(dir, "out")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("empty.txt: empty file");
    expect(existsSync(join(dir, "out", "events.jsonl"))).toBe(false);
    const d = run(["build", CORPUS, "--out", join(dir, "out2"), "--date", "2020-13-40"]);
    expect(d.status).toBe(2);
    expect(d.stderr).toContain('--date "2020-13-40" is not a date');
  });

  it("the events file keeps the documented format", () => {
    const first = JSON.parse(readFileSync(join(out, "events.jsonl"), "utf8").split("\n")[0] as string);
    expect(Object.keys(first)).toEqual(["id", "relation", "subject", "object", "date", "datePrecision", "initiator", "amount", "sources"]);
    expect(Object.keys(first.subject)).toEqual(["id", "label", "type"]);
    expect(Object.keys(first.sources[0])).toEqual(["doc", "start", "end", "text"]);
  });
});

describe("graph commands", () => {
  const out = tempDir();
  run(["build", CORPUS, "--out", out]);

  it("contacts prints a table on the terminal and JSON for pipes", () => {
    const t = run(["contacts", out, "习近平", "--relation", "called", "--from", "2020-03-01", "--to", "2020-03-31"]);
    expect(t.status).toBe(0);
    const lines = t.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^date\s+relation\s+dir\s+counterpart/);
    expect(lines.slice(2)).toHaveLength(1);
    expect(lines[2]).toMatch(/^2020-03-12\s+called\s+—\s+古特雷斯\s+古特雷斯/);
    const j = run(["contacts", out, "習近平", "--relation", "wrote_to", "--format", "json"]);
    expect((JSON.parse(j.stdout) as unknown[]).length).toBe(3);
  });

  it("query runs SPARQL and prints CSV for pipes", () => {
    const r = run(["query", out, "PREFIX dg: <https://w3id.org/diplograph/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?c a dg:PhoneCall }", "--format", "csv"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("n\r\n16\r\n");
    const bad = run(["query", out, "SELECT WHERE"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^diplograph query: malformed query: /);
  });

  it("export writes GEXF and CSV files; unknown entities and bad dates are usage errors", () => {
    const dir = tempDir();
    expect(run(["export", out, "--format", "gexf", "--out", join(dir, "g.gexf")]).status).toBe(0);
    expect(readFileSync(join(dir, "g.gexf"), "utf8")).toContain('<node id="person/xi-jin-ping" label="习近平">');
    expect(run(["export", out, "--format", "csv", "--out", dir]).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["edges.csv", "g.gexf", "nodes.csv"]);
    const unknown = run(["contacts", out, "无此人"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('diplograph: no entity named "无此人"\n');
    const badDate = run(["contacts", out, "习近平", "--from", "March"]);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--from "March" is not a date');
    const top = run(["top", out, "--limit", "1", "--format", "tsv"]);
    expect(top.stdout.split("\n")[1]).toMatch(/^1\t习近平\tPerson\t0\.\d+$/);
  });
});
