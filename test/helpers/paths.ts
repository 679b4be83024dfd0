/** Paths of the repository, for tests. */
import { fileURLToPath } from "node:url";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CORPUS = join(ROOT, "data/corpus");
export const FIXTURES = join(ROOT, "test/fixtures");
export const GOLD = join(ROOT, "test/gold");
export const BIN = join(ROOT, "bin/diplograph.mjs");

const made: string[] = [];

/** A fresh temporary folder, removed when the test file ends (test/helpers/cleanup.ts). */
export function tempDir(prefix = "diplograph-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the temporary folders made so far. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
