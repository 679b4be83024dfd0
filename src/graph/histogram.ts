/**
 * Events by month within a window: the explorer's timeline when it does not hold every event
 * (a large graph), by the same month rule as its own histogram (src/model/dates.ts).
 */
import { bucketOf, bucketSpan, dateInRange, eventDate } from "../model/dates.js";
import type { DiplographGraph } from "./api.js";
import type { Window } from "./neighbourhood.js";

export function monthlyCounts(g: DiplographGraph, w: Window = {}): { months: { month: string; events: number }[]; undated: number } {
  const counts = new Map<number, number>();
  let undated = 0;
  for (const ev of g.model.events) {
    if ((w.relation && ev.relation !== w.relation) || !dateInRange(ev.date, w.from, w.to)) continue;
    const m = bucketOf(eventDate(ev), "month");
    if (m === null) undated++;
    else counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const months = [...counts].sort((a, b) => a[0] - b[0]).map(([m, events]) => ({ month: bucketSpan(m, "month").start.slice(0, 7), events }));
  return { months, undated };
}
