/**
 * The explorer itself (viewer/dist/index.html, not the bare renderer of bench.html) on a
 * generated graph.json of the bench:explorer size (50,000 entities, 200,000 events over five
 * years; persons with a role in one of 200 countries or 50 organizations), in Debian's
 * Chromium: time to the first usable view, frame times while panning (a mouse drag dispatched
 * once per frame), the time a filter change takes (to the next frame), and — when the build has
 * the workbench — the same with the table open, scrolling the table, the country view and
 * playback steps.
 *   npx tsx bench/workbench.ts [--viewer viewer/dist] [--nodes 50000 --edges 200000] [--out FILE]
 * Run it with --viewer pointing at an older build of the explorer to compare.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import os from "node:os";
import Fastify from "fastify";
import fastifyStatic from "@fastify/static";
import type { Page } from "playwright-core";
import { launchBrowser } from "../test/helpers/browser.js";
import { seededRandom } from "../src/util/random.js";

const { values } = parseArgs({ options: { viewer: { type: "string", default: "viewer/dist" }, nodes: { type: "string", default: "50000" }, edges: { type: "string", default: "200000" }, out: { type: "string" } } });
const root = join(import.meta.dirname, "..");
const N = Number(values.nodes);
const E = Number(values.edges);

function graphJson(): string {
  const rand = seededRandom(11);
  const nodes: unknown[] = [];
  const countries = 200;
  const orgs = 50;
  for (let i = 0; i < countries; i++) nodes.push({ key: `country/c${i}`, attributes: { id: `country/c${i}`, type: "Country", label: `国家${i}`, labelEn: `Country ${i}`, aliases: [], roles: [], degree: 0, pagerank: 0.0001, community: i % 40 } });
  for (let i = 0; i < orgs; i++) nodes.push({ key: `org/o${i}`, attributes: { id: `org/o${i}`, type: "Organization", label: `组织${i}`, aliases: [], roles: [], degree: 0, pagerank: 0.0001, community: i % 40 } });
  const persons = N - countries - orgs;
  for (let i = 0; i < persons; i++) {
    const of = rand() < 0.9 ? { id: `country/c${Math.floor(Math.pow(rand(), 2) * countries)}`, label: "国家", type: "Country" } : { id: `org/o${Math.floor(rand() * orgs)}`, label: "组织", type: "Organization" };
    nodes.push({ key: `person/p${i}`, attributes: { id: `person/p${i}`, type: "Person", label: `人物${i}`, aliases: [], roles: [{ title: "总统", of, ...(rand() < 0.1 ? { then: true } : {}) }], degree: 1, pagerank: rand() / N, community: i % 40 } });
  }
  const relations = ["called", "met", "wrote_to", "pledged_to"];
  const edges: unknown[] = [];
  const day0 = Date.UTC(2016, 0, 1);
  for (let i = 0; i < E; i++) {
    const s = `person/p${Math.floor(Math.pow(rand(), 2) * persons)}`;
    const t = `person/p${Math.floor(rand() * persons)}`;
    const relation = relations[Math.floor(rand() * 4)] as string;
    const r = rand();
    const day = new Date(day0 + Math.floor(rand() * 5 * 365) * 86_400_000).toISOString().slice(0, 10);
    const date = r < 0.04 ? null : r < 0.08 ? day.slice(0, 7) : r < 0.1 ? day.slice(0, 4) : day;
    const id = `${relation}/${s}--${t}/${i}`;
    edges.push({
      key: id,
      source: s,
      target: t,
      attributes: { id, relation, subject: { id: s, label: "人物", type: "Person" }, object: { id: t, label: "人物", type: "Person" }, date, initiator: rand() < 0.5 ? { id: t, label: "人物", type: "Person" } : null, amount: relation === "pledged_to" ? { value: Math.round(rand() * 1e7), currency: "USD", text: "100万美元" } : null, sources: [{ doc: `doc${i % 5000}.txt`, start: 10, end: 40, text: `应约同某国总统人物${i}通电话` }] },
    });
  }
  return JSON.stringify({ attributes: {}, options: { type: "directed", multi: true, allowSelfLoops: true }, nodes, edges });
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const stats = (xs: number[]) => ({ p50: Number(pct(xs, 50).toFixed(1)), p95: Number(pct(xs, 95).toFixed(1)), max: Number(Math.max(...xs).toFixed(1)) });

/** Frame intervals while dragging the graph (synthetic mouse events on sigma's canvas, one per frame). */
async function pan(page: Page, frames = 40): Promise<number[]> {
  return page.evaluate(async (n) => {
    const target = document.querySelector("#graph canvas:last-of-type") as HTMLElement;
    const r = target.getBoundingClientRect();
    const at = (x: number, y: number, type: string) => (type === "mousedown" ? target : window).dispatchEvent(new MouseEvent(type, { clientX: r.left + x, clientY: r.top + y, bubbles: true, button: 0, buttons: 1 }));
    at(r.width / 2, r.height / 2, "mousedown");
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < n; i++) {
      at(r.width / 2 + 60 * Math.sin(i / 6), r.height / 2 + 60 * Math.cos(i / 6), "mousemove");
      await new Promise((res) => requestAnimationFrame(res));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    at(r.width / 2, r.height / 2, "mouseup");
    return times;
  }, frames);
}

/** Median time from a click to the next frame, over clicks that toggle something (an even number, so it ends as it began). */
async function toggleToFrame(page: Page, selector: string, times = 4): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < times; i++) xs.push(await clickToFrame(page, selector));
  return Math.round(pct(xs, 50));
}

/** Time from a click to the next frame. */
async function clickToFrame(page: Page, selector: string): Promise<number> {
  return page.evaluate(async (sel) => {
    const el = document.querySelector(sel) as HTMLElement;
    const t0 = performance.now();
    el.click();
    await new Promise((res) => requestAnimationFrame(res));
    return performance.now() - t0;
  }, selector);
}

async function scrollTable(page: Page, frames = 60): Promise<number[]> {
  return page.evaluate(async (n) => {
    const body = document.querySelector("#events-pane .vt-body") as HTMLElement;
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < n; i++) {
      body.scrollTop = (i * body.scrollHeight) / n;
      await new Promise((res) => requestAnimationFrame(res));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times;
  }, frames);
}

const dir = join(os.tmpdir(), `diplograph-bench-${process.pid}`);
mkdirSync(dir, { recursive: true });
const t0 = Date.now();
writeFileSync(join(dir, "graph.json"), graphJson());
const generateMs = Date.now() - t0;
const app = Fastify();
await app.register(fastifyStatic, { root: resolve(values.viewer), prefix: "/" });
await app.register(fastifyStatic, { root: dir, prefix: "/data/", decorateReply: false });
const base = await app.listen({ port: 0, host: "127.0.0.1" });
const browser = await launchBrowser();
const report: Record<string, unknown> = { nodes: N, edges: E, viewer: values.viewer, generateMs };
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // tsx names functions with a __name helper that the page does not have.
  await page.addInitScript("window.__name = (f) => f");
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && console.error(`console: ${m.text()}`));
  const start = Date.now();
  await page.goto(`${base}/index.html?graph=data/graph.json`);
  // Ready, or a message on the page (the explorer could not open the graph).
  await page.waitForFunction(() => (window as unknown as { __diplograph?: { ready: boolean } }).__diplograph?.ready === true || !(document.getElementById("message") as HTMLElement).hidden, null, { timeout: 600_000 });
  const message = await page.locator("#message").isVisible();
  if (message) throw new Error(`the explorer did not open the graph: ${await page.locator("#message").textContent()}`);
  report.readyMs = Date.now() - start;
  await page.click("#layout"); // stop the layout: frames measure drawing, not the layout worker
  await page.waitForTimeout(3000);
  await pan(page, 10); // warm-up: the last positions from the layout worker are drawn here
  report.pan = stats(await pan(page));
  report.filterChangeMs = await toggleToFrame(page, '#relations input[value="met"]');
  const workbench = await page.locator("#table-toggle").count();
  if (workbench) {
    report.openTableMs = Math.round(await clickToFrame(page, "#table-toggle"));
    await page.waitForTimeout(500);
    report.tableRows = await page.evaluate(() => (window as unknown as { __diplograph: { tableRows(): string[] } }).__diplograph.tableRows().length);
    report.panTableOpen = stats(await pan(page));
    report.scrollTable = stats(await scrollTable(page));
    report.sortBySubjectMs = Math.round(await clickToFrame(page, '.vt-head [data-col="subject"]'));
    report.filterChangeTableOpenMs = await toggleToFrame(page, '#relations input[value="met"]');
    report.countryViewMs = Math.round(await clickToFrame(page, "#countries"));
    await page.waitForTimeout(500);
    report.panCountries = stats(await pan(page));
    report.filterChangeCountriesMs = await toggleToFrame(page, '#relations input[value="met"]');
    // Playback (month window, a step every 450 ms): the long tasks (> 50 ms) while it runs are the steps' updates.
    await page.selectOption("#window", "month");
    const steps: number[] = await page.evaluate(async () => {
      const times: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => times.push(e.duration)));
      observer.observe({ type: "longtask" });
      const button = document.getElementById("play") as HTMLElement;
      button.click();
      await new Promise((r) => setTimeout(r, 3000));
      button.click();
      await new Promise((r) => setTimeout(r, 200));
      observer.disconnect();
      return times;
    });
    report.playbackLongTasks = steps.length ? { count: steps.length, ...stats(steps) } : { count: 0 };
  }
} finally {
  await browser.close();
  await app.close();
}
report.machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
report.renderer = "Chromium headless, software WebGL (SwiftShader)";
report.date = new Date().toISOString().slice(0, 10);
console.log(JSON.stringify(report, null, 2));
if (values.out) writeFileSync(values.out, JSON.stringify(report, null, 2) + "\n");
