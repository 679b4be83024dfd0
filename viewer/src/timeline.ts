/**
 * The timeline: a histogram of events by month with a brush (drag to choose a range, double
 * click to clear), kept in step with the From/To date inputs.
 */
import type { ViewGraph } from "./data";
import { bucketOf, bucketSpan, dateSpan, eventDate } from "../../src/model/dates";

const NS = "http://www.w3.org/2000/svg";

/** Month of a date of any precision (a year-precision date has none); a bound's month. */
function monthIndex(date: string, end = false): number {
  const s = dateSpan(date);
  return s ? (bucketOf(end ? s.end : s.start, "month") as number) : 0;
}
function monthStart(i: number): string {
  return bucketSpan(i, "month").start;
}
function monthEnd(i: number): string {
  return bucketSpan(i, "month").end;
}

export class Timeline {
  private first = 0;
  private counts: number[] = [];

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly onRange: (from: string | null, to: string | null) => void,
  ) {
    let dragFrom: number | null = null;
    const monthAt = (ev: MouseEvent) => {
      const r = this.svg.getBoundingClientRect();
      const i = Math.floor(((ev.clientX - r.left) / Math.max(1, r.width)) * this.counts.length);
      return this.first + Math.max(0, Math.min(this.counts.length - 1, i));
    };
    svg.addEventListener("mousedown", (ev) => (dragFrom = monthAt(ev)));
    window.addEventListener("mouseup", (ev) => {
      if (dragFrom === null) return;
      const to = monthAt(ev);
      const [a, b] = dragFrom <= to ? [dragFrom, to] : [to, dragFrom];
      dragFrom = null;
      this.onRange(monthStart(a), monthEnd(b));
    });
    svg.addEventListener("dblclick", () => this.onRange(null, null));
  }

  setData(graph: ViewGraph): void {
    const months: number[] = [];
    graph.forEachEdge((_k, e) => {
      const m = bucketOf(eventDate(e), "month");
      if (m !== null) months.push(m);
    });
    if (!months.length) {
      this.counts = [];
      return;
    }
    let first = Infinity;
    let last = -Infinity;
    for (const m of months) {
      if (m < first) first = m;
      if (m > last) last = m;
    }
    this.first = first;
    this.counts = new Array(last - this.first + 1).fill(0);
    for (const m of months) this.counts[m - this.first] = (this.counts[m - this.first] ?? 0) + 1;
  }

  /** Counts by month from the server (a large graph: the explorer does not hold every event). */
  setMonths(months: { month: string; events: number }[]): void {
    const indexed = months.map((m) => [monthIndex(`${m.month}-01`), m.events] as const).filter(([i]) => i > 0);
    if (!indexed.length) {
      this.counts = [];
      return;
    }
    this.first = indexed[0]?.[0] as number;
    this.counts = new Array((indexed[indexed.length - 1]?.[0] as number) - this.first + 1).fill(0);
    for (const [i, n] of indexed) this.counts[i - this.first] = n;
  }

  draw(from: string | null, to: string | null): void {
    this.svg.replaceChildren();
    const n = this.counts.length;
    if (!n) return;
    const width = this.svg.clientWidth || 800;
    const height = this.svg.clientHeight || 56;
    this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const max = this.counts.reduce((a, b) => Math.max(a, b), 1);
    const bw = width / n;
    const lo = from ? monthIndex(from) : -Infinity;
    const hi = to ? monthIndex(to, true) : Infinity;
    this.counts.forEach((c, i) => {
      const m = this.first + i;
      const barHeight = c ? Math.max(2, ((height - 14) * c) / max) : 0;
      const rect = document.createElementNS(NS, "rect");
      rect.setAttribute("class", m >= lo && m <= hi ? "bar in" : "bar");
      rect.setAttribute("x", String(i * bw + 1));
      rect.setAttribute("y", String(height - 12 - barHeight));
      rect.setAttribute("width", String(Math.max(1, bw - 2)));
      rect.setAttribute("height", String(barHeight));
      const title = document.createElementNS(NS, "title");
      title.textContent = `${monthStart(m).slice(0, 7)}: ${c} event${c === 1 ? "" : "s"}`;
      rect.append(title);
      this.svg.append(rect);
    });
    if (from || to) {
      const a = Math.max(0, (from ? monthIndex(from) : this.first) - this.first);
      const b = Math.min(n - 1, (to ? monthIndex(to, true) : this.first + n - 1) - this.first);
      const brush = document.createElementNS(NS, "rect");
      brush.setAttribute("class", "brush");
      brush.setAttribute("x", String(a * bw));
      brush.setAttribute("y", "0");
      brush.setAttribute("width", String(Math.max(0, (b - a + 1) * bw)));
      brush.setAttribute("height", String(height - 12));
      this.svg.append(brush);
    }
    const step = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(width / 60))));
    for (let i = 0; i < n; i += step) {
      const label = document.createElementNS(NS, "text");
      label.setAttribute("x", String(i * bw + 2));
      label.setAttribute("y", String(height - 2));
      label.textContent = monthStart(this.first + i).slice(0, 7);
      this.svg.append(label);
    }
  }
}
