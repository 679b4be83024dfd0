/**
 * What the analyst is looking at — selection, filters, date range, styling, the workbench (table,
 * sort, country view, chart, period comparison) — and its mirror in the URL, so that a view can
 * be shared by link and survives a reload.
 */
import type { EntityType, Relation } from "../../src/model/types";
import type { Granularity } from "../../src/model/dates";
import { isDateBound } from "../../src/model/dates";

export const RELATIONS: Relation[] = ["called", "met", "wrote_to", "pledged_to"];
export const TYPES: EntityType[] = ["Person", "Country", "Organization", "Place"];
export const COLUMNS = ["date", "relation", "subject", "object", "initiator", "amount", "sources", "sentence"] as const;
export type Column = (typeof COLUMNS)[number];
export const WINDOWS = ["week", "month", "quarter"] as const;
export type PlayWindow = (typeof WINDOWS)[number];

export interface Range {
  from: string;
  to: string;
}

export interface ViewState {
  /** "node:<id>", "edge:<key>" or null (in the country view: an actor, a dyad "<a>|<b>"). */
  selected: string | null;
  /** Whose events the table and the chart show: "node:<id>", "pair:<a>|<b>" (a dyad) or null (the whole view). */
  focus: string | null;
  relations: Set<Relation>;
  types: Set<EntityType>;
  /** Date bounds: YYYY-MM-DD (or YYYY-MM, YYYY). */
  from: string | null;
  to: string | null;
  color: "type" | "community";
  size: "pagerank" | "degree";
  lang: "zh" | "en";
  /** The workbench under the graph: closed, open (height in px) or maximized. */
  table: "closed" | "open" | "max";
  tableHeight: number;
  tab: "events" | "compare";
  sort: Column;
  desc: boolean;
  /** Country view: persons folded into the country or organization they act for. */
  countries: boolean;
  granularity: Granularity;
  window: PlayWindow;
  /** Periods compared (A → B). */
  compareA: Range | null;
  compareB: Range | null;
}

function list<T extends string>(value: string | null, allowed: readonly T[]): Set<T> {
  if (value === null) return new Set(allowed);
  return new Set(value.split(",").filter((v): v is T => (allowed as readonly string[]).includes(v)));
}

const dateOrNull = (v: string | null) => (v && isDateBound(v) ? v : null);

function range(v: string | null): Range | null {
  const [from, to] = (v ?? "").split("..");
  return from && to && isDateBound(from) && isDateBound(to) ? { from, to } : null;
}

function oneOf<T extends string>(v: string | null, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(v ?? "") ? (v as T) : fallback;
}

export function readState(url: URL): ViewState {
  const p = url.searchParams;
  const node = p.get("node");
  const edge = p.get("edge");
  const focus = p.get("focus");
  const sort = p.get("sort") ?? "date";
  const height = Number(p.get("th"));
  const selected = node ? `node:${node}` : edge ? `edge:${edge}` : null;
  return {
    selected,
    focus: focus ? (focus.includes("|") ? `pair:${focus}` : `node:${focus}`) : selected?.startsWith("node:") ? selected : null,
    relations: list(p.get("rel"), RELATIONS),
    types: list(p.get("types"), TYPES),
    from: dateOrNull(p.get("from")),
    to: dateOrNull(p.get("to")),
    color: p.get("color") === "community" ? "community" : "type",
    size: p.get("size") === "degree" ? "degree" : "pagerank",
    lang: p.get("lang") === "en" ? "en" : "zh",
    table: oneOf(p.get("table"), ["closed", "open", "max"] as const, "closed"),
    tableHeight: Number.isFinite(height) && height >= 120 ? Math.round(height) : 300,
    tab: p.get("tab") === "compare" ? "compare" : "events",
    sort: oneOf(sort.replace(/^-/, ""), COLUMNS, "date"),
    desc: sort.startsWith("-"),
    countries: p.get("view") === "countries",
    granularity: oneOf(p.get("by"), ["week", "month", "year"] as const, "month"),
    window: oneOf(p.get("win"), WINDOWS, "month"),
    compareA: range(p.get("a")),
    compareB: range(p.get("b")),
  };
}

/** Writes the state into the URL (replacing the history entry); defaults are left out. */
export function writeState(state: ViewState, url = new URL(window.location.href)): void {
  const p = url.searchParams;
  const set = (key: string, value: string | null) => (value === null ? p.delete(key) : p.set(key, value));
  set("node", state.selected?.startsWith("node:") ? state.selected.slice(5) : null);
  set("edge", state.selected?.startsWith("edge:") ? state.selected.slice(5) : null);
  // The focus is written when it is not simply the selected node.
  set("focus", state.focus && state.focus !== state.selected ? state.focus.slice(5) : null);
  set("rel", state.relations.size === RELATIONS.length ? null : RELATIONS.filter((r) => state.relations.has(r)).join(","));
  set("types", state.types.size === TYPES.length ? null : TYPES.filter((t) => state.types.has(t)).join(","));
  set("from", state.from);
  set("to", state.to);
  set("color", state.color === "type" ? null : state.color);
  set("size", state.size === "pagerank" ? null : state.size);
  set("lang", state.lang === "zh" ? null : state.lang);
  set("table", state.table === "closed" ? null : state.table);
  set("th", state.table === "open" && state.tableHeight !== 300 ? String(state.tableHeight) : null);
  set("tab", state.tab === "events" ? null : state.tab);
  set("sort", state.sort === "date" && !state.desc ? null : `${state.desc ? "-" : ""}${state.sort}`);
  set("view", state.countries ? "countries" : null);
  set("by", state.granularity === "month" ? null : state.granularity);
  set("win", state.window === "month" ? null : state.window);
  set("a", state.compareA ? `${state.compareA.from}..${state.compareA.to}` : null);
  set("b", state.compareB ? `${state.compareB.from}..${state.compareB.to}` : null);
  window.history.replaceState(null, "", url);
}
