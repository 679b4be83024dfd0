/**
 * The Diplograph explorer: sigma v3 over the Graphology graph of a build. Nodes colored by type
 * (or community) and sized by PageRank (or degree); edges colored by relation, arrows on the
 * directed ones; search over every alias; relation and type filters; a timeline brush; a side
 * panel with every event's source sentence; the view kept in the URL.
 */
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram, EdgeRectangleProgram, NodeCircleProgram, NodePointProgram } from "sigma/rendering";
import { downloadAsPNG } from "@sigma/export-image";
import { communityColor, fetchGraph, GraphFileError, RELATION_COLORS, RELATION_LABELS, toViewGraph, TYPE_COLORS, type ViewGraph } from "./data";
import { readState, RELATIONS, TYPES, writeState, type ViewState } from "./state";
import { computeVisibility, type Visibility } from "./visibility";
import { initialPositions, Layout } from "./layout";
import { h, renderPanel } from "./panel";
import { Timeline } from "./timeline";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

interface TestHooks {
  ready: boolean;
  error: string | null;
  visibleEdges(): string[];
  visibleNodes(): string[];
  state(): Record<string, unknown>;
}
declare global {
  interface Window {
    __diplograph: TestHooks;
  }
}
window.__diplograph = { ready: false, error: null, visibleEdges: () => [], visibleNodes: () => [], state: () => ({}) };

let current: { sigma: Sigma; layout: Layout } | undefined;

async function start(): Promise<void> {
  const url = new URL(window.location.href);
  try {
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
      open(toViewGraph(JSON.parse(await file.text())), file.name);
    } catch (err) {
      showMessage(`${file.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

function open(graph: ViewGraph, source: string): void {
  showMessage(null);
  current?.layout.kill();
  current?.sigma.kill();
  const state = readState(new URL(window.location.href));
  // A link may name an entity or event this graph does not have: open the graph and say so.
  const missing = unknownSelection(graph, state.selected);
  if (missing) state.selected = null;
  let vis: Visibility = computeVisibility(graph, state);
  let hovered: string | null = null;

  // RDF download: next to the graph file, or the server's copy.
  const rdf = $<HTMLAnchorElement>("rdf");
  rdf.href = source === "api/graph" ? "files/graph.ttl" : new URL("graph.ttl", new URL(source, window.location.href)).href;

  const applyStyle = () => {
    const maxRank = Math.max(1e-9, ...graph.mapNodes((_id, a) => a.pagerank));
    const maxDegree = Math.max(1, ...graph.mapNodes((_id, a) => a.degree));
    graph.updateEachNodeAttributes((_id, a) => ({
      ...a,
      size: 3 + 15 * Math.sqrt(state.size === "pagerank" ? a.pagerank / maxRank : a.degree / maxDegree),
      color: state.color === "community" ? communityColor(a.community) : TYPE_COLORS[a.kind],
      label: state.lang === "en" && a.labelEn ? a.labelEn : a.label,
    }));
  };
  applyStyle();
  initialPositions(graph);

  const container = $("graph");
  // Past 10,000 events, lighter programs (1-px lines, square points) keep panning fluid.
  const large = graph.size > 10_000;
  const sigma = new Sigma(graph, container, {
    renderEdgeLabels: false,
    enableEdgeEvents: true,
    defaultEdgeType: "line",
    edgeProgramClasses: { line: large ? EdgeLineProgram : EdgeRectangleProgram, arrow: large ? EdgeLineProgram : EdgeArrowProgram },
    nodeProgramClasses: { circle: large ? NodePointProgram : NodeCircleProgram },
    labelDensity: large ? 0.07 : 1,
    hideEdgesOnMove: large,
    hideLabelsOnMove: large,
    labelRenderedSizeThreshold: graph.order > 2000 ? 12 : 4,
    labelFont: 'system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif',
    zIndex: true,
    nodeReducer: (node, data) => {
      if (!vis.nodes.has(node)) return { ...data, hidden: true };
      const focus = hovered ?? (state.selected?.startsWith("node:") ? state.selected.slice(5) : null);
      if (focus && focus !== node && !graph.areNeighbors(focus, node)) return { ...data, color: "#d8dbe0", label: "", zIndex: 0 };
      if (focus === node) return { ...data, highlighted: true, zIndex: 2 };
      return { ...data, zIndex: 1 };
    },
    edgeReducer: (edge, data) => {
      if (!vis.edges.has(edge)) return { ...data, hidden: true };
      const focus = hovered ?? (state.selected?.startsWith("node:") ? state.selected.slice(5) : null);
      if (focus && !graph.hasExtremity(edge, focus)) return { ...data, color: "#eceef1", zIndex: 0 };
      if (state.selected === `edge:${edge}`) return { ...data, size: 4, zIndex: 2 };
      return { ...data, zIndex: 1 };
    },
  });

  const layout = new Layout(graph);
  const layoutButton = $<HTMLButtonElement>("layout");
  layout.onChange = (running) => (layoutButton.textContent = running ? "Stop layout" : "Run layout");
  layoutButton.onclick = () => (layout.running ? layout.stop() : layout.start());
  layout.start();
  current = { sigma, layout };

  const timeline = new Timeline($<SVGSVGElement & HTMLElement>("histogram") as unknown as SVGSVGElement, (from, to) => update({ from, to }));
  timeline.setData(graph);

  const panel = $("panel");
  const select = (selection: string | null, focus = false) => {
    update({ selected: selection });
    if (focus && selection?.startsWith("node:")) {
      const d = sigma.getNodeDisplayData(selection.slice(5));
      if (d) void sigma.getCamera().animate({ x: d.x, y: d.y, ratio: 0.35 }, { duration: 400 });
    }
  };

  function update(change: Partial<ViewState>): void {
    const filtersChanged = ["relations", "types", "from", "to", "selected"].some((k) => k in change);
    Object.assign(state, change);
    if ("color" in change || "size" in change || "lang" in change) applyStyle();
    if (filtersChanged) vis = computeVisibility(graph, state);
    writeState(state);
    syncControls();
    renderPanel(panel, graph, state, vis.edges, { select: (s) => select(s, true) });
    timeline.draw(state.from, state.to);
    $("counts").textContent = `${vis.nodes.size} entities · ${vis.edges.size} events shown`;
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
  const color = $<HTMLSelectElement>("color");
  const size = $<HTMLSelectElement>("size");
  const lang = $<HTMLSelectElement>("lang");
  color.onchange = () => update({ color: color.value === "community" ? "community" : "type" });
  size.onchange = () => update({ size: size.value === "degree" ? "degree" : "pagerank" });
  lang.onchange = () => update({ lang: lang.value === "en" ? "en" : "zh" });
  const from = $<HTMLInputElement>("from");
  const to = $<HTMLInputElement>("to");
  from.onchange = () => update({ from: from.value || null });
  to.onchange = () => update({ to: to.value || null });
  $("clear-range").onclick = () => update({ from: null, to: null });
  $("png").onclick = () => void downloadAsPNG(sigma, { fileName: "diplograph", backgroundColor: "#ffffff" });

  function syncControls(): void {
    color.value = state.color;
    size.value = state.size;
    lang.value = state.lang;
    from.value = state.from ?? "";
    to.value = state.to ?? "";
    document.querySelectorAll<HTMLInputElement>("#relations input").forEach((i) => (i.checked = state.relations.has(i.value as never)));
    document.querySelectorAll<HTMLInputElement>("#types input").forEach((i) => (i.checked = state.types.has(i.value as never)));
    const legend = $("legend");
    legend.replaceChildren(
      ...(state.color === "type"
        ? TYPES.map((t) => h("div", {}, h("span", { class: "swatch", style: `background:${TYPE_COLORS[t]}` }), t))
        : [h("div", {}, "Colored by Louvain community")]),
    );
  }

  // Search with suggestions over every alias
  setUpSearch(graph, (id) => select(`node:${id}`, true));

  // Graph events
  sigma.on("enterNode", ({ node }) => {
    hovered = node;
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on("leaveNode", () => {
    hovered = null;
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on("clickNode", ({ node }) => select(`node:${node}`));
  sigma.on("clickEdge", ({ edge }) => select(`edge:${edge}`));
  sigma.on("clickStage", () => select(null));

  window.__diplograph = {
    ready: true,
    error: null,
    visibleEdges: () => [...vis.edges].sort(),
    visibleNodes: () => [...vis.nodes].sort(),
    state: () => ({ ...state, relations: [...state.relations], types: [...state.types] }),
  };
  update({});
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

function setUpSearch(graph: ViewGraph, choose: (id: string) => void): void {
  const input = $<HTMLInputElement>("search");
  const list = $<HTMLUListElement>("suggestions");
  const index = graph.mapNodes((id, a) => ({ id, label: a.label, kind: a.kind, rank: a.pagerank, names: [a.label, a.labelEn ?? "", ...a.aliases].map((n) => n.toLowerCase()) }));
  let items: { id: string; label: string; kind: string }[] = [];
  let active = 0;
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
    const q = input.value.trim().toLowerCase();
    active = 0;
    items = q
      ? index
          .map((e) => ({ e, score: e.names.some((n) => n === q) ? 3 : e.names.some((n) => n.startsWith(q)) ? 2 : e.names.some((n) => n.includes(q)) ? 1 : 0 }))
          .filter((x) => x.score > 0)
          .sort((a, b) => b.score - a.score || b.e.rank - a.e.rank)
          .slice(0, 8)
          .map(({ e }) => ({ id: e.id, label: e.label, kind: e.kind }))
      : [];
    render();
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

window.addEventListener("error", (e) => (window.__diplograph.error = String(e.message)));
void start();
