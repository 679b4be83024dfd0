/**
 * Explorer benchmark in a real browser (Debian's Chromium through playwright-core): opens
 * viewer/bench.html, which draws a generated graph of 50,000 entities and 200,000 events with
 * the explorer's renderer and measures first paint and frame times while panning and zooming.
 *   npm run bench:explorer [-- --nodes 50000 --edges 200000]
 * Writes bench/results/explorer.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import os from "node:os";
import Fastify from "fastify";
import fastifyStatic from "@fastify/static";
import { launchBrowser } from "../test/helpers/browser.js";

const { values } = parseArgs({ options: { nodes: { type: "string", default: "50000" }, edges: { type: "string", default: "200000" } } });
const root = join(import.meta.dirname, "..");
const app = Fastify();
await app.register(fastifyStatic, { root: join(root, "viewer/dist") });
const base = await app.listen({ port: 0, host: "127.0.0.1" });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${base}/bench.html?nodes=${values.nodes}&edges=${values.edges}`);
  await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench !== undefined, null, { timeout: 300_000 });
  const result = await page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench);
  const report = { ...result, machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`, renderer: "Chromium headless, software WebGL (SwiftShader)", date: new Date().toISOString().slice(0, 10) };
  console.log(JSON.stringify(report, null, 2));
  mkdirSync(join(root, "bench/results"), { recursive: true });
  writeFileSync(join(root, "bench/results/explorer.json"), JSON.stringify(report, null, 2) + "\n");
} finally {
  await browser.close();
  await app.close();
}
