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

describe("clear errors and help (issue 13)", () => {
  const out = tempDir();
  run(["build", CORPUS, "--out", out, "--quiet"]);
  const oneLine = (r: { stderr: string }) => {
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  it("--version and -V print the version", () => {
    const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    for (const flag of ["--version", "-V"]) {
      const r = run([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  });

  it("query: an update, a missing folder, a misspelt form, CSV for CONSTRUCT: one clear line each", () => {
    const update = run(["query", out, "PREFIX ex: <http://x/> # c\nINSERT DATA { ex:a ex:b ex:c }"]);
    expect(update.status).toBe(2);
    expect(update.stderr).toBe("diplograph query: updates are not allowed: this endpoint is read-only\n");
    const missing = run(["query", join(out, "nowhere"), "ASK {}"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`diplograph: ${join(out, "nowhere")}: no such folder\n`);
    const selec = run(["query", out, "SELEC * {"]);
    expect(selec.status).toBe(2);
    expect(selec.stderr).toBe('diplograph query: malformed query: error at 1:1: expected SELECT, CONSTRUCT, DESCRIBE or ASK, found "SELEC"\n');
    const csv = run(["query", out, "CONSTRUCT WHERE { ?s a ?o }", "--format", "csv"]);
    expect(csv.status).toBe(2);
    expect(csv.stdout).toBe("");
    expect(csv.stderr).toMatch(/--format csv is for SELECT queries/);
    for (const r of [update, missing, selec, csv]) oneLine(r);
    const damaged = tempDir();
    for (const f of ["entities.jsonl", "events.jsonl", "documents.jsonl"]) writeFileSync(join(damaged, f), readFileSync(join(out, f)));
    writeFileSync(join(damaged, "graph.nq"), readFileSync(join(out, "graph.nq"), "utf8").slice(0, 3000) + "\n<https://w3id.org/diplograph/id/cut");
    const truncated = run(["query", damaged, "ASK {}"]);
    expect(truncated.status).toBe(1);
    expect(truncated.stderr).toMatch(/graph\.nq: not valid N-Quads .*rebuild/);
    oneLine(truncated);
  });

  it("validate on a JSON-LD file says what it reads", () => {
    const r = run(["validate", join(out, "graph.jsonld")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/graph\.jsonld: validate reads Turtle/);
    expect(r.stderr).not.toMatch(/graph\.jsonld\/graph\.ttl/);
  });

  it("serve: bad ports, a port in use, a foreign host, a damaged build: one clear line, no stack trace", async () => {
    for (const port of ["99999", "abc", "-1"]) {
      const r = run(["serve", out, "--port", port]);
      expect(r.status, port).toBe(2);
      expect(r.stderr).toMatch(/--port ".*" is not a port/);
      oneLine(r);
    }
    const host = run(["serve", out, "--port", "0", "--host", "192.0.2.77"]);
    expect(host.status).toBe(1);
    expect(host.stderr).toMatch(/--host 192\.0\.2\.77 is not an address of this machine/);
    oneLine(host);
    const { createServer: createNetServer } = await import("node:net");
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const inUse = spawnSync(process.execPath, [BIN, "serve", out, "--port", String(port)], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
      expect(inUse.status).toBe(1);
      expect(inUse.stderr).toBe(`diplograph: port ${port} on 127.0.0.1 is in use: stop the other server or choose another with --port (0 for any free port)\n`);
    } finally {
      blocker.close();
    }
    const damaged = tempDir();
    for (const f of ["entities.jsonl", "events.jsonl", "documents.jsonl"]) writeFileSync(join(damaged, f), readFileSync(join(out, f)));
    const noNq = run(["serve", damaged, "--port", "0"]);
    expect(noNq.status).toBe(1);
    expect(noNq.stderr).toMatch(/graph\.nq: missing or unreadable .*rebuild/);
    oneLine(noNq);
  });

  it("impossible dates are refused by every command", () => {
    for (const d of ["2020-13-45", "9999-99-99", "2021-02-29"]) {
      const r = run(["contacts", out, "习近平", "--from", d]);
      expect(r.status, d).toBe(2);
      expect(r.stderr).toContain(`--from "${d}" is not a date`);
    }
  });

  it("help describes every argument and the exit codes, and the README lists every option offered", () => {
    const help = run(["--help"]);
    expect(help.stdout).toMatch(/Exit codes: 0 success, 1 .*2 the command line was wrong/s);
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const command of ["build", "validate", "eval", "query", "contacts", "path", "top", "export", "push", "serve"]) {
      const text = run(["help", command]).stdout;
      const usage = /^Usage: .*$/m.exec(text)?.[0] ?? "";
      const args = text.split("Arguments:")[1]?.split("Options:")[0] ?? "";
      for (const [, name] of usage.replace("[options]", "").matchAll(/[<[]([\w-]+)(?:\.\.\.)?[>\]]/g)) expect(args, `${command} ${name}`).toMatch(new RegExp(`^\\s+${name}(\\.\\.\\.)?\\s{2,}\\S`, "m"));
      for (const option of text.matchAll(/^\s+(?:-\w, )?(--[a-z0-9-]+)/gm)) {
        if (option[1] === "--help") continue;
        expect(readme, `README: ${command} ${option[1]}`).toMatch(new RegExp(`diplograph ${command}\\b[^\\n]*(\\n {20,}[^\\n]*)*${option[1]}\\b`));
      }
    }
  });

  it("serve prints the address it is bound to (127.0.0.1, not localhost)", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [BIN, "serve", out, "--port", "0"], { cwd: ROOT });
    try {
      const printed = await new Promise<string>((resolve) => {
        let text = "";
        child.stderr.on("data", (d) => {
          text += d.toString();
          if (text.includes("SPARQL")) resolve(text);
        });
      });
      expect(printed).toMatch(/explorer {2}http:\/\/127\.0\.0\.1:\d+\//);
      expect(printed).not.toMatch(/localhost/);
    } finally {
      child.kill("SIGTERM");
    }
  });
});

