/** Paths of the repository, for tests. */
import { fileURLToPath } from "node:url";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CORPUS = join(ROOT, "data/corpus");
export const FIXTURES = join(ROOT, "test/fixtures");
export const GOLD = join(ROOT, "test/gold");
export const BIN = join(ROOT, "bin/diplograph.mjs");

/** A fresh temporary folder. */
export function tempDir(prefix = "diplograph-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
