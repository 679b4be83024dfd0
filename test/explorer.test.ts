/**
 * The explorer end to end, in Debian's Chromium (playwright-core), served by `diplograph serve`
 * over the build of the bundled corpus. Screenshots of the main states go to test/artifacts/.
 */
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { hasChromium } from "./helpers/browser.js";
import { explorerSession } from "./helpers/explorer-session.js";

const run = hasChromium() || process.env.CI ? describe : describe.skip;

run("explorer", () => {
  const session = explorerSession();
  const { openPage, shot } = session;
  const visibleEdges = (page: Page) => page.evaluate(() => window.__diplograph.visibleEdges());

  it("renders the graph (the canvas is not blank) with no console errors", async () => {
    const { page, errors } = await openPage("/");
    await page.waitForTimeout(1500);
    const png = PNG.sync.read(await page.locator("#graph").screenshot());
    let ink = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i] as number, png.data[i + 1] as number, png.data[i + 2] as number];
      if (Math.abs(r - 251) + Math.abs(g - 251) + Math.abs(b - 250) > 60) ink++;
    }
    expect(ink).toBeGreaterThan(2000);
    expect(await page.locator("#counts").textContent()).toBe("49 entities · 23 events shown");
    await shot(page, "1-overview");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("searching 默克尔 selects her; the panel shows the call of 2020-01-22 with its sentence and document", async () => {
    const { page, errors } = await openPage("/");
    await page.fill("#search", "默克尔");
    await expect.poll(() => page.locator("#suggestions li").first().textContent()).toContain("默克尔");
    await page.keyboard.press("Enter");
    const panel = page.locator("#panel");
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator("h2").textContent()).toBe("默克尔");
    const call = panel.locator(".event", { hasText: "2020-01-22" });
    expect(await call.count()).toBe(1);
    expect(await call.textContent()).toContain("called 通电话");
    expect(await call.locator("blockquote").textContent()).toBe("应约同德国总理默克尔通电话");
    expect(await call.locator(".doc").textContent()).toContain("003_471eca68cc3f20ae.txt");
    expect(new URL(page.url()).searchParams.get("node")).toBe("person/mo-ke-er");
    await shot(page, "2-merkel-selected");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("turning off `called` hides those edges; March 2020 leaves only the Xi–Guterres call; a reload restores it all", async () => {
    const { page, errors } = await openPage("/");
    const all = await visibleEdges(page);
    expect(all).toHaveLength(23);
    await page.locator('#relations input[value="called"]').uncheck();
    const noCalls = await visibleEdges(page);
    expect(noCalls).toHaveLength(7);
    expect(noCalls.some((k) => k.startsWith("called/"))).toBe(false);
    await page.locator('#relations input[value="called"]').check();
    await page.fill("#from", "2020-03-01");
    await page.fill("#to", "2020-03-31");
    await page.locator("#to").dispatchEvent("change");
    await page.locator("#from").dispatchEvent("change");
    expect(await visibleEdges(page)).toEqual(["called/gu-te-lei-si--xi-jin-ping/2020-03-12"]);
    await page.locator('#relations input[value="met"]').uncheck();
    await page.fill("#search", "古特雷斯");
    await page.keyboard.press("Enter");
    await shot(page, "3-march-2020");

    await page.reload();
    await page.waitForFunction(() => window.__diplograph?.ready === true);
    const state = (await page.evaluate(() => window.__diplograph.state())) as { selected: string; from: string; to: string; relations: string[] };
    expect(state.selected).toBe("node:person/gu-te-lei-si");
    expect([state.from, state.to]).toEqual(["2020-03-01", "2020-03-31"]);
    expect(state.relations).toEqual(["called", "wrote_to", "pledged_to"]);
    expect(await page.locator('#relations input[value="met"]').isChecked()).toBe(false);
    expect(await page.inputValue("#from")).toBe("2020-03-01");
    expect(await visibleEdges(page)).toEqual(["called/gu-te-lei-si--xi-jin-ping/2020-03-12"]);
    expect(await page.locator("#panel h2").textContent()).toBe("古特雷斯");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows labels, aliases and sentences with HTML in them as text, running nothing", async () => {
    const graph = JSON.parse(readFileSync(join(session.out, "graph.json"), "utf8")) as { nodes: { key: string; attributes: Record<string, unknown> }[]; edges: { attributes: { sources: { text: string }[] } }[] };
    const evil = `<img src=x onerror="window.__xss=1">`;
    const xi = graph.nodes.find((n) => n.key === "person/xi-jin-ping");
    if (!xi) throw new Error("no Xi in the build");
    xi.attributes.label = `${evil}习近平`;
    xi.attributes.aliases = [`<script>window.__xss=2</script>`];
    for (const e of graph.edges) for (const s of e.attributes.sources) s.text = `${evil}${s.text}`;
    writeFileSync(join(session.out, "evil.json"), JSON.stringify(graph));
    const { page, errors } = await openPage("/?graph=files/evil.json&node=person/xi-jin-ping");
    const panel = page.locator("#panel");
    expect(await panel.locator("h2").textContent()).toBe(`${evil}习近平`);
    expect(await panel.locator("img").count()).toBe(0);
    expect(await panel.locator("script").count()).toBe(0);
    expect(await panel.locator("blockquote").first().textContent()).toContain(evil);
    await page.fill("#search", "<script>");
    expect(await page.locator("#suggestions img, #suggestions script").count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await shot(page, "4-html-as-text");
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await page.close();
  });

  it("opens a graph.json dropped on the page, and says clearly when a file is not one", async () => {
    const { page } = await openPage("/?graph=files/graph.json");
    const drop = async (name: string, text: string) =>
      page.evaluate(
        ([n, t]) => {
          const dt = new DataTransfer();
          dt.items.add(new File([t as string], n as string, { type: "application/json" }));
          window.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
        },
        [name, text],
      );
    await drop("not-a-graph.json", JSON.stringify({ hello: "world" }));
    await expect.poll(() => page.locator("#message").textContent()).toContain("not-a-graph.json: this is not a Diplograph graph.json");
    const small = JSON.parse(readFileSync(join(session.out, "graph.json"), "utf8")) as { nodes: unknown[]; edges: { attributes: { relation: string } }[] };
    small.edges = small.edges.filter((e) => e.attributes.relation === "met");
    await drop("met.json", JSON.stringify(small));
    await expect.poll(() => visibleEdges(page)).toHaveLength(3);
    expect(await page.locator("#message").isVisible()).toBe(false);
    await page.close();
  });
  it("a link to an unknown entity opens the graph and says it was not found", async () => {
    const { page, errors } = await openPage("/?node=person/nobody");
    await expect.poll(() => visibleEdges(page)).toHaveLength(23);
    expect(await page.locator("#message").isVisible()).toBe(false);
    expect(await page.locator("#panel").textContent()).toContain("Entity “person/nobody” was not found in this graph.");
    expect((await page.evaluate(() => window.__diplograph.state())).selected).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is served with security headers the explorer runs under", async () => {
    const r = await fetch(`${session.base}/`);
    expect(r.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
