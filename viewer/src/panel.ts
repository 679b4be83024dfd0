/**
 * The side panel: an entity (labels, roles, Wikidata link, metrics, its events with the sentence
 * and document each was read in) or a pair of entities (their events). Built with DOM nodes and
 * textContent only: text from documents is never parsed as HTML.
 */
import { datePrecision } from "../../src/model/dates";
import type { ContactEvent } from "../../src/model/types";
import type { ViewGraph } from "./data";
import { RELATION_LABELS } from "./data";
import type { ViewState } from "./state";

type Child = Node | string | null | undefined | false;

export function h(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === "string" ? document.createTextNode(c) : c);
  return el;
}

export interface PanelActions {
  select(selection: string | null): void;
}

/** The country view's panel: an actor and its dyads, or a dyad and its events. */
export interface ActorPanel {
  title: string;
  sub: string;
  /** Dyads of an actor: counterpart, contacts, selection to make. */
  dyads?: { label: string; count: number; select: string }[];
  events?: ContactEvent[];
}

export function renderActorPanel(panel: HTMLElement, graph: ViewGraph, state: ViewState, content: ActorPanel | null, actions: PanelActions): void {
  panel.replaceChildren();
  if (!content) {
    panel.hidden = true;
    return;
  }
  const close = h("button", { class: "close", type: "button", "aria-label": "Close" }, "×");
  close.addEventListener("click", () => actions.select(null));
  panel.append(close, h("h2", {}, content.title), h("p", { class: "sub" }, content.sub));
  if (content.dyads) {
    panel.append(h("h3", {}, `Counterparts (${content.dyads.length})`));
    const list = h("ul", { class: "dyads" });
    for (const d of content.dyads) {
      const b = h("button", { class: "link", type: "button" }, d.label);
      b.addEventListener("click", () => actions.select(d.select));
      list.append(h("li", {}, b, ` ${d.count} contact${d.count === 1 ? "" : "s"}`));
    }
    panel.append(list);
  }
  if (content.events) {
    panel.append(h("h3", {}, `Events (${content.events.length})`), ...content.events.map((ev) => eventItem(graph, state, ev, actions)));
  }
  panel.hidden = false;
}

/** A button naming an entity (in the chosen language) that selects it. */
function linkTo(graph: ViewGraph, state: ViewState, actions: PanelActions): (id: string) => HTMLElement {
  return (id) => {
    const a = graph.getNodeAttributes(id);
    const b = h("button", { class: "link", type: "button" }, state.lang === "en" && a.labelEn ? a.labelEn : a.label);
    b.addEventListener("click", () => actions.select(`node:${id}`));
    return b;
  };
}

function eventItem(graph: ViewGraph, state: ViewState, ev: ContactEvent, actions: PanelActions, from?: string): HTMLElement {
  const entityLink = linkTo(graph, state, actions);
  const other = from === undefined ? null : ev.subject.id === from ? ev.object.id : ev.subject.id;
  const arrow = ev.relation === "called" || ev.relation === "met" ? "—" : ev.subject.id === from ? "→" : "←";
  const head = h(
    "div",
    { class: "head" },
    h("span", { class: "date", title: ev.date ? `${datePrecision(ev.date)} precision` : "the text gives no date" }, ev.date ?? "undated"),
    h("span", { class: "relation" }, RELATION_LABELS[ev.relation]),
    other ? arrow : null,
    other && graph.hasNode(other) ? entityLink(other) : null,
    from === undefined && graph.hasNode(ev.subject.id) ? entityLink(ev.subject.id) : null,
    from === undefined ? "—" : null,
    from === undefined && graph.hasNode(ev.object.id) ? entityLink(ev.object.id) : null,
    ev.initiator ? h("span", { class: "initiator" }, `initiator: ${ev.initiator.label}`) : null,
    ev.amount ? h("span", { class: "amount" }, `${ev.amount.value.toLocaleString("en")} ${ev.amount.currency}`) : null,
  );
  const sources = ev.sources.map((s) => h("div", { class: "source" }, h("blockquote", {}, s.text), h("div", { class: "doc" }, `${s.doc} · ${s.start}–${s.end}`)));
  return h("div", { class: state.selected === `edge:${ev.id}` ? "event selected" : "event", "data-event": ev.id }, head, ...sources);
}

export function renderPanel(panel: HTMLElement, graph: ViewGraph, state: ViewState, visibleEdges: Set<string>, actions: PanelActions): void {
  panel.replaceChildren();
  const sel = state.selected;
  if (!sel) {
    panel.hidden = true;
    return;
  }
  const close = h("button", { class: "close", type: "button", "aria-label": "Close" }, "×");
  close.addEventListener("click", () => actions.select(null));
  panel.append(close);
  const entityLink = linkTo(graph, state, actions);

  if (sel.startsWith("node:")) {
    const id = sel.slice(5);
    if (!graph.hasNode(id)) return void (panel.hidden = true);
    const a = graph.getNodeAttributes(id);
    panel.append(h("h2", {}, a.label), h("p", { class: "sub" }, [a.labelEn, a.kind, id].filter(Boolean).join(" · ")));
    const wikidata = a.codes?.wikidata;
    if (wikidata) panel.append(h("p", {}, h("a", { href: `https://www.wikidata.org/wiki/${encodeURIComponent(wikidata)}`, target: "_blank", rel: "noopener noreferrer" }, `Wikidata ${wikidata}`)));
    if (a.roles.length) panel.append(h("h3", {}, "Roles"), h("ul", {}, ...a.roles.map((r) => h("li", {}, `${r.then ? "时任 " : ""}${r.of.label} ${r.title}${r.titleEn ? ` (${r.titleEn})` : ""}`))));
    if (a.aliases.length) panel.append(h("h3", {}, "Also written"), h("p", {}, a.aliases.join(" · ")));
    panel.append(h("p", { class: "sub" }, `PageRank ${a.pagerank.toFixed(4)} · ${a.degree} counterparts · community ${a.community}`));
    const events = graph.edges(id).filter((k) => visibleEdges.has(k)).map((k) => graph.getEdgeAttributes(k));
    events.sort((x, y) => ((x.date ?? "9999") < (y.date ?? "9999") ? -1 : (x.date ?? "9999") > (y.date ?? "9999") ? 1 : 0));
    panel.append(h("h3", {}, `Events (${events.length})`), ...events.map((ev) => eventItem(graph, state, ev, actions, id)));
  } else {
    const key = sel.slice(5);
    if (!graph.hasEdge(key)) return void (panel.hidden = true);
    const s = graph.source(key);
    const t = graph.target(key);
    panel.append(h("h2", {}, entityLink(s), " — ", entityLink(t)));
    const events = [...new Set([...graph.edges(s, t), ...graph.edges(t, s)])].map((k) => graph.getEdgeAttributes(k));
    events.sort((x, y) => ((x.date ?? "9999") < (y.date ?? "9999") ? -1 : 1));
    panel.append(h("h3", {}, `Events (${events.length})`), ...events.map((ev) => eventItem(graph, state, ev, actions, s)));
  }
  panel.hidden = false;
}
