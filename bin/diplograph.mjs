#!/usr/bin/env node
// Command-line entry: runs the compiled CLI (npm's `prepare` script compiles src/ to dist/).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error("diplograph: the compiled CLI is missing (dist/). Run `npm ci` or `npm run build:lib` first.");
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
