/**
 * Dates of events as the model may write them: a day (2020-02-18), a month (2020-02) or a year
 * (2020), or null. Each is the span of days it covers; sorting is by the first day (the finer
 * date first when two start together), and a date is inside a range [from, to] when its whole
 * span is (a month counts in a range that holds the whole month). Plain functions on strings,
 * no Node or DOM: shared by the graph API, the CLI, the server and the explorer.
 */

export type DatePrecision = "day" | "month" | "year";

export interface DateSpan {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
  precision: DatePrecision;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** The span of a date written YYYY, YYYY-MM or YYYY-MM-DD; null for anything else. */
export function dateSpan(date: string | null | undefined): DateSpan | null {
  if (!date) return null;
  const m = DATE_RE.exec(date.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d !== undefined) return { start: `${y}-${mo}-${d}`, end: `${y}-${mo}-${d}`, precision: "day" };
  if (mo !== undefined) return { start: `${y}-${mo}-01`, end: `${y}-${mo}-${pad(daysInMonth(Number(y), Number(mo)))}`, precision: "month" };
  return { start: `${y}-01-01`, end: `${y}-12-31`, precision: "year" };
}

/**
 * An event's date as a string of its own precision: the date itself, or cut to YYYY-MM / YYYY
 * when the event says so in a `datePrecision` field next to a full date (2025-11-01, "month").
 */
export function eventDate(ev: { date: string | null; datePrecision?: string | null }): string | null {
  const d = ev.date;
  if (!d) return null;
  if (ev.datePrecision === "month" && d.length > 7) return d.slice(0, 7);
  if (ev.datePrecision === "year" && d.length > 4) return d.slice(0, 4);
  return d;
}

/** The precision of a date ("day", "month", "year"), or null when undated. */
export function datePrecision(date: string | null | undefined): DatePrecision | null {
  return dateSpan(date)?.precision ?? null;
}

/** A key that sorts dates by first day, finer before coarser at the same first day, undated last. */
export function dateSortKey(date: string | null | undefined): string {
  const s = dateSpan(date);
  if (!s) return "\uffff";
  return `${s.start}${s.precision === "day" ? "0" : s.precision === "month" ? "1" : "2"}`;
}

/** Compares two dates for sorting (undated last). */
export function compareDates(a: string | null | undefined, b: string | null | undefined): number {
  const x = dateSortKey(a);
  const y = dateSortKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Whether a date lies in [from, to] (either bound may be missing; bounds are days, months or
 * years, taken as their first and last day). An undated event is in no range, but passes when
 * neither bound is given. The whole span of the date must lie inside.
 */
export function dateInRange(date: string | null | undefined, from?: string | null, to?: string | null): boolean {
  if (!from && !to) return true;
  const s = dateSpan(date);
  if (!s) return false;
  const lo = from ? dateSpan(from)?.start : undefined;
  const hi = to ? dateSpan(to)?.end : undefined;
  return (lo === undefined || s.start >= lo) && (hi === undefined || s.end <= hi);
}

/** A valid date bound: YYYY, YYYY-MM or YYYY-MM-DD with a real month and day. */
export function isDateBound(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const mo = m[2] === undefined ? 1 : Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(Number(m[1]), mo);
}

export type Granularity = "week" | "month" | "year";

const DAY_MS = 86_400_000;
const toUtc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Adds days to a YYYY-MM-DD day. */
export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * DAY_MS);
}

/** Days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/**
 * The bucket (a number that orders buckets; consecutive buckets are consecutive numbers) of a
 * date at a granularity, or null when the date is undated or coarser than the granularity (a
 * month-precision date has no week).
 */
export function bucketOf(date: string | null | undefined, g: Granularity): number | null {
  const s = dateSpan(date);
  if (!s) return null;
  const y = Number(s.start.slice(0, 4));
  if (g === "year") return y;
  if (g === "month") return s.precision === "year" ? null : y * 12 + Number(s.start.slice(5, 7)) - 1;
  if (s.precision !== "day") return null;
  // Weeks start on Monday; 1970-01-05 was a Monday.
  return Math.floor((toUtc(s.start) - Date.UTC(1970, 0, 5)) / (7 * DAY_MS));
}

/** The first and last day of a bucket. */
export function bucketSpan(bucket: number, g: Granularity): { start: string; end: string } {
  if (g === "year") return { start: `${bucket}-01-01`, end: `${bucket}-12-31` };
  if (g === "month") {
    const y = Math.floor(bucket / 12);
    const m = (bucket % 12) + 1;
    return { start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(daysInMonth(y, m))}` };
  }
  const start = fromUtc(Date.UTC(1970, 0, 5) + bucket * 7 * DAY_MS);
  return { start, end: addDays(start, 6) };
}

/** A short label of a bucket: 2020, 2020-02, or the Monday of the week (2020-02-17). */
export function bucketLabel(bucket: number, g: Granularity): string {
  const { start } = bucketSpan(bucket, g);
  return g === "year" ? start.slice(0, 4) : g === "month" ? start.slice(0, 7) : start;
}
