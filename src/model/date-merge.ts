/**
 * Reports of one contact at different precisions: a report dated only by its month (2025-06)
 * or year is the same contact as the one report of the same parties dated within that period,
 * and an undated report is the same as the one dated report — when there is exactly one such
 * candidate. With several candidates the coarser report stays apart (it may be another contact).
 * Used inside a document and across the corpus alike.
 */

/** Whether date `fine` lies within the period `coarse` (2025-06-19 within 2025-06 and 2025). */
export function within(fine: string, coarse: string): boolean {
  return fine.length > coarse.length && fine.startsWith(coarse);
}

/**
 * Folds coarser reports into finer ones, for items already grouped by everything but the date.
 * `absorb(into, from)` joins the sources; the result keeps the order of the input.
 * `preferred` picks among several candidates for an undated report (the document's own date).
 */
export function foldPrecisions<T extends { date: string | null }>(items: T[], absorb: (into: T, from: T) => void, preferred?: string): T[] {
  const alive = new Set(items);
  // Coarsest first: years into months or days, months into days; then undated.
  const byCoarseness = [...items].sort((a, b) => (a.date?.length ?? 0) - (b.date?.length ?? 0));
  for (const item of byCoarseness) {
    if (!alive.has(item)) continue;
    const date = item.date;
    const candidates = items.filter((x) => x !== item && alive.has(x) && x.date !== null && (date === null || within(x.date, date)));
    let into: T | undefined;
    if (candidates.length === 1) into = candidates[0];
    else if (date === null && preferred) {
      const main = candidates.filter((x) => x.date === preferred);
      if (main.length === 1) into = main[0];
    }
    if (!into) continue;
    absorb(into, item);
    alive.delete(item);
  }
  return items.filter((x) => alive.has(x));
}

/** Precision of a date string: YYYY-MM-DD (day), YYYY-MM (month) or YYYY (year). */
export function datePrecision(date: string): "day" | "month" | "year" {
  return date.length >= 10 ? "day" : date.length === 7 ? "month" : "year";
}
