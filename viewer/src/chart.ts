/**
 * Relations over time: contacts of the focus (an entity, a pair, a dyad or the whole view) per
 * week, month or year, stacked by relation, with who asked for them; dragging across the chart
 * sets the date filter. SVG built with createElementNS and textContent.
 */
import type { Relation } from "../../src/model/types";
import { bucketLabel, bucketOf, bucketSpan, dateSpan, eventDate, type Granularity } from "../../src/model/dates";
import { RELATION_COLORS, RELATION_LABELS } from "./data";
import { h } from "./panel";
import { RELATIONS } from "./state";

const NS = "http://www.w3.org/2000/svg";

export interface ChartData {
  title: string;
  /** Date and relation of each contact. */
  events: { date: string | null; datePrecision?: string | null; relation: Relation }[];
  granularity: Granularity;
  from: string | null;
  to: string | null;
  /** Who asked: shares to show (label, count, color). */
  asked: { label: string; count: number; color: string }[];
}

const svgEl = (tag: string, attrs: Record<string, string | number>) => {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
};

export class TimeChart {
  readonly root: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly heading: HTMLElement;
  private readonly share: HTMLElement;
  private readonly note: HTMLElement;
  readonly granularity: HTMLSelectElement;
  private buckets: number[] = [];
  private g: Granularity = "month";
  private last: ChartData | null = null;

  constructor(
    onRange: (from: string | null, to: string | null) => void,
    onGranularity: (g: Granularity) => void,
  ) {
    this.heading = h("h3", { class: "chart-title" });
    this.granularity = h("select", { "aria-label": "Contacts per" }) as HTMLSelectElement;
    for (const g of ["week", "month", "year"]) this.granularity.append(h("option", { value: g }, `per ${g}`));
    this.granularity.addEventListener("change", () => onGranularity(this.granularity.value as Granularity));
    this.svg = document.createElementNS(NS, "svg") as SVGSVGElement;
    this.svg.setAttribute("id", "time-chart");
    this.svg.setAttribute("role", "img");
    this.share = h("div", { class: "asked", id: "asked" });
    this.note = h("div", { class: "chart-note" });
    const legend = h("div", { class: "chart-legend" }, ...RELATIONS.map((r) => h("span", {}, h("span", { class: "swatch", style: `background:${RELATION_COLORS[r]}` }), RELATION_LABELS[r])));
    this.root = h("div", { class: "chart", id: "chart" }, h("div", { class: "chart-head" }, this.heading, this.granularity), this.svg, legend, this.share, this.note);

    let dragFrom: number | null = null;
    const bucketAt = (ev: MouseEvent) => {
      const r = this.svg.getBoundingClientRect();
      const n = this.buckets.length;
      const i = Math.floor(((ev.clientX - r.left - 24) / Math.max(1, r.width - 24)) * n);
      return Math.max(0, Math.min(n - 1, i));
    };
    this.svg.addEventListener("mousedown", (ev) => {
      if (!this.buckets.length) return;
      dragFrom = bucketAt(ev);
      ev.preventDefault();
    });
    window.addEventListener("mouseup", (ev) => {
      if (dragFrom === null) return;
      const to = bucketAt(ev);
      const [a, b] = dragFrom <= to ? [dragFrom, to] : [to, dragFrom];
      dragFrom = null;
      onRange(bucketSpan(this.buckets[a] as number, this.g).start, bucketSpan(this.buckets[b] as number, this.g).end);
    });
    this.svg.addEventListener("dblclick", () => onRange(null, null));
    new ResizeObserver(() => this.last && this.draw(this.last)).observe(this.svg);
  }

  draw(data: ChartData): void {
    this.last = data;
    this.g = data.granularity;
    this.granularity.value = data.granularity;
    this.heading.textContent = data.title;
    const counts = new Map<number, Record<Relation, number>>();
    let coarse = 0;
    let undated = 0;
    for (const e of data.events) {
      if (!e.date) {
        undated++;
        continue;
      }
      const b = bucketOf(eventDate(e), data.granularity);
      if (b === null) {
        coarse++;
        continue;
      }
      let c = counts.get(b);
      if (!c) counts.set(b, (c = { called: 0, met: 0, wrote_to: 0, pledged_to: 0 }));
      c[e.relation]++;
    }
    const keys = [...counts.keys()];
    const lo = keys.length ? Math.min(...keys) : 0;
    const hi = keys.length ? Math.max(...keys) : -1;
    this.buckets = [];
    for (let b = lo; b <= hi && this.buckets.length < 5000; b++) this.buckets.push(b);
    this.svg.replaceChildren();
    const width = this.svg.clientWidth || 360;
    const height = this.svg.clientHeight || 150;
    this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const n = this.buckets.length;
    const total = data.events.length;
    this.svg.setAttribute("aria-label", `${total} contacts by ${data.granularity}`);
    const left = 24;
    const bottom = 14;
    const top = 12;
    const plotH = height - bottom - top;
    const max = Math.max(1, ...[...counts.values()].map((c) => c.called + c.met + c.wrote_to + c.pledged_to));
    // y axis: 0 and the maximum
    for (const v of [0, max]) {
      const y = top + plotH - (plotH * v) / max;
      this.svg.append(svgEl("line", { x1: left, x2: width, y1: y, y2: y, class: "grid" }));
      const t = svgEl("text", { x: left - 3, y: y + 3, class: "axis", "text-anchor": "end" });
      t.textContent = String(v);
      this.svg.append(t);
    }
    const bw = n ? (width - left) / n : 0;
    const lo2 = data.from ? dateSpan(data.from)?.start ?? null : null;
    const hi2 = data.to ? dateSpan(data.to)?.end ?? null : null;
    this.buckets.forEach((b, i) => {
      const c = counts.get(b);
      const span = bucketSpan(b, data.granularity);
      const inRange = (!lo2 || span.end >= lo2) && (!hi2 || span.start <= hi2);
      const group = svgEl("g", { class: `bucket${inRange ? " in" : ""}`, "data-bucket": bucketLabel(b, data.granularity) });
      let y = top + plotH;
      const parts: string[] = [];
      for (const r of RELATIONS) {
        const v = c?.[r] ?? 0;
        if (!v) continue;
        const hgt = (plotH * v) / max;
        y -= hgt;
        group.append(svgEl("rect", { x: left + i * bw + 0.5, y, width: Math.max(1, bw - 1), height: hgt, fill: RELATION_COLORS[r], "data-relation": r, "data-count": v }));
        parts.push(`${r} ${v}`);
      }
      const title = document.createElementNS(NS, "title");
      title.textContent = `${bucketLabel(b, data.granularity)}: ${parts.length ? parts.join(", ") : "no contacts"}`;
      group.append(title);
      this.svg.append(group);
    });
    if (n && (lo2 || hi2)) {
      const a = this.buckets.findIndex((b) => !lo2 || bucketSpan(b, data.granularity).end >= lo2);
      let z = -1;
      this.buckets.forEach((b, i) => {
        if (!hi2 || bucketSpan(b, data.granularity).start <= hi2) z = i;
      });
      if (a >= 0 && z >= a) this.svg.append(svgEl("rect", { class: "brush", x: left + a * bw, y: top - 2, width: (z - a + 1) * bw, height: plotH + 2 }));
    }
    const step = Math.max(1, Math.ceil(n / Math.max(1, Math.floor((width - left) / 64))));
    for (let i = 0; i < n; i += step) {
      const t = svgEl("text", { x: left + i * bw + 1, y: height - 2, class: "axis" });
      t.textContent = bucketLabel(this.buckets[i] as number, data.granularity);
      this.svg.append(t);
    }
    if (!n) {
      const t = svgEl("text", { x: width / 2, y: height / 2, class: "axis", "text-anchor": "middle" });
      t.textContent = "no dated contacts";
      this.svg.append(t);
    }
    // Who asked
    const asked = data.asked.filter((s) => s.count > 0);
    const sum = data.asked.reduce((s, x) => s + x.count, 0);
    this.share.replaceChildren(
      h("span", { class: "label" }, "Asked by"),
      h("span", { class: "bar" }, ...asked.map((s) => h("span", { style: `background:${s.color};flex:${s.count}`, title: `${s.label}: ${s.count}` }))),
      h("span", { class: "shares" }, sum ? data.asked.map((s) => `${s.label} ${Math.round((100 * s.count) / sum)}% (${s.count})`).join(" · ") : "no contacts"),
    );
    this.note.textContent = [coarse ? `${coarse} dated too coarsely for a ${data.granularity}` : "", undated ? `${undated} undated` : ""].filter(Boolean).join(" · ") + (coarse || undated ? " (not in the chart)" : "");
  }
}
