/**
 * The analyst's workbench end to end, in Debian's Chromium (playwright-core), over the build of
 * the bundled corpus: the events table (sorting, filtering, export read back from the downloaded
 * file, row ↔ edge), the country view, the time chart with brushing and playback, and the
 * comparison of January and February 2020. Screenshots go to test/artifacts/ (the README's are
 * copies of workbench-*.png).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "./helpers/paths.js";
import { hasChromium } from "./helpers/browser.js";
import { explorerSession } from "./helpers/explorer-session.js";

const ARTIFACTS = join(ROOT, "test/artifacts");
const run = hasChromium() || process.env.CI ? describe : describe.skip;

interface Hooks {
  tableRows(): string[];
  visibleEdges(): string[];
  state(): Record<string, unknown>;
  dyadEdges(): { key: string; weight: number; color: string }[];
  nodePosition(id: string): { x: number; y: number; width: number; height: number } | null;
  compareRows(): { key: string; status: string; before: number; after: number }[];
  playing(): boolean;
  fadedEdges(): string[];
}
/** Calls the page's test hooks (window.__diplograph). */
const hooks = <T>(page: Page, f: (h: Hooks) => T) => page.evaluate(`(${f.toString()})(window.__diplograph)`) as Promise<T>;

/** Parses CSV (RFC 4180: quoted fields with "" escapes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\n") row.push(cell.replace(/\r$/, "")), rows.push(row), (row = []), (cell = "");
    else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

run("the analyst's workbench", () => {
  const { openPage, shot } = explorerSession();
  /** The rows as the user sees them: the text of each row in the DOM, in order. */
  const shownRows = (page: Page) => page.locator("#events-pane .vt-row:not([hidden])").evaluateAll((els) => els.map((e) => [...e.children].map((c) => c.textContent ?? "")));
  const download = async (page: Page, button: string) => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
    return { name: file.suggestedFilename(), text: readFileSync((await file.path()) as string, "utf8") };
  };

  it("lists the 23 events; sorting, filtering and the CSV / JSONL export give exactly the rows shown", async () => {
    const { page, errors } = await openPage("/");
    await page.click("#table-toggle");
    await expect.poll(() => page.locator("#workbench").isVisible()).toBe(true);
    expect(await page.locator("#table-caption").textContent()).toBe("23 events");
    let rows = await hooks(page, (h) => h.tableRows());
    expect(rows).toHaveLength(23);
    expect(new Set(rows)).toEqual(new Set(await hooks(page, (h) => h.visibleEdges())));
    // By date: undated last; the first row as shown.
    const shown = await shownRows(page);
    expect(shown[0]).toEqual(["2020-01-22", "called 通电话", "习近平", "马克龙", "马克龙", "", "1", "应约同法国总统马克龙通电话"]);
    expect(rows.slice(-2).every((k) => !/\d{4}-\d{2}-\d{2}$/.test(k))).toBe(true);

    // Sort by sources, descending: the column header says so, the rows follow.
    await page.click('.vt-head [data-col="sources"]');
    await page.click('.vt-head [data-col="sources"]');
    expect(await page.getAttribute('.vt-head [data-col="sources"]', "aria-sort")).toBe("descending");
    const bySources = await shownRows(page);
    const counts = bySources.map((r) => Number(r[6]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(bySources[0]?.[3]).toBe("古特雷斯"); // 8 sources
    expect(new URL(page.url()).searchParams.get("sort")).toBe("-sources");

    // Filter: no calls, as the graph.
    await page.locator('#relations input[value="called"]').uncheck();
    rows = await hooks(page, (h) => h.tableRows());
    expect(rows).toHaveLength(7);
    expect(new Set(rows)).toEqual(new Set(await hooks(page, (h) => h.visibleEdges())));
    expect(await page.locator("#table-caption").textContent()).toBe("7 events");
    const visibleText = await shownRows(page);
    expect(visibleText).toHaveLength(7);

    // CSV: the same rows in the same order, with sources and offsets.
    const csv = await download(page, "#export-csv");
    expect(csv.name).toBe("diplograph-events.csv");
    const table = parseCsv(csv.text.replace(/^\ufeff/, ""));
    const [header, ...data] = table;
    expect(header?.slice(0, 4)).toEqual(["event", "date", "date_precision", "relation"]);
    expect(data.map((r) => r[0])).toEqual(rows);
    const col = (name: string) => (header ?? []).indexOf(name);
    expect(data.map((r) => [r[col("date")] || "undated", r[col("relation")], r[col("subject")], r[col("object")], r[col("sources")], r[col("sentence")]])).toEqual(
      visibleText.map((r) => [r[0], (r[1] ?? "").replace(/ \S+$/, "").replace(" ", "_"), r[2], r[3], r[6], r[7]]),
    );
    const pledge = data.find((r) => r[col("relation")] === "pledged_to");
    expect(pledge?.[col("amount_value")]).toBe("20000000");
    expect(pledge?.[col("documents")]).toMatch(/^\S+\.txt:\d+-\d+$/);

    // JSON lines: the same events, whole, with their sources.
    const jsonl = await download(page, "#export-jsonl");
    const records = jsonl.text.trim().split("\n").map((l) => JSON.parse(l) as { id: string; sources: { doc: string; start: number; end: number; text: string }[]; datePrecision: string | null });
    expect(records.map((r) => r.id)).toEqual(rows);
    expect(records.every((r) => r.sources.length > 0 && r.sources.every((s) => typeof s.doc === "string" && s.end > s.start))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a row click selects its edge and shows it; selecting a node lists its events", async () => {
    const { page, errors } = await openPage("/?table=open");
    const row = page.locator('#events-pane .vt-row[data-key="called/mo-ke-er--xi-jin-ping/2020-01-22"]');
    await row.click();
    const state = await hooks(page, (h) => h.state());
    expect(state.selected).toBe("edge:called/mo-ke-er--xi-jin-ping/2020-01-22");
    expect(new URL(page.url()).searchParams.get("edge")).toBe("called/mo-ke-er--xi-jin-ping/2020-01-22");
    expect(await row.getAttribute("aria-selected")).toBe("true");
    expect(await page.locator("#panel .event.selected blockquote").textContent()).toBe("应约同德国总理默克尔通电话");
    await page.waitForTimeout(600);
    await shot(page, "workbench-table");
    // The table kept its rows (the click came from it).
    expect(await hooks(page, (h) => h.tableRows())).toHaveLength(23);

    await page.fill("#search", "默克尔");
    await expect.poll(() => page.locator("#suggestions li").count()).toBeGreaterThan(0);
    await page.keyboard.press("Enter");
    await expect.poll(() => hooks(page, (h) => h.tableRows())).toEqual(["called/mo-ke-er--xi-jin-ping/2020-01-22"]);
    expect(await page.locator("#table-caption").textContent()).toBe("1 event · 默克尔");
    await page.click("#focus-clear");
    expect(await hooks(page, (h) => h.tableRows())).toHaveLength(23);

    // Resize and maximize; the URL keeps it.
    await page.click("#wb-max");
    expect(await page.locator("main").isVisible()).toBe(false);
    expect(new URL(page.url()).searchParams.get("table")).toBe("max");
    await page.click("#wb-max");
    // Back to the open table before the drag: resizing works only there.
    await expect.poll(() => new URL(page.url()).searchParams.get("table")).toBe("open");
    await expect.poll(() => page.locator("main").isVisible()).toBe(true);
    const grip = await page.locator("#wb-resize").boundingBox();
    if (!grip) throw new Error("no resize grip");
    await page.mouse.move(grip.x + 50, grip.y + 4);
    await page.mouse.down();
    await page.mouse.move(grip.x + 50, grip.y - 96, { steps: 4 });
    await page.mouse.up();
    // The height reaches the URL once the drag has been applied (a loaded machine may take a moment).
    await expect.poll(() => Number(new URL(page.url()).searchParams.get("th"))).toBeGreaterThan(360);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("country view: China at the centre, one weighted edge per counterpart; the table grouped by dyad", async () => {
    const { page, errors } = await openPage("/?table=open");
    await page.locator("#countries").check();
    await page.waitForTimeout(800);
    const edges = await hooks(page, (h) => h.dyadEdges());
    expect(edges).toHaveLength(20);
    expect(edges.every((e) => e.key.split("|").includes("country/china"))).toBe(true);
    expect(edges.reduce((n, e) => n + e.weight, 0)).toBe(23);
    expect(edges.find((e) => e.key === "country/china|country/france")?.weight).toBe(2);
    const china = await hooks(page, (h) => h.nodePosition("country/china"));
    if (!china) throw new Error("China is not drawn");
    expect(Math.abs(china.x - china.width / 2)).toBeLessThan(china.width * 0.08);
    expect(Math.abs(china.y - china.height / 2)).toBeLessThan(china.height * 0.08);
    expect(await page.locator("#counts").textContent()).toBe("21 actors · 20 dyads · 23 contacts shown");
    const rows = await hooks(page, (h) => h.tableRows());
    expect(rows.filter((r) => r.startsWith("group:"))).toHaveLength(20);
    expect(rows.filter((r) => !r.startsWith("group:"))).toHaveLength(23);
    expect(await page.locator("#events-pane .vt-row.group").first().textContent()).toBe("中国 — 法国 · 2 contacts · asked by 中国 0, 法国 2");
    expect(new URL(page.url()).searchParams.get("view")).toBe("countries");
    await shot(page, "workbench-countries");

    // A row selects its dyad's edge.
    await page.locator('#events-pane .vt-row[data-key="called/ma-ke-long--xi-jin-ping/2020-02-18"]').click();
    expect((await hooks(page, (h) => h.state())).selected).toBe("edge:country/china|country/france");
    expect(await page.locator("#panel h2").textContent()).toBe("中国 — 法国");
    expect(await page.locator("#panel .event").count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("relations over time for an entity; brushing the chart sets the dates; playback moves a window", async () => {
    const { page, errors } = await openPage("/?table=open&th=360&view=countries&node=country/china");
    expect(await page.locator("#chart .chart-title").textContent()).toBe("中国: contacts over time");
    const bars = page.locator("#time-chart .bucket");
    expect(await bars.count()).toBe(3); // 2020-01, 2020-02, 2020-03
    expect(await page.locator('#time-chart .bucket[data-bucket="2020-02"] rect[data-relation="called"]').getAttribute("data-count")).toBe("13");
    expect(await page.locator("#asked").textContent()).toContain("counterparts 70% (16)");
    await page.selectOption("#chart select", "week");
    expect(new URL(page.url()).searchParams.get("by")).toBe("week");
    expect(await bars.count()).toBeGreaterThan(6);
    await page.selectOption("#chart select", "month");

    // Brush February.
    const feb = await page.locator('#time-chart .bucket[data-bucket="2020-02"]').boundingBox();
    if (!feb) throw new Error("no February bar");
    await page.mouse.move(feb.x + feb.width / 2, feb.y + feb.height - 4);
    await page.mouse.down();
    await page.mouse.move(feb.x + feb.width / 2 + 2, feb.y + feb.height - 4);
    await page.mouse.up();
    let state = await hooks(page, (h) => h.state());
    expect([state.from, state.to]).toEqual(["2020-02-01", "2020-02-29"]);
    expect(await page.locator("#table-caption").textContent()).toBe("17 events in 17 dyads · 中国");
    await page.waitForTimeout(300);
    await shot(page, "workbench-time-page");
    await page.locator("#workbench").screenshot({ path: join(ARTIFACTS, "workbench-time.png") });
    await page.dblclick("#time-chart");
    state = await hooks(page, (h) => h.state());
    expect([state.from, state.to]).toEqual([null, null]);

    // Playback: a week window from the first contact; contacts appear and fade.
    await page.selectOption("#window", "week");
    await page.click("#play");
    expect(await hooks(page, (h) => h.playing())).toBe(true);
    const seen = new Set<string>();
    let faded = 0;
    for (let i = 0; i < 14; i++) {
      const s = await hooks(page, (h) => h.state());
      seen.add(`${s.from}..${s.to}`);
      faded = Math.max(faded, (await hooks(page, (h) => h.fadedEdges())).length);
      if (i === 6) await shot(page, "workbench-playback");
      await page.waitForTimeout(250);
    }
    expect(seen.size).toBeGreaterThan(4);
    expect([...seen][0]).toBe("2020-01-22..2020-01-28");
    expect(faded).toBeGreaterThan(0);
    await page.click("#play");
    expect(await hooks(page, (h) => h.playing())).toBe(false);
    expect(await hooks(page, (h) => h.fadedEdges())).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("compares January and February 2020: which dyads appeared, disappeared, stayed", async () => {
    const { page, errors } = await openPage("/?table=open&view=countries");
    await page.click("#tab-compare");
    // The first two months are proposed; set them explicitly as a user would.
    await page.fill("#a-from", "2020-01-01");
    await page.fill("#a-to", "2020-01-31");
    await page.fill("#b-from", "2020-02-01");
    await page.fill("#b-to", "2020-02-29");
    await page.click("#compare-run");
    const rows = await hooks(page, (h) => h.compareRows());
    const by = (status: string) => rows.filter((r) => r.status === status).map((r) => r.key.split("|").find((k) => k !== "country/china"));
    expect(by("disappeared").sort()).toEqual(["country/germany", "org/who"]);
    expect(by("same")).toEqual(["country/france"]);
    expect(by("appeared")).toHaveLength(16);
    expect(by("appeared")).toEqual(expect.arrayContaining(["country/united-states", "country/senegal", "org/gates-foundation", "place/abu-dhabi"]));
    expect(by("grew")).toEqual([]);
    expect(by("shrank")).toEqual([]);
    expect(await page.locator("#compare-summary").textContent()).toBe("16 appeared2 disappeared0 grew0 shrank1 unchanged");
    await page.locator("#compare-table .vt-body").evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForTimeout(100);
    const texts = await page.locator("#compare-table .vt-row:not([hidden])").evaluateAll((els) => els.map((e) => [...e.children].map((c) => c.textContent)));
    expect(texts).toContainEqual(["disappeared", "中国 — 德国", "1", "0", "-1"]);
    // Edge colors follow: Germany red, the United States green, France grey.
    const edges = await hooks(page, (h) => h.dyadEdges());
    const color = (k: string) => edges.find((e) => e.key === k)?.color;
    expect(color("country/china|country/germany")).toBe("#e03131");
    expect(color("country/china|country/united-states")).toBe("#2f9e44");
    expect(color("country/china|country/france")).toBe("#adb5bd");
    const url = new URL(page.url());
    expect([url.searchParams.get("a"), url.searchParams.get("b"), url.searchParams.get("tab")]).toEqual(["2020-01-01..2020-01-31", "2020-02-01..2020-02-29", "compare"]);
    await shot(page, "workbench-compare");

    // The person view compares pairs of entities the same way.
    await page.locator("#countries").uncheck();
    const persons = await hooks(page, (h) => h.compareRows());
    expect(persons.filter((r) => r.status === "disappeared").map((r) => r.key).sort()).toEqual(["person/mo-ke-er|person/xi-jin-ping", "person/tan-de-sai|person/xi-jin-ping"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the table from a link, and data as text in the table", async () => {
    const { page, errors } = await openPage("/?table=open&sort=-subject&rel=met,wrote_to");
    const rows = await hooks(page, (h) => h.tableRows());
    expect(rows).toHaveLength(6);
    expect(await page.getAttribute('.vt-head [data-col="subject"]', "aria-sort")).toBe("descending");
    const subjects = await page.locator("#events-pane .vt-row:not([hidden]) span:nth-child(3)").allTextContents();
    expect(subjects).toEqual([...subjects].sort((a, b) => b.localeCompare(a, "zh-Hans-CN")));
    expect(await page.locator("#events-pane img, #events-pane script").count()).toBe(0);
    await shot(page, "workbench-link");
    expect(errors).toEqual([]);
    await page.close();
  });
});
