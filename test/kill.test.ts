/**
 * Kill tests: a child build is killed (SIGKILL) at random points while it replaces a previous
 * build. Every output file is always whole — the previous version or the new one, never a part —
 * and a rerun gives exactly a clean build. An interrupted --append, rerun, equals an
 * uninterrupted one. The delays come from a printed seed.
 */
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { BIN, CORPUS, FIXTURES, ROOT, tempDir } from "./helpers/paths.js";
import { seededRandom as random } from "../src/util/random.js";

const SEED = Number(process.env.KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));

const hashes = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((n) => !n.startsWith("."))
      .sort()
      .map((n) => [n, createHash("sha256").update(readFileSync(join(dir, n))).digest("hex")]),
  );

/** Runs the CLI; with `killAfterMs`, kills it then. Resolves with the exit code (null when killed). */
function runBuild(args: string[], killAfterMs?: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "build", ...args, "-q"], { cwd: ROOT, stdio: "ignore" });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe(`killed builds (seed ${SEED})`, () => {
  it("leave every output file whole, and a rerun gives exactly a clean build", async () => {
    console.log(`kill test: seed ${SEED} (KILL_SEED=${SEED} to reproduce)`);
    const rand = random(SEED);
    const own = join(FIXTURES, "own");
    const oldDir = tempDir();
    const newDir = tempDir();
    expect(await runBuild([CORPUS, "--out", oldDir])).toBe(0);
    const t0 = performance.now();
    expect(await runBuild([CORPUS, own, "--out", newDir])).toBe(0);
    const duration = performance.now() - t0;
    const before = hashes(oldDir);
    const after = hashes(newDir);
    expect(Object.keys(after)).toEqual(Object.keys(before));

    const out = tempDir();
    cpSync(oldDir, out, { recursive: true });
    for (let i = 0; i < 8; i++) {
      await runBuild([CORPUS, own, "--out", out], 100 + rand() * duration);
      const now = hashes(out);
      for (const [file, h] of Object.entries(now)) expect([before[file], after[file]], `${file} after kill ${i}`).toContain(h);
    }
    expect(await runBuild([CORPUS, own, "--out", out])).toBe(0);
    expect(hashes(out)).toEqual(after);
    expect(readdirSync(out).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  }, 180_000);

  it("an interrupted --append, run again, gives the uninterrupted result", async () => {
    const rand = random(SEED + 1);
    const own = join(FIXTURES, "own");
    const base = tempDir();
    expect(await runBuild([CORPUS, "--out", base])).toBe(0);
    const whole = tempDir();
    cpSync(base, whole, { recursive: true });
    const t0 = performance.now();
    expect(await runBuild([own, "--out", whole, "--append"])).toBe(0);
    const duration = performance.now() - t0;
    for (let i = 0; i < 4; i++) {
      const dir = tempDir();
      cpSync(base, dir, { recursive: true });
      await runBuild([own, "--out", dir, "--append"], 100 + rand() * duration);
      expect(existsSync(join(dir, "build.json"))).toBe(true);
      expect(await runBuild([own, "--out", dir, "--append"])).toBe(0);
      expect(hashes(dir), `append killed at try ${i}`).toEqual(hashes(whole));
    }
  }, 180_000);
});
