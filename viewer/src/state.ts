/**
 * What the analyst is looking at — selection, filters, date range, styling — and its mirror in
 * the URL, so that a view can be shared by link and survives a reload.
 */
import type { EntityType, Relation } from "../../src/model/types";

export const RELATIONS: Relation[] = ["called", "met", "wrote_to", "pledged_to"];
export const TYPES: EntityType[] = ["Person", "Country", "Organization", "Place"];

export interface ViewState {
  /** "node:<id>", "edge:<key>" or null. */
  selected: string | null;
  relations: Set<Relation>;
  types: Set<EntityType>;
  from: string | null;
  to: string | null;
  color: "type" | "community";
  size: "pagerank" | "degree";
  lang: "zh" | "en";
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function list<T extends string>(value: string | null, allowed: readonly T[]): Set<T> {
  if (value === null) return new Set(allowed);
  return new Set(value.split(",").filter((v): v is T => (allowed as readonly string[]).includes(v)));
}

export function readState(url: URL): ViewState {
  const p = url.searchParams;
  const from = p.get("from");
  const to = p.get("to");
  const node = p.get("node");
  const edge = p.get("edge");
  return {
    selected: node ? `node:${node}` : edge ? `edge:${edge}` : null,
    relations: list(p.get("rel"), RELATIONS),
    types: list(p.get("types"), TYPES),
    from: from && DATE.test(from) ? from : null,
    to: to && DATE.test(to) ? to : null,
    color: p.get("color") === "community" ? "community" : "type",
    size: p.get("size") === "degree" ? "degree" : "pagerank",
    lang: p.get("lang") === "en" ? "en" : "zh",
  };
}

/** Writes the state into the URL (replacing the history entry); defaults are left out. */
export function writeState(state: ViewState, url = new URL(window.location.href)): void {
  const p = url.searchParams;
  const set = (key: string, value: string | null) => (value === null ? p.delete(key) : p.set(key, value));
  set("node", state.selected?.startsWith("node:") ? state.selected.slice(5) : null);
  set("edge", state.selected?.startsWith("edge:") ? state.selected.slice(5) : null);
  set("rel", state.relations.size === RELATIONS.length ? null : RELATIONS.filter((r) => state.relations.has(r)).join(","));
  set("types", state.types.size === TYPES.length ? null : TYPES.filter((t) => state.types.has(t)).join(","));
  set("from", state.from);
  set("to", state.to);
  set("color", state.color === "type" ? null : state.color);
  set("size", state.size === "pagerank" ? null : state.size);
  set("lang", state.lang === "zh" ? null : state.lang);
  window.history.replaceState(null, "", url);
}
