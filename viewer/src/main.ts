/**
 * The Diplograph explorer: sigma v3 over the Graphology graph of a build. Nodes colored by type
 * (or community) and sized by PageRank (or degree); edges colored by relation, arrows on the
 * directed ones; search over every alias; relation and type filters; a timeline brush; a side
 * panel with every event's source sentence; the view kept in the URL. The analyst's workbench
 * under the graph: the events table (virtualized, sortable, exported as CSV / JSON lines), the
 * country view (dyads), relations over time with playback, and the comparison of two periods.
 */
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram, EdgeRectangleProgram, NodeCircleProgram, NodePointProgram } from "sigma/rendering";
import { downloadAsPNG } from "@sigma/export-image";
import type { ContactEvent, EntityType } from "../../src/model/types";
import { addDays, dateSpan, type Granularity } from "../../src/model/dates";
import { compareDyads, type Dyad, type DyadChange, type DyadStatus } from "../../src/graph/dyads";
import { communityColor, fetchGraph, GraphFileError, RELATION_COLORS, RELATION_LABELS, toViewGraph, TYPE_COLORS, type ViewGraph } from "./data";
import { COLUMNS, readState, RELATIONS, TYPES, writeState, type Column, type PlayWindow, type Range, type ViewState } from "./state";
import { computeVisibility, eventSpans, type Visibility } from "./visibility";
import { initialPositions, Layout } from "./layout";
import { h, renderActorPanel, renderPanel, type ActorPanel } from "./panel";
import { Timeline } from "./timeline";
import { isLargeBuild, LargeGraph } from "./large";
import { EventTable, type Rows } from "./events";
import { VirtualTable, type RowView } from "./vtable";
import { TimeChart } from "./chart";
import { buildCountryGraph, dyadWeights, type CountryGraph } from "./countries";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

interface TestHooks {
  ready: boolean;
  error: string | null;
  visibleEdges(): string[];
  visibleNodes(): string[];
  state(): Record<string, unknown>;
  /** Event keys of the table's rows, in order (group headers as "group:<dyad>"). */
  tableRows(): string[];
  /** Country view: dyad edges shown with their number of contacts. */
  dyadEdges(): { key: string; weight: number; color: string }[];
  /** Where a node is drawn, in pixels of the graph's container. */
  nodePosition(id: string): { x: number; y: number; width: number; height: number } | null;
  compareRows(): { key: string; status: string; before: number; after: number }[];
  playing(): boolean;
  fadedEdges(): string[];
}
declare global {
  interface Window {
    __diplograph: TestHooks;
  }
}
const noHooks: TestHooks = {
  ready: false,
  error: null,
  visibleEdges: () => [],
  visibleNodes: () => [],
  state: () => ({}),
  tableRows: () => [],
  dyadEdges: () => [],
  nodePosition: () => null,
  compareRows: () => [],
  playing: () => false,
  fadedEdges: () => [],
};
window.__diplograph = { ...noHooks };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySigma = Sigma<any, any>;
let current: { sigma: AnySigma; layout: Layout; stop(): void } | undefined;

export const STATUS_COLORS: Record<DyadStatus, string> = { appeared: "#2f9e44", disappeared: "#e03131", grew: "#1c7ed6", shrank: "#f08c00", same: "#adb5bd" };
const WINDOW_DAYS: Record<PlayWindow, number> = { week: 7, month: 30, quarter: 91 };
const STEP_DAYS: Record<PlayWindow, number> = { week: 1, month: 7, quarter: 30 };
const BACKGROUND = [251, 251, 250];
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A color blended toward the background (t = 0: the color, 1: the background). */
function fade(color: string, t: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  const n = parseInt(m[1] as string, 16);
  const c = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v, i) => Math.round(v + ((BACKGROUND[i] as number) - v) * Math.min(0.92, 0.35 + 0.6 * t)));
  return `rgb(${c.join(",")})`;
}

/** A large build opened part by part (./large.ts); undefined when the whole graph is loaded. */
let largeBuild: LargeGraph | undefined;
/** The entity whose neighbourhood was added last: new nodes are placed around it. */
let expandedFrom: string | null = null;

async function start(): Promise<void> {
  const url = new URL(window.location.href);
  try {
    if (!url.searchParams.get("graph") && (await isLargeBuild(url)).large) {
      largeBuild = new LargeGraph(url);
      const state = readState(url);
      await largeBuild.load({ from: state.from, to: state.to });
      open(toViewGraph(largeBuild.serialized()), "api/graph");
      return setUpDrop();
    }
    const { graph, source } = await fetchGraph(url);
    open(graph, source);
  } catch (e) {
    showMessage(e instanceof GraphFileError ? `${e.message}. Drop a graph.json from a Diplograph build here.` : "No graph to show yet: drop a graph.json from a Diplograph build here.");
  }
  setUpDrop();
}

function showMessage(text: string | null): void {
  const m = $("message");
  m.textContent = text ?? "";
  m.hidden = text === null;
}

function setUpDrop(): void {
  const drop = $("drop");
  window.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.hidden = false;
  });
  window.addEventListener("dragleave", (e) => {
    if (e.relatedTarget === null) drop.hidden = true;
  });
  window.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.hidden = true;
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    try {
      const graph = toViewGraph(JSON.parse(await file.text()));
      largeBuild = undefined;
      open(graph, file.name);
    } catch (err) {
      showMessage(`${file.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

/** Replaces an element's listeners by cloning it (a graph opened again must not stack handlers). */
function fresh<T extends HTMLElement>(id: string): T {
  const el = $<T>(id);
  const copy = el.cloneNode(true) as T;
  el.replaceWith(copy);
  return copy;
}

const COLUMN_LABELS: Record<Column, string> = { date: "Date", relation: "Relation", subject: "Subject", object: "Object", initiator: "Asked by", amount: "Amount", sources: "Sources", sentence: "First source sentence" };
const COLUMN_WIDTHS: Record<Column, string> = { date: "7.6rem", relation: "7.4rem", subject: "8rem", object: "8rem", initiator: "7rem", amount: "7.5rem", sources: "4.2rem", sentence: "minmax(12rem, 1fr)" };

function open(graph: ViewGraph, source: string): void {
  showMessage(null);
  current?.stop();
  current?.layout.kill();
  current?.sigma.kill();
  const state = readState(new URL(window.location.href));
  // A link may name an entity or event this graph does not have: open the graph and say so.
  const missing = unknownSelection(graph, state.selected);
  if (missing) state.selected = null;
  let hovered: string | null = null;
  let playback: { timer: number; cursor: string; last: string } | null = null;
  let fadeFrom: string | null = null;

  // Built when first needed: the table's events (folded into pairs and dyads) and the country graph.
  let tableModel: EventTable | undefined;
  const events = () => (tableModel ??= new EventTable(graph));
  let countryGraph: CountryGraph | undefined;
  const countries = () => (countryGraph ??= buildCountryGraph(events()));

  const comparing = () => state.table !== "closed" && state.tab === "compare" && state.compareA !== null && state.compareB !== null;
  const visibility = () => computeVisibility(graph, state, { compare: comparing() ? [state.compareA as Range, state.compareB as Range] : null, fadeFrom });
  let vis: Visibility = visibility();
  let weights = { dyads: new Map<string, number>(), actors: new Map<string, number>(), fading: new Map<string, number>() };
  let changes: DyadChange[] = [];
  let statusByKey = new Map<string, DyadStatus>();
  let rows: Rows = { rows: new Int32Array(0), groups: [], events: 0, internal: 0 };
  let clickedRow: string | null = null;

  // RDF download: next to the graph file, or the server's copy.
  const rdf = $<HTMLAnchorElement>("rdf");
  rdf.href = source === "api/graph" ? "files/graph.ttl" : new URL("graph.ttl", new URL(source, window.location.href)).href;

  const applyStyle = () => {
    let maxRank = 1e-9;
    let maxDegree = 1;
    graph.forEachNode((_id, a) => {
      if (a.pagerank > maxRank) maxRank = a.pagerank;
      if (a.degree > maxDegree) maxDegree = a.degree;
    });
    graph.updateEachNodeAttributes((_id, a) => ({
      ...a,
      size: 3 + 15 * Math.sqrt(state.size === "pagerank" ? a.pagerank / maxRank : a.degree / maxDegree),
      color: state.color === "community" ? communityColor(a.community) : TYPE_COLORS[a.kind],
      label: state.lang === "en" && a.labelEn ? a.labelEn : a.label,
    }));
  };
  applyStyle();
  initialPositions(graph);
  largeBuild?.placeNodes(graph, expandedFrom);
  const partial = $("partial");
  partial.hidden = !largeBuild;
  partial.textContent = largeBuild?.describe() ?? "";

  const container = $("graph");
  // Past 10,000 events, lighter programs (1-px lines, square points) keep panning fluid.
  const large = graph.size > 10_000;
  const focusNode = () => hovered ?? (state.selected?.startsWith("node:") ? state.selected.slice(5) : null);
  const sigma: AnySigma = new Sigma(graph, container, {
    renderEdgeLabels: false,
    enableEdgeEvents: true,
    allowInvalidContainer: true,
    defaultEdgeType: "line",
    edgeProgramClasses: { line: large ? EdgeLineProgram : EdgeRectangleProgram, arrow: large ? EdgeLineProgram : EdgeArrowProgram },
    nodeProgramClasses: { circle: large ? NodePointProgram : NodeCircleProgram },
    labelDensity: large ? 0.07 : 1,
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    labelRenderedSizeThreshold: graph.order > 2000 ? 12 : 4,
    labelFont: 'system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif',
    edgeLabelFont: 'system-ui, "Noto Sans CJK SC", sans-serif',
    edgeLabelSize: 12,
    zIndex: true,
    nodeReducer: (node, data) => (state.countries ? countryNode(node, data) : personNode(node, data)),
    edgeReducer: (edge, data) => (state.countries ? countryEdge(edge, data) : personEdge(edge, data)),
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Data = any;
  // The focus may name a node the graph does not hold yet: on a large build, one searched for
  // whose neighbourhood is still on its way from the server.
  // (A declaration, not a const: the renderer made above calls the reducers at once.)
  function adjacent(g: { hasNode(n: string): boolean; areNeighbors(a: string, b: string): boolean }, a: string, b: string): boolean {
    return g.hasNode(a) && g.hasNode(b) && g.areNeighbors(a, b);
  }
  function personNode(node: string, data: Data): Data {
    if (!vis.nodes.has(node)) return { ...data, hidden: true };
    const focus = focusNode();
    if (focus && focus !== node && !adjacent(graph, focus, node)) return { ...data, color: "#d8dbe0", label: "", zIndex: 0 };
    if (focus === node) return { ...data, highlighted: true, zIndex: 2 };
    return { ...data, zIndex: 1 };
  }
  function personEdge(edge: string, data: Data): Data {
    if (!vis.edges.has(edge)) return { ...data, hidden: true };
    let color: string = data.color;
    if (comparing() && tableModel) {
      const i = tableModel.index.get(edge);
      const s = i === undefined ? undefined : statusByKey.get(tableModel.pairKey[i] as string);
      if (s) color = STATUS_COLORS[s];
    }
    const f = vis.faded.get(edge);
    if (f !== undefined) return { ...data, color: fade(color, f), zIndex: 0 };
    const focus = focusNode();
    if (focus && !graph.hasExtremity(edge, focus)) return { ...data, color: "#eceef1", zIndex: 0 };
    if (state.selected === `edge:${edge}`) return { ...data, color, size: 4, zIndex: 2 };
    return { ...data, color, zIndex: 1 };
  }
  function countryNode(node: string, data: Data): Data {
    const w = weights.actors.get(node);
    if (w === undefined) return { ...data, hidden: true };
    const size = 5 + 4 * Math.sqrt(w);
    const label = state.lang === "en" && data.labelEn ? data.labelEn : data.label;
    const focus = focusNode();
    if (focus && focus !== node && !(countryGraph && adjacent(countryGraph, focus, node))) return { ...data, size, label, color: "#d8dbe0", zIndex: 0 };
    return { ...data, size, label, forceLabel: weights.actors.size <= 60, highlighted: focus === node, zIndex: focus === node ? 2 : 1 };
  }
  function countryEdge(edge: string, data: Data): Data {
    const n = weights.dyads.get(edge);
    const fading = weights.fading.get(edge);
    if (n === undefined && fading === undefined) return { ...data, hidden: true };
    let color = "#7d8aa3";
    const status = comparing() ? statusByKey.get(edge) : undefined;
    if (status) color = STATUS_COLORS[status];
    if (n === undefined) return { ...data, size: 1.5, color: fade(color, fading as number), label: "", zIndex: 0 };
    const focus = focusNode();
    const dim = focus !== null && !edge.split("|").includes(focus);
    const selected = state.selected === `edge:${edge}`;
    return { ...data, size: (selected ? 2 : 1) + 2.2 * Math.sqrt(n), color: dim ? "#e3e6ea" : selected ? "#1d2330" : color, label: String(n), forceLabel: !dim && weights.dyads.size <= 300, zIndex: dim ? 0 : selected ? 2 : 1 };
  }

  const layout = new Layout(graph);
  const layoutButton = fresh<HTMLButtonElement>("layout");
  layout.onChange = (running) => (layoutButton.textContent = running ? "Stop layout" : "Run layout");
  layoutButton.onclick = () => (layout.running ? layout.stop() : layout.start());
  if (!state.countries) layout.start();

  const timeline = new Timeline(fresh<HTMLElement>("histogram") as unknown as SVGSVGElement, (from, to) => update({ from, to }));
  if (largeBuild) void largeBuild.histogram().then((h) => (timeline.setMonths(h.months), timeline.draw(state.from, state.to)), () => undefined);
  else timeline.setData(graph);

  // The workbench
  const workbench = $("workbench");
  const vtable = new VirtualTable(COLUMNS.map((c) => ({ key: c, label: COLUMN_LABELS[c], width: COLUMN_WIDTHS[c], numeric: c === "amount" || c === "sources" })));
  $("events-pane").replaceChildren(vtable.root);
  vtable.onSort = (column) => update(column === state.sort ? { desc: !state.desc } : { sort: column as Column, desc: false });
  vtable.onRowClick = (row) => {
    if (row.kind === "group") return select(`edge:${row.key}`, { keepFocus: true });
    clickedRow = row.key;
    const i = events().index.get(row.key);
    if (state.countries) select(`edge:${events().dyadKey[i as number]}`, { keepFocus: true, show: true });
    else select(`edge:${row.key}`, { keepFocus: true, show: true });
  };
  const chart = new TimeChart(
    (from, to) => update({ from, to }),
    (g: Granularity) => update({ granularity: g }),
  );
  $("chart-pane").replaceChildren(chart.root);
  const compareTable = new VirtualTable([
    { key: "status", label: "Change", width: "7rem" },
    { key: "pair", label: "Dyad", width: "minmax(12rem, 1fr)" },
    { key: "before", label: "A", width: "4rem", numeric: true },
    { key: "after", label: "B", width: "4rem", numeric: true },
    { key: "delta", label: "Δ", width: "4rem", numeric: true },
  ]);
  $("compare-table").replaceChildren(compareTable.root);
  compareTable.onRowClick = (row) => {
    if (state.countries) return select(`edge:${row.key}`, { focus: `pair:${row.key}` });
    const t = events();
    const first = [...vis.edges].find((k) => t.pairKey[t.index.get(k) as number] === row.key);
    if (first) select(`edge:${first}`, { focus: `pair:${row.key}` });
  };

  const panel = $("panel");
  const cameraTo = (x: number, y: number, ratio?: number) => void sigma.getCamera().animate(ratio === undefined ? { x, y } : { x, y, ratio }, { duration: 400 });
  /** Selects a node or an edge; the table follows (a node's events, an edge's pair) unless the click came from the table. */
  function select(selection: string | null, opts: { keepFocus?: boolean; show?: boolean; focus?: string | null } = {}): void {
    let focus = state.focus;
    if (opts.focus !== undefined) focus = opts.focus;
    else if (!opts.keepFocus) {
      if (selection === null) focus = null;
      else if (selection.startsWith("node:")) focus = selection;
      else if (state.countries) focus = `pair:${selection.slice(5)}`;
      else if (graph.hasEdge(selection.slice(5))) {
        const s = graph.source(selection.slice(5));
        const t = graph.target(selection.slice(5));
        focus = `pair:${s < t ? `${s}|${t}` : `${t}|${s}`}`;
      }
    }
    if (!selection?.startsWith("edge:") || !opts.keepFocus) clickedRow = selection?.startsWith("edge:") && !state.countries ? selection.slice(5) : null;
    update({ selected: selection, focus });
    if (selection?.startsWith("node:")) {
      const d = sigma.getNodeDisplayData(selection.slice(5));
      if (d && opts.show !== false) cameraTo(d.x, d.y, 0.35);
    } else if (selection?.startsWith("edge:") && opts.show) {
      const key = selection.slice(5);
      const g = sigma.getGraph();
      if (g.hasEdge(key)) {
        const a = sigma.getNodeDisplayData(g.source(key));
        const b = sigma.getNodeDisplayData(g.target(key));
        if (a && b) cameraTo((a.x + b.x) / 2, (a.y + b.y) / 2);
      }
    }
    revealSelection();
  }

  function revealSelection(): void {
    if (state.table === "closed" || state.tab !== "events") return;
    const target = state.countries ? (clickedRow ?? (state.selected?.startsWith("edge:") ? `group:${state.selected.slice(5)}` : null)) : state.selected?.startsWith("edge:") ? state.selected.slice(5) : null;
    if (!target) return;
    const t = events();
    for (let r = 0; r < rows.rows.length; r++) {
      const i = rows.rows[r] as number;
      const key = i < 0 ? `group:${rows.groups[-1 - i]?.key}` : t.keys[i];
      if (key === target) return vtable.reveal(r);
    }
  }

  const name = (id: string) => {
    if (state.countries) return events().actorName(id, state.lang);
    if (!graph.hasNode(id)) return id;
    const a = graph.getNodeAttributes(id);
    return state.lang === "en" && a.labelEn ? a.labelEn : a.label;
  };
  const pairName = (key: string) => key.split("|").map(name).join(" — ");

  let shownGraph: "persons" | "countries" = "persons";
  function showGraph(): void {
    const want = state.countries ? "countries" : "persons";
    if (want === shownGraph) return;
    shownGraph = want;
    if (want === "countries") {
      layout.stop();
      sigma.setGraph(countries());
      sigma.setSetting("renderEdgeLabels", true);
    } else {
      sigma.setGraph(graph);
      sigma.setSetting("renderEdgeLabels", false);
    }
    layoutButton.hidden = want === "countries";
    sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  }

  function computeChanges(): void {
    changes = [];
    statusByKey = new Map();
    if (!comparing()) return;
    const t = events();
    const a = state.compareA as Range;
    const b = state.compareB as Range;
    const [a0, a1, b0, b1] = [dateSpan(a.from)?.start ?? "", dateSpan(a.to)?.end ?? "", dateSpan(b.from)?.start ?? "", dateSpan(b.to)?.end ?? ""];
    const spans = eventSpans(graph);
    const before = new Map<string, number>();
    const after = new Map<string, number>();
    for (const key of vis.edges) {
      const i = t.index.get(key);
      const s = spans.get(key);
      if (i === undefined || !s) continue;
      const k = state.countries ? (t.dyadKey[i] as string) : (t.pairKey[i] as string);
      if (!k) continue;
      if (s[0] >= a0 && s[1] <= a1) before.set(k, (before.get(k) ?? 0) + 1);
      if (s[0] >= b0 && s[1] <= b1) after.set(k, (after.get(k) ?? 0) + 1);
    }
    const dyad = (key: string, count: number) => {
      const [x, y] = key.split("|") as [string, string];
      return { key, count, a: { id: x, label: name(x), type: "Country" }, b: { id: y, label: name(y), type: "Country" } } as unknown as Dyad;
    };
    changes = compareDyads([...before].map(([k, n]) => dyad(k, n)), [...after].map(([k, n]) => dyad(k, n)));
    for (const c of changes) statusByKey.set(c.key, c.status);
  }

  function renderCompare(): void {
    const form = { af: $<HTMLInputElement>("a-from"), at: $<HTMLInputElement>("a-to"), bf: $<HTMLInputElement>("b-from"), bt: $<HTMLInputElement>("b-to") };
    const day = (d: string | undefined, end: boolean) => (d ? ((end ? dateSpan(d)?.end : dateSpan(d)?.start) ?? "") : "");
    if (document.activeElement?.closest("#compare-form") === null || document.activeElement === document.body) {
      form.af.value = day(state.compareA?.from, false);
      form.at.value = day(state.compareA?.to, true);
      form.bf.value = day(state.compareB?.from, false);
      form.bt.value = day(state.compareB?.to, true);
    }
    const counts: Record<DyadStatus, number> = { appeared: 0, disappeared: 0, grew: 0, shrank: 0, same: 0 };
    for (const c of changes) counts[c.status]++;
    const differ = changes.filter((c) => c.status !== "same");
    $("compare-summary").replaceChildren(
      ...(comparing()
        ? (["appeared", "disappeared", "grew", "shrank", "same"] as DyadStatus[]).map((s) => h("span", { class: "status-chip", "data-status": s }, h("span", { class: "swatch", style: `background:${STATUS_COLORS[s]}` }), `${counts[s]} ${s === "same" ? "unchanged" : s}`))
        : [h("span", {}, "Choose two periods (A → B) to compare.")]),
    );
    const shown = [...differ, ...changes.filter((c) => c.status === "same")];
    compareTable.setRows(shown.length, (r) => {
      const c = shown[r] as DyadChange;
      const delta = c.after - c.before;
      return { kind: "row", key: c.key, cells: [c.status === "same" ? "unchanged" : c.status, `${c.a.label} — ${c.b.label}`, String(c.before), String(c.after), delta > 0 ? `+${delta}` : String(delta)], selected: state.selected === `edge:${c.key}` || state.focus === `pair:${c.key}` };
    });
  }

  function renderTable(): void {
    const t = events();
    const windowOnly = vis.faded.size ? { has: (k: string) => vis.edges.has(k) && !vis.faded.has(k) } : vis.edges;
    rows = t.rows(windowOnly, state);
    vtable.setSort(state.sort, state.desc);
    const selectedEdge = state.selected?.startsWith("edge:") ? state.selected.slice(5) : null;
    vtable.setRows(rows.rows.length, (r): RowView => {
      const i = rows.rows[r] as number;
      if (i < 0) {
        const g = rows.groups[-1 - i];
        if (!g) return { kind: "group", key: "", cells: [""] };
        const asked = g.asked.a + g.asked.b ? ` · asked by ${name(g.a.id)} ${g.asked.a}, ${name(g.b.id)} ${g.asked.b}` : "";
        return { kind: "group", key: g.key, cells: [`${name(g.a.id)} — ${name(g.b.id)} · ${g.count} contact${g.count === 1 ? "" : "s"}${asked}`], selected: selectedEdge === g.key, title: g.key };
      }
      const key = t.keys[i] as string;
      return { kind: "row", key, cells: t.cells(i, state.lang), selected: state.countries ? key === clickedRow && selectedEdge === t.dyadKey[i] : key === selectedEdge };
    });
    const focus = state.focus;
    const of = focus ? (focus.startsWith("pair:") ? pairName(focus.slice(5)) : name(focus.slice(5))) : null;
    $("table-caption").textContent = `${rows.events} event${rows.events === 1 ? "" : "s"}${state.countries ? ` in ${rows.groups.length} dyad${rows.groups.length === 1 ? "" : "s"}` : ""}${of ? ` · ${of}` : ""}${rows.internal ? ` · ${rows.internal} inside one actor not shown` : ""}`;
    $("focus-clear").hidden = focus === null;
  }

  let chartEvents: { key: string; list: ContactEvent[] } | null = null;
  function renderChart(): void {
    const t = events();
    const focus = state.focus;
    const key = [state.countries, focus, [...state.relations].join(), [...state.types].join()].join("/");
    if (chartEvents?.key !== key) {
      const list: ContactEvent[] = [];
      for (let i = 0; i < t.events.length; i++) {
        const e = t.events[i] as ContactEvent;
        if (!state.relations.has(e.relation)) continue;
        if (!state.types.has(t.subjectKind[i] as EntityType) || !state.types.has(t.objectKind[i] as EntityType)) continue;
        if (!t.inFocus(i, focus, state.countries)) continue;
        if (state.countries && !t.dyadKey[i]) continue;
        list.push(e);
      }
      chartEvents = { key, list };
    }
    const list = chartEvents.list;
    // Who asked: the focus (an entity: itself or its counterparts; a pair: either side).
    let asked: { label: string; count: number; color: string }[];
    const none = list.filter((e) => !e.initiator).length;
    if (focus?.startsWith("pair:")) {
      const [a, b] = focus.slice(5).split("|") as [string, string];
      const side = (e: ContactEvent) => (e.initiator ? (state.countries ? t.actorOf(e.initiator.id).id : e.initiator.id) : null);
      asked = [
        { label: name(a), count: list.filter((e) => side(e) === a).length, color: "#1f6feb" },
        { label: name(b), count: list.filter((e) => side(e) === b).length, color: "#f08c00" },
        { label: "not stated", count: none, color: "#ced4da" },
      ];
    } else if (focus) {
      const id = focus.slice(5);
      const own = list.filter((e) => e.initiator && (state.countries ? t.actorOf(e.initiator.id).id : e.initiator.id) === id).length;
      asked = [
        { label: name(id), count: own, color: "#1f6feb" },
        { label: "counterparts", count: list.length - own - none, color: "#f08c00" },
        { label: "not stated", count: none, color: "#ced4da" },
      ];
    } else asked = [{ label: "stated", count: list.length - none, color: "#1f6feb" }, { label: "not stated", count: none, color: "#ced4da" }];
    const title = focus ? `${focus.startsWith("pair:") ? pairName(focus.slice(5)) : name(focus.slice(5))}: contacts over time` : "All contacts in view over time";
    chart.draw({ title, events: list, granularity: state.granularity, from: state.from, to: state.to, asked });
  }

  function renderWorkbench(): void {
    workbench.hidden = state.table === "closed";
    document.body.classList.toggle("wb-max", state.table === "max");
    $("table-toggle").setAttribute("aria-pressed", String(state.table !== "closed"));
    $("wb-max").setAttribute("aria-pressed", String(state.table === "max"));
    $("wb-max").title = state.table === "max" ? "Restore" : "Maximize";
    workbench.style.height = state.table === "open" ? `${state.tableHeight}px` : "";
    $("tab-events").setAttribute("aria-selected", String(state.tab === "events"));
    $("tab-compare").setAttribute("aria-selected", String(state.tab === "compare"));
    $("events-pane").hidden = state.tab !== "events";
    $("compare-pane").hidden = state.tab !== "compare";
    $("export-csv").hidden = $("export-jsonl").hidden = state.tab !== "events";
    if (state.table === "closed") return;
    if (state.tab === "events") renderTable();
    else renderCompare();
    renderChart();
  }

  function renderSidePanel(): void {
    if (!state.countries) return renderPanel(panel, graph, state, vis.edges, { select: (s) => select(s) });
    const sel = state.selected;
    const t = events();
    let content: ActorPanel | null = null;
    if (sel?.startsWith("node:") && countries().hasNode(sel.slice(5))) {
      const id = sel.slice(5);
      const a = t.actors.get(id);
      const dyads = [...weights.dyads].filter(([k]) => k.split("|").includes(id)).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
      content = {
        title: name(id),
        sub: [a?.labelEn, a?.type, id, `${plural(dyads.reduce((n, d) => n + d[1], 0), "contact")} in view`].filter(Boolean).join(" · "),
        dyads: dyads.map(([k, n]) => ({ label: name(k.split("|").find((x) => x !== id) as string), count: n, select: `edge:${k}` })),
      };
    } else if (sel?.startsWith("edge:") && countries().hasEdge(sel.slice(5))) {
      const k = sel.slice(5);
      const list: ContactEvent[] = [];
      for (const key of vis.edges) {
        const i = t.index.get(key) as number;
        if (t.dyadKey[i] === k && !vis.faded.has(key)) list.push(t.events[i] as ContactEvent);
      }
      list.sort((x, y) => ((x.date ?? "9999") < (y.date ?? "9999") ? -1 : 1));
      content = { title: pairName(k), sub: `${list.length} contact${list.length === 1 ? "" : "s"} in view`, events: list };
    }
    renderActorPanel(panel, graph, state, content, { select: (s) => select(s) });
  }

  /** Rebuilds the view from what the large graph holds now (after an expansion or a new window). */
  function reopenLarge(around: string | null): void {
    if (!largeBuild) return;
    largeBuild.keepPositions(graph);
    expandedFrom = around;
    writeState(state);
    open(toViewGraph(largeBuild.serialized()), source);
  }
  let reloadTimer: number | undefined;
  /** A large graph's window is applied by the server: reload what is shown (once the range settles). */
  function reloadWindow(): void {
    window.clearTimeout(reloadTimer);
    reloadTimer = window.setTimeout(() => {
      const w = { from: state.from, to: state.to };
      void largeBuild?.load(w).then(() => reopenLarge(null), (e: Error) => showMessage(e.message));
    }, 250);
  }
  /** Adds an entity's neighbourhood to a large graph's view. */
  function expand(id: string): void {
    if (!largeBuild || largeBuild.isExpanded(id)) return;
    void largeBuild.expand(id, { from: state.from, to: state.to }).then(() => reopenLarge(id), (e: Error) => showMessage(e.message));
  }

  function update(change: Partial<ViewState>): void {
    if (largeBuild && (("from" in change && change.from !== state.from) || ("to" in change && change.to !== state.to))) reloadWindow();
    const filtersChanged = ["relations", "types", "from", "to", "selected", "table", "tab", "compareA", "compareB", "countries"].some((k) => k in change);
    const resized = "table" in change || "tableHeight" in change;
    Object.assign(state, change);
    if ("color" in change || "size" in change || "lang" in change) applyStyle();
    if (filtersChanged || "fade" in change) vis = visibility();
    if (state.countries || comparing()) void events();
    if (state.countries) weights = dyadWeights(events(), vis.edges, vis.faded);
    computeChanges();
    showGraph();
    writeState(state);
    syncControls();
    renderSidePanel();
    renderWorkbench();
    timeline.draw(state.from, state.to);
    $("counts").textContent = state.countries
      ? `${plural(weights.actors.size, "actor")} · ${plural(weights.dyads.size, "dyad")} · ${plural([...weights.dyads.values()].reduce((a, b) => a + b, 0), "contact")} shown`
      : `${vis.nodes.size} entities · ${vis.edges.size - vis.faded.size} events shown`;
    if (resized) sigma.resize();
    sigma.refresh();
  }

  // Controls
  const chips = (fieldset: HTMLElement, values: readonly string[], labels: (v: string) => string, color: (v: string) => string, active: () => Set<string>, toggle: (v: string, on: boolean) => void) => {
    fieldset.querySelectorAll("label").forEach((l) => l.remove());
    for (const v of values) {
      const input = h("input", { type: "checkbox", value: v, "data-filter": v }) as HTMLInputElement;
      input.checked = active().has(v);
      input.addEventListener("change", () => toggle(v, input.checked));
      fieldset.append(h("label", {}, input, h("span", { class: `swatch${fieldset.id === "relations" ? " line" : ""}`, style: `background:${color(v)}` }), labels(v)));
    }
  };
  chips($("relations"), RELATIONS, (r) => RELATION_LABELS[r as keyof typeof RELATION_LABELS], (r) => RELATION_COLORS[r as keyof typeof RELATION_COLORS], () => state.relations, (v, on) => {
    const next = new Set(state.relations);
    if (on) next.add(v as never);
    else next.delete(v as never);
    update({ relations: next });
  });
  chips($("types"), TYPES, (t) => t, (t) => TYPE_COLORS[t as keyof typeof TYPE_COLORS], () => state.types, (v, on) => {
    const next = new Set(state.types);
    if (on) next.add(v as never);
    else next.delete(v as never);
    update({ types: next });
  });
  const color = fresh<HTMLSelectElement>("color");
  const size = fresh<HTMLSelectElement>("size");
  const lang = fresh<HTMLSelectElement>("lang");
  const countriesSwitch = fresh<HTMLInputElement>("countries");
  const windowSelect = fresh<HTMLSelectElement>("window");
  const playButton = fresh<HTMLButtonElement>("play");
  // Playing a window over a large build would ask the server for every step: not offered there.
  playButton.hidden = Boolean(largeBuild);
  windowSelect.parentElement?.toggleAttribute("hidden", Boolean(largeBuild));
  color.onchange = () => update({ color: color.value === "community" ? "community" : "type" });
  size.onchange = () => update({ size: size.value === "degree" ? "degree" : "pagerank" });
  lang.onchange = () => update({ lang: lang.value === "en" ? "en" : "zh" });
  countriesSwitch.onchange = () => switchView(countriesSwitch.checked);
  windowSelect.onchange = () => update({ window: windowSelect.value as PlayWindow });
  const from = fresh<HTMLInputElement>("from");
  const to = fresh<HTMLInputElement>("to");
  from.onchange = () => update({ from: from.value || null });
  to.onchange = () => update({ to: to.value || null });
  fresh<HTMLButtonElement>("clear-range").onclick = () => {
    stopPlayback();
    update({ from: null, to: null });
  };
  fresh<HTMLButtonElement>("png").onclick = () => void downloadAsPNG(sigma, { fileName: "diplograph", backgroundColor: "#ffffff" });
  fresh<HTMLButtonElement>("table-toggle").onclick = () => update({ table: state.table === "closed" ? "open" : "closed" });
  fresh<HTMLButtonElement>("wb-close").onclick = () => update({ table: "closed" });
  fresh<HTMLButtonElement>("wb-max").onclick = () => update({ table: state.table === "max" ? "open" : "max" });
  fresh<HTMLButtonElement>("tab-events").onclick = () => update({ tab: "events" });
  fresh<HTMLButtonElement>("tab-compare").onclick = () => {
    const change: Partial<ViewState> = { tab: "compare" };
    // First time: the first two months with contacts.
    if (!state.compareA && !state.compareB) {
      const months = [...new Set([...eventSpans(graph).values()].filter((s): s is [string, string] => s !== null).map((s) => s[0].slice(0, 7)))].sort();
      if (months[0]) change.compareA = { from: months[0], to: months[0] };
      if (months[1]) change.compareB = { from: months[1], to: months[1] };
    }
    update(change);
  };
  fresh<HTMLButtonElement>("focus-clear").onclick = () => select(null);
  const compareForm = fresh<HTMLFormElement>("compare-form");
  compareForm.onsubmit = (ev) => {
    ev.preventDefault();
    const v = (id: string) => (compareForm.querySelector(`#${id}`) as HTMLInputElement).value;
    const r = (a: string, b: string) => (a && b ? (a <= b ? { from: a, to: b } : { from: b, to: a }) : null);
    update({ compareA: r(v("a-from"), v("a-to")), compareB: r(v("b-from"), v("b-to")) });
  };
  const download = (text: string, file: string, type: string) => {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = file;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  fresh<HTMLButtonElement>("export-csv").onclick = () => download("\ufeff" + events().toCsv(rows, state), "diplograph-events.csv", "text/csv;charset=utf-8");
  fresh<HTMLButtonElement>("export-jsonl").onclick = () => download(events().toJsonl(rows, state), "diplograph-events.jsonl", "application/x-ndjson;charset=utf-8");

  // Resizing the workbench by its top edge.
  const grip = fresh<HTMLElement>("wb-resize");
  grip.addEventListener("pointerdown", (ev) => {
    if (state.table !== "open") return;
    grip.setPointerCapture(ev.pointerId);
    const startY = ev.clientY;
    const startH = workbench.getBoundingClientRect().height;
    const move = (e: PointerEvent) => {
      const hgt = Math.max(120, Math.min(window.innerHeight - 160, startH + startY - e.clientY));
      workbench.style.height = `${hgt}px`;
    };
    const up = () => {
      grip.removeEventListener("pointermove", move);
      grip.removeEventListener("pointerup", up);
      update({ tableHeight: Math.round(workbench.getBoundingClientRect().height) });
    };
    grip.addEventListener("pointermove", move);
    grip.addEventListener("pointerup", up);
  });

  function switchView(toCountries: boolean): void {
    if (toCountries === state.countries) return;
    const t = events();
    const change: Partial<ViewState> = { countries: toCountries };
    const mapSel = (s: string | null): string | null => {
      if (!s) return null;
      if (toCountries) {
        if (s.startsWith("node:")) return `node:${t.actorOf(s.slice(5)).id}`;
        if (s.startsWith("edge:")) {
          const d = t.dyadKey[t.index.get(s.slice(5)) ?? -1];
          return d ? `edge:${d}` : null;
        }
        if (s.startsWith("pair:")) {
          const [a, b] = s.slice(5).split("|") as [string, string];
          const [x, y] = [t.actorOf(a).id, t.actorOf(b).id];
          return x === y ? null : `pair:${x < y ? `${x}|${y}` : `${y}|${x}`}`;
        }
      }
      if (s.startsWith("node:") && graph.hasNode(s.slice(5))) return s;
      return null;
    };
    change.selected = mapSel(state.selected);
    change.focus = mapSel(state.focus);
    clickedRow = null;
    update(change);
    if (!toCountries) layout.start(3);
  }

  // Playback: a window moving over the timeline; events that leave it fade.
  function stopPlayback(): void {
    if (!playback) return;
    window.clearInterval(playback.timer);
    playback = null;
    fadeFrom = null;
    playButton.textContent = "▶ Play";
    playButton.setAttribute("aria-pressed", "false");
    update({ from: state.from });
  }
  function startPlayback(): void {
    let first: string | null = null;
    let last: string | null = null;
    for (const s of eventSpans(graph).values()) {
      if (!s) continue;
      if (first === null || s[0] < first) first = s[0];
      if (last === null || s[1] > last) last = s[1];
    }
    if (!first || !last) return;
    const days = WINDOW_DAYS[state.window];
    const atEnd = state.from !== null && addDays(dateSpan(state.from)?.start ?? first, STEP_DAYS[state.window]) > last;
    const cursor = state.from && !atEnd ? (dateSpan(state.from)?.start ?? first) : first;
    playback = { timer: 0, cursor, last };
    playButton.textContent = "❚❚ Pause";
    playButton.setAttribute("aria-pressed", "true");
    const step = () => {
      if (!playback) return;
      const c = playback.cursor;
      if (c > playback.last) return stopPlayback();
      fadeFrom = addDays(c, -days);
      update({ from: c, to: addDays(c, days - 1) });
      playback.cursor = addDays(c, STEP_DAYS[state.window]);
    };
    step();
    playback.timer = window.setInterval(step, 450);
  }
  playButton.onclick = () => (playback ? stopPlayback() : startPlayback());

  function syncControls(): void {
    color.value = state.color;
    size.value = state.size;
    lang.value = state.lang;
    const day = (d: string | null, end: boolean) => (d ? ((end ? dateSpan(d)?.end : dateSpan(d)?.start) ?? "") : "");
    from.value = day(state.from, false);
    to.value = day(state.to, true);
    countriesSwitch.checked = state.countries;
    windowSelect.value = state.window;
    document.querySelectorAll<HTMLInputElement>("#relations input").forEach((i) => (i.checked = state.relations.has(i.value as never)));
    document.querySelectorAll<HTMLInputElement>("#types input").forEach((i) => (i.checked = state.types.has(i.value as never)));
    const legend = $("legend");
    legend.replaceChildren(
      ...(comparing()
        ? (["appeared", "disappeared", "grew", "shrank", "same"] as DyadStatus[]).map((s) => h("div", {}, h("span", { class: "swatch line", style: `background:${STATUS_COLORS[s]}` }), s === "same" ? "unchanged" : s))
        : state.countries
          ? [h("div", {}, "Countries and organizations; edge label: contacts"), ...(["Country", "Organization", "Place", "Person"] as const).map((t) => h("div", {}, h("span", { class: "swatch", style: `background:${TYPE_COLORS[t]}` }), t === "Person" ? "Person (no role)" : t))]
          : state.color === "type"
            ? TYPES.map((t) => h("div", {}, h("span", { class: "swatch", style: `background:${TYPE_COLORS[t]}` }), t))
            : [h("div", {}, "Colored by Louvain community")]),
    );
  }

  // Search with suggestions over every alias
  if (largeBuild) {
    const lg = largeBuild;
    setUpServerSearch(lg, (id) => {
      state.selected = `node:${id}`;
      if (graph.hasNode(id) && lg.isExpanded(id)) select(`node:${id}`);
      else {
        writeState(state);
        expand(id);
      }
    });
  } else setUpSearch(graph, (id) => select(state.countries ? `node:${events().actorOf(id).id}` : `node:${id}`));

  // Graph events
  sigma.on("enterNode", ({ node }) => {
    hovered = node;
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on("leaveNode", () => {
    hovered = null;
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on("clickNode", ({ node }) => {
    select(`node:${node}`, { show: false });
    if (largeBuild && !state.countries) expand(node);
  });
  sigma.on("clickEdge", ({ edge }) => select(`edge:${edge}`));
  sigma.on("clickStage", () => select(null));

  current = { sigma, layout, stop: () => playback && window.clearInterval(playback.timer) };
  window.__diplograph = {
    ready: true,
    error: null,
    visibleEdges: () => [...vis.edges].sort(),
    visibleNodes: () => [...vis.nodes].sort(),
    state: () => ({ ...state, relations: [...state.relations], types: [...state.types] }),
    tableRows: () => [...rows.rows].map((i) => (i < 0 ? `group:${rows.groups[-1 - i]?.key}` : (events().keys[i] as string))),
    dyadEdges: () => [...weights.dyads].map(([key, weight]) => ({ key, weight, color: String(sigma.getEdgeDisplayData(key)?.color ?? "") })).sort((a, b) => (a.key < b.key ? -1 : 1)),
    nodePosition: (id) => {
      const d = sigma.getNodeDisplayData(id);
      if (!d) return null;
      // Display data are in sigma's framed coordinates (not the graph's).
      const p = sigma.framedGraphToViewport({ x: d.x, y: d.y });
      const { width, height } = sigma.getDimensions();
      return { x: p.x, y: p.y, width, height };
    },
    compareRows: () => changes.map((c) => ({ key: c.key, status: c.status, before: c.before, after: c.after })),
    playing: () => playback !== null,
    fadedEdges: () => [...vis.faded.keys()].sort(),
  };
  update({});
  revealSelection();
  if (missing) {
    panel.hidden = false;
    panel.replaceChildren(h("p", { class: "notice" }, `${missing} was not found in this graph.`));
  }
}

/** "Entity “x”" or "Event “x”" when the selection names nothing in the graph. */
function unknownSelection(graph: ViewGraph, selected: string | null): string | null {
  if (selected?.startsWith("node:") && !graph.hasNode(selected.slice(5))) return `Entity “${selected.slice(5)}”`;
  if (selected?.startsWith("edge:") && !graph.hasEdge(selected.slice(5))) return `Event “${selected.slice(5)}”`;
  return null;
}

interface Suggestion {
  id: string;
  label: string;
  kind: string;
}

/**
 * The search box: suggestions for what is typed (from `find`, which may ask the server), chosen
 * with the mouse or the arrow keys and Enter. A later keystroke's answer wins over an earlier one.
 */
function setUpSuggestions(find: (q: string) => Suggestion[] | Promise<Suggestion[]>, choose: (id: string) => void): void {
  const input = fresh<HTMLInputElement>("search");
  const list = $<HTMLUListElement>("suggestions");
  let items: Suggestion[] = [];
  let active = 0;
  let asked = 0;
  const render = () => {
    list.replaceChildren(
      ...items.map((it, i) => {
        const li = h("li", { role: "option", "aria-selected": String(i === active), "data-id": it.id }, h("span", {}, it.label), h("span", { class: "kind" }, it.kind));
        li.addEventListener("mousedown", (e) => {
          e.preventDefault();
          pick(i);
        });
        return li;
      }),
    );
    list.hidden = items.length === 0;
  };
  const pick = (i: number) => {
    const it = items[i];
    if (!it) return;
    input.value = it.label;
    items = [];
    render();
    choose(it.id);
  };
  input.addEventListener("input", () => {
    const q = input.value.trim();
    const mine = ++asked;
    active = 0;
    void Promise.resolve(q ? find(q) : []).then(
      (found) => {
        if (mine !== asked) return;
        items = found;
        render();
      },
      () => undefined,
    );
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") active = Math.min(items.length - 1, active + 1);
    else if (e.key === "ArrowUp") active = Math.max(0, active - 1);
    else if (e.key === "Enter") return pick(active);
    else if (e.key === "Escape") items = [];
    else return;
    e.preventDefault();
    render();
  });
  input.addEventListener("blur", () => {
    items = [];
    render();
  });
}

/** Search over the whole large build, on the server; choosing an entity opens its neighbourhood. */
function setUpServerSearch(lg: LargeGraph, choose: (id: string) => void): void {
  setUpSuggestions(async (q) => (await lg.search(q)).results.map((r) => ({ id: r.id, label: r.label, kind: r.type })), choose);
}

/** Search over every alias of the graph shown. */
function setUpSearch(graph: ViewGraph, choose: (id: string) => void): void {
  const index = graph.mapNodes((id, a) => ({ id, label: a.label, kind: a.kind, rank: a.pagerank, names: [a.label, a.labelEn ?? "", ...a.aliases].map((n) => n.toLowerCase()) }));
  setUpSuggestions((text) => {
    const q = text.toLowerCase();
    return index
      .map((e) => ({ e, score: e.names.some((n) => n === q) ? 3 : e.names.some((n) => n.startsWith(q)) ? 2 : e.names.some((n) => n.includes(q)) ? 1 : 0 }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || b.e.rank - a.e.rank)
      .slice(0, 8)
      .map(({ e }) => ({ id: e.id, label: e.label, kind: e.kind }));
  }, choose);
}

window.addEventListener("error", (e) => (window.__diplograph.error = String(e.message)));
void start();
