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
export function foldPrecisions<T extends { date: string | null; monthDay?: string | undefined }>(
  items: T[],
  absorb: (into: T, from: T) => void,
  preferred?: string,
  compatible: (coarse: T, fine: T) => boolean = () => true,
): T[] {
  const alive = new Set(items);
  // How fine a report is: undated, undated with month and day (no year), year, month, day.
  const rank = (x: T) => (x.date ? x.date.length : x.monthDay ? 1 : 0);
  const finer = (item: T, x: T) => {
    if (rank(x) <= rank(item)) return false;
    if (item.date === null) return x.date === null || compatible(item, x);
    return x.date !== null && within(x.date, item.date);
  };
  // Coarsest first: undated into anything finer, years into months or days, months into days.
  const byCoarseness = [...items].sort((a, b) => rank(a) - rank(b));
  for (const item of byCoarseness) {
    if (!alive.has(item)) continue;
    const date = item.date;
    const candidates = items.filter((x) => x !== item && alive.has(x) && finer(item, x));
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

/**
 * Whether an undated report can be a dated one: when its text gave a month and day without a
 * year (9月4日), only a report of that day (or of that month, or year) can be the same contact.
 */
export function compatibleDay(coarse: { monthDay?: string | undefined }, fine: { date: string | null }): boolean {
  if (!coarse.monthDay || !fine.date) return true;
  const [mm, dd] = coarse.monthDay.split("-") as [string, string];
  if (fine.date.length >= 10) return fine.date.slice(5, 7) === mm && fine.date.slice(8, 10) === dd;
  if (fine.date.length === 7) return fine.date.slice(5, 7) === mm;
  return true;
}
