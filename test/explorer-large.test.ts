/**
 * The explorer on a large build, end to end in Debian's Chromium: a generated build of 100,000
 * events (large mode starts at 20,000; the 500,000-event figure is bench/serve-large.ts's). It
 * paints the most central entities within 5 s without loading the whole graph, opens the
 * neighbourhood of what is searched or clicked, and asks the server for the time window.
 * Screenshots go to test/artifacts/.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { hasChromium } from "./helpers/browser.js";
import { explorerSession } from "./helpers/explorer-session.js";
import { writeLargeBuild } from "../bench/large-build.js";
import type { GraphModel } from "../src/model/types.js";

const run = hasChromium() || process.env.CI ? describe : describe.skip;
const EVENTS = 100_000;

run("explorer on a large build", () => {
  let model: GraphModel;
  const session = explorerSession({ makeBuild: async (out) => (model = await writeLargeBuild(out, { events: EVENTS })) });
  const { openPage, shot } = session;
  const visibleNodes = (page: Page) => page.evaluate(() => window.__diplograph.visibleNodes());
  const visibleEdges = (page: Page) => page.evaluate(() => window.__diplograph.visibleEdges());

  it("paints the most central entities within 5 s, without loading the whole graph", async () => {
    const asked: string[] = [];
    const { page, errors } = await openPage("/", (p) => p.on("request", (r) => asked.push(new URL(r.url()).pathname)));
    // Time since the page was asked for, at the first frame after the graph is ready.
    const firstPaint = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
    console.log(`explorer on ${EVENTS} events: first paint after ${Math.round(firstPaint)} ms`);
    expect(firstPaint).toBeLessThan(5000);
    expect(asked).toContain("/api/overview");
    expect(asked).not.toContain("/api/graph");
    expect(asked).not.toContain("/files/graph.json");
    const nodes = await visibleNodes(page);
    expect(nodes.length).toBeGreaterThan(100);
    expect(nodes.length).toBeLessThanOrEqual(150);
    // The hubs of the generated build (the first persons take most contacts) are in the overview.
    expect(nodes).toEqual(expect.arrayContaining(["person/gen-0", "person/gen-1"]));
    expect(await page.locator("#partial").textContent()).toMatch(/showing the 150 most central of [\d,]+ entities/);
    await page.waitForTimeout(1500);
    await shot(page, "large-1-overview");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("searching an entity that is not shown opens its neighbourhood, as /api/ego gives it", async () => {
    const { page, errors } = await openPage("/");
    const shown = new Set(await visibleNodes(page));
    const quiet = model.entities.filter((e) => e.type === "Person" && !shown.has(e.id)).at(-1);
    expect(quiet).toBeDefined();
    const ego = (await (await fetch(`${session.base}/api/ego?entity=${encodeURIComponent(quiet!.id)}&limit=60&edges=1500`)).json()) as { nodes: { key: string }[] };
    expect(ego.nodes.length).toBeGreaterThan(1);
    await page.fill("#search", quiet!.label);
    await expect.poll(() => page.locator("#suggestions li").first().textContent()).toContain(quiet!.label);
    await page.keyboard.press("Enter");
    await expect.poll(() => visibleNodes(page), { timeout: 10_000 }).toEqual(expect.arrayContaining(ego.nodes.map((n) => n.key)));
    expect(await page.evaluate(() => window.__diplograph.state().selected)).toBe(`node:${quiet!.id}`);
    expect(await page.locator("#panel").textContent()).toContain(quiet!.label);
    await page.waitForTimeout(1000);
    await shot(page, "large-2-searched");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("clicking an entity adds its neighbourhood", async () => {
    const { page, errors } = await openPage("/");
    // Once the layout has stopped by itself, the node stays where it is clicked.
    await expect.poll(() => page.locator("#layout").textContent(), { timeout: 15_000 }).toBe("Run layout");
    await page.waitForTimeout(300);
    const before = new Set(await visibleNodes(page));
    // The most central entity shown whose neighbourhood has entities the overview leaves out.
    let target = "";
    let added: string[] = [];
    for (let i = 0; i < 40 && !added.length; i++) {
      target = `person/gen-${i}`;
      const ego = (await (await fetch(`${session.base}/api/ego?entity=${target}&limit=60&edges=1500`)).json()) as { nodes: { key: string }[] };
      added = before.has(target) ? ego.nodes.map((n) => n.key).filter((k) => !before.has(k)) : [];
    }
    expect(added.length).toBeGreaterThan(0);
    // A click where the node is drawn (again if the picture had not caught up with a busy machine).
    const box = await page.locator("#graph").boundingBox();
    for (let attempt = 0; attempt < 5; attempt++) {
      const p = (await page.evaluate(`window.__diplograph.nodePosition(${JSON.stringify(target)})`)) as { x: number; y: number } | null;
      await page.mouse.move((box?.x ?? 0) + (p?.x ?? 0), (box?.y ?? 0) + (p?.y ?? 0));
      await page.waitForTimeout(300);
      await page.mouse.click((box?.x ?? 0) + (p?.x ?? 0), (box?.y ?? 0) + (p?.y ?? 0));
      if ((await page.evaluate(() => window.__diplograph.state().selected)) === `node:${target}`) break;
    }
    expect(await page.evaluate(() => window.__diplograph.state().selected)).toBe(`node:${target}`);
    await expect.poll(() => visibleNodes(page), { timeout: 10_000 }).toEqual(expect.arrayContaining(added));
    await page.waitForTimeout(800);
    await shot(page, "large-3-expanded");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a time window is applied by the server: every event shown is in it", async () => {
    const asked: string[] = [];
    const { page, errors } = await openPage("/?from=2019-03-01&to=2019-03-31", (p) => p.on("request", (r) => asked.push(r.url())));
    expect(asked.some((u) => u.includes("/api/overview") && u.includes("from=2019-03-01") && u.includes("to=2019-03-31"))).toBe(true);
    const edges = await visibleEdges(page);
    expect(edges.length).toBeGreaterThan(100);
    for (const key of edges) expect(key).toMatch(/\/2019-03-\d\d$/);
    // Changing the window asks the server again.
    await page.fill("#from", "2020-06-01");
    await page.fill("#to", "2020-06-30");
    await page.locator("#to").dispatchEvent("change");
    await expect.poll(() => asked.some((u) => u.includes("/api/overview") && u.includes("from=2020-06-01")), { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => (await visibleEdges(page)).every((k) => /\/2020-06-\d\d$/.test(k)) && (await visibleEdges(page)).length > 0, { timeout: 10_000 }).toBe(true);
    await shot(page, "large-4-window");
    expect(errors).toEqual([]);
    await page.close();
  });
});
