/**
 * The events of the graph as table rows: one array entry per event (edge), each folded once into
 * its pair and its country dyad (src/graph/dyads.ts), sort orders computed once per column and
 * reused (filtering a sorted order is linear, so a filter change or a playback step never sorts
 * 200,000 rows again), grouping by dyad, and the CSV / JSON lines export of the rows shown.
 */
import type { ContactEvent, EntityType } from "../../src/model/types";
import { ActorIndex, foldEvent, type ActorRef, type EntityLike } from "../../src/graph/dyads";
import { datePrecision, dateSortKey, eventDate } from "../../src/model/dates";
import { RELATION_LABELS, type ViewGraph } from "./data";
import type { Column, ViewState } from "./state";

export interface Group {
  key: string;
  a: ActorRef;
  b: ActorRef;
  count: number;
  asked: { a: number; b: number; none: number };
}

/** Rows shown: event indexes (≥ 0) and group headers (−1 − group index). */
export interface Rows {
  rows: Int32Array;
  groups: Group[];
  /** Events shown (group headers aside). */
  events: number;
  /** Events in view left out of the country view because both parties act for one actor. */
  internal: number;
}

export class EventTable {
  readonly keys: string[] = [];
  readonly events: ContactEvent[] = [];
  readonly pairKey: string[] = [];
  /** Country dyad of each event ("" when both parties act for the same actor). */
  readonly dyadKey: string[] = [];
  readonly dyadInitiator: ("a" | "b" | "none")[] = [];
  /** Entity types of each event's parties (for the type filter). */
  readonly subjectKind: EntityType[] = [];
  readonly objectKind: EntityType[] = [];
  readonly actors = new Map<string, ActorRef>();
  readonly index: Map<string, number> = new Map();
  private readonly orders = new Map<string, Int32Array>();
  private readonly folder: ActorIndex;

  constructor(private readonly graph: ViewGraph) {
    const entities: EntityLike[] = graph.mapNodes((id, a) => ({ id, type: a.kind, label: a.label, labelEn: a.labelEn, roles: a.roles }));
    const folder = (this.folder = new ActorIndex(entities));
    graph.forEachEdge((key, e, _s, _t, sa, ta) => {
      const i = this.keys.length;
      this.subjectKind.push(sa.kind);
      this.objectKind.push(ta.kind);
      this.keys.push(key);
      this.events.push(e);
      this.index.set(key, i);
      const s = e.subject.id;
      const o = e.object.id;
      this.pairKey.push(s < o ? `${s}|${o}` : `${o}|${s}`);
      const f = foldEvent(folder, e);
      this.dyadKey.push(f ? f.key : "");
      this.dyadInitiator.push(f ? f.initiator : "none");
      if (f) {
        this.actors.set(f.a.id, f.a);
        this.actors.set(f.b.id, f.b);
      }
    });
  }

  private name(id: string | undefined, fallback: string, lang: ViewState["lang"]): string {
    if (id === undefined) return "";
    if (!this.graph.hasNode(id)) return fallback;
    const a = this.graph.getNodeAttributes(id);
    return lang === "en" && a.labelEn ? a.labelEn : a.label;
  }

  /** The actor an entity acts for (undated). */
  actorOf(id: string): ActorRef {
    return this.folder.actorOf(id);
  }

  actorName(id: string, lang: ViewState["lang"]): string {
    const a = this.actors.get(id);
    if (!a) return this.name(id, id, lang);
    return lang === "en" && a.labelEn ? a.labelEn : a.label;
  }

  /** The cells of an event row, as text. */
  cells(i: number, lang: ViewState["lang"]): string[] {
    const e = this.events[i] as ContactEvent;
    const date = eventDate(e);
    const precision = datePrecision(date);
    return [
      date ? (precision === "day" ? date : `${date} (${precision})`) : "undated",
      RELATION_LABELS[e.relation] ?? e.relation,
      this.name(e.subject.id, e.subject.label, lang),
      this.name(e.object.id, e.object.label, lang),
      e.initiator ? this.name(e.initiator.id, e.initiator.label, lang) : "",
      e.amount ? `${e.amount.value.toLocaleString("en")} ${e.amount.currency}` : "",
      String(e.sources.length),
      e.sources[0]?.text ?? "",
    ];
  }

  /** All events sorted by a column (ascending; ties by date, then id), computed once per column and language. */
  order(column: Column, lang: ViewState["lang"]): Int32Array {
    const cacheKey = `${column}:${column === "subject" || column === "object" || column === "initiator" ? lang : ""}`;
    const cached = this.orders.get(cacheKey);
    if (cached) return cached;
    const n = this.events.length;
    const dates = this.events.map((e) => dateSortKey(eventDate(e)));
    let primary: (string | number)[];
    const text = (id: string | undefined, fallback: string) => (id === undefined ? "\uffff" : this.name(id, fallback, lang));
    switch (column) {
      case "date":
        primary = dates;
        break;
      case "relation":
        primary = this.events.map((e) => e.relation);
        break;
      case "subject":
        primary = this.events.map((e) => text(e.subject.id, e.subject.label));
        break;
      case "object":
        primary = this.events.map((e) => text(e.object.id, e.object.label));
        break;
      case "initiator":
        primary = this.events.map((e) => (e.initiator ? text(e.initiator.id, e.initiator.label) : "\uffff"));
        break;
      case "amount":
        primary = this.events.map((e) => (e.amount ? e.amount.value : Number.POSITIVE_INFINITY));
        break;
      case "sources":
        primary = this.events.map((e) => e.sources.length);
        break;
      case "sentence":
        primary = this.events.map((e) => e.sources[0]?.text ?? "\uffff");
        break;
    }
    // Text columns: the distinct values sorted once with the collator, rows then compared by rank.
    if (typeof primary[0] === "string" && column !== "date" && column !== "relation") {
      const collator = new Intl.Collator(lang === "en" ? "en" : "zh-Hans-CN");
      const distinct = [...new Set(primary as string[])].sort((p, q) => (p === "\uffff" ? 1 : q === "\uffff" ? -1 : collator.compare(p, q)));
      const rank = new Map(distinct.map((v, r) => [v, r]));
      primary = (primary as string[]).map((v) => rank.get(v) as number);
    }
    const numeric = typeof primary[0] === "number";
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((x, y) => {
      const p = primary[x] as string | number;
      const q = primary[y] as string | number;
      const c = numeric ? (p as number) - (q as number) || 0 : p === q ? 0 : p < q ? -1 : 1;
      if (c) return c;
      const d = dates[x] as string;
      const e = dates[y] as string;
      if (d !== e) return d < e ? -1 : 1;
      const k = this.keys[x] as string;
      const l = this.keys[y] as string;
      return k < l ? -1 : k > l ? 1 : 0;
    });
    const order = Int32Array.from(idx);
    this.orders.set(cacheKey, order);
    return order;
  }

  /** Does event i belong to the focus ("node:<id>", "pair:<a>|<b>")? */
  inFocus(i: number, focus: string | null, countries: boolean): boolean {
    if (!focus) return true;
    const id = focus.slice(5);
    if (focus.startsWith("pair:")) return countries ? this.dyadKey[i] === id : this.pairKey[i] === id;
    if (countries) {
      const d = this.dyadKey[i] as string;
      return d !== "" && (d.startsWith(`${id}|`) || d.endsWith(`|${id}`));
    }
    const e = this.events[i] as ContactEvent;
    return e.subject.id === id || e.object.id === id;
  }

  /** The rows of the table: the visible events in the focus, sorted; in the country view grouped by dyad. */
  rows(visible: { has(key: string): boolean }, state: ViewState): Rows {
    const order = this.order(state.sort, state.lang);
    const picked: number[] = [];
    let internal = 0;
    const n = order.length;
    for (let j = 0; j < n; j++) {
      const i = order[state.desc ? n - 1 - j : j] as number;
      if (!visible.has(this.keys[i] as string)) continue;
      if (!this.inFocus(i, state.focus, state.countries)) continue;
      if (state.countries && this.dyadKey[i] === "") {
        internal++;
        continue;
      }
      picked.push(i);
    }
    if (!state.countries) return { rows: Int32Array.from(picked), groups: [], events: picked.length, internal: 0 };
    const byDyad = new Map<string, number[]>();
    for (const i of picked) {
      const k = this.dyadKey[i] as string;
      const list = byDyad.get(k);
      if (list) list.push(i);
      else byDyad.set(k, [i]);
    }
    const groups: Group[] = [];
    const entries = [...byDyad].sort((x, y) => y[1].length - x[1].length || (x[0] < y[0] ? -1 : 1));
    const rows = new Int32Array(picked.length + entries.length);
    let r = 0;
    for (const [key, list] of entries) {
      const [a, b] = key.split("|") as [string, string];
      const asked = { a: 0, b: 0, none: 0 };
      for (const i of list) asked[this.dyadInitiator[i] as "a" | "b" | "none"]++;
      rows[r++] = -1 - groups.length;
      groups.push({ key, a: this.actors.get(a) as ActorRef, b: this.actors.get(b) as ActorRef, count: list.length, asked });
      for (const i of list) rows[r++] = i;
    }
    return { rows, groups, events: picked.length, internal };
  }

  /** CSV of the rows shown (group headers aside), with every source document and offsets. */
  toCsv(rows: Rows, state: ViewState): string {
    const header = ["event", "date", "date_precision", "relation", "subject_id", "subject", "object_id", "object", "initiator_id", "initiator", "amount_value", "amount_currency", "amount_text", "sources", "sentence", "documents"];
    if (state.countries) header.push("dyad");
    const lines = [header.map(csvCell).join(",")];
    for (const i of rows.rows) {
      if (i < 0) continue;
      const e = this.events[i] as ContactEvent;
      const cells = [
        e.id,
        eventDate(e) ?? "",
        datePrecision(eventDate(e)) ?? "",
        e.relation,
        e.subject.id,
        this.name(e.subject.id, e.subject.label, state.lang),
        e.object.id,
        this.name(e.object.id, e.object.label, state.lang),
        e.initiator?.id ?? "",
        e.initiator ? this.name(e.initiator.id, e.initiator.label, state.lang) : "",
        e.amount ? String(e.amount.value) : "",
        e.amount?.currency ?? "",
        e.amount?.text ?? "",
        String(e.sources.length),
        e.sources[0]?.text ?? "",
        e.sources.map((s) => `${s.doc}:${s.start}-${s.end}`).join(" | "),
      ];
      if (state.countries) cells.push(this.dyadKey[i] as string);
      lines.push(cells.map(csvCell).join(","));
    }
    return lines.join("\r\n") + "\r\n";
  }

  /** JSON lines of the rows shown: each event whole (sources with document and offsets). */
  toJsonl(rows: Rows, state: ViewState): string {
    const out: string[] = [];
    for (const i of rows.rows) {
      if (i < 0) continue;
      const e = this.events[i] as ContactEvent;
      const { id, relation, subject, object, date, initiator, amount, sources } = e;
      const record: Record<string, unknown> = { id, relation, subject, object, date, datePrecision: datePrecision(eventDate(e)), initiator, amount, sources };
      if (state.countries) record.dyad = this.dyadKey[i];
      out.push(JSON.stringify(record));
    }
    return out.length ? out.join("\n") + "\n" : "";
  }
}

function csvCell(v: string): string {
  // A leading =, +, - or @ would be a formula in a spreadsheet: quoted with a leading apostrophe.
  const s = /^[=+\-@]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
