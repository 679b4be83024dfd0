/**
 * The events of one document, merged: the same contact told several times (headline, lead,
 * timeline, quotes) comes out once with every span that tells it.
 */
import type { DocEvent } from "./document.js";
import { compatibleDay, foldPrecisions } from "../model/date-merge.js";

/**
 * One real-world contact is often reported several times in a document (headline, lead,
 * timeline, quotes): mentions with the same relation, participants and date are merged, and a
 * coarser mention (undated, or dated by month or year only) into the one finer mention it can
 * be (model/date-merge.ts); among several, an undated mention goes to the document's own date.
 */
export function mergeDocumentEvents(all: DocEvent[], documentDate: string | undefined): DocEvent[] {
  const events = callsPlacedBySender(all);
  const pairKey = (e: DocEvent) => {
    const pair = e.relation === "called" || e.relation === "met" ? [e.subject, e.object].sort().join("|") : `${e.subject}>${e.object}`;
    return `${e.relation}|${pair}${e.relation === "pledged_to" ? `|${e.amount?.value ?? ""}${e.amount?.currency ?? ""}` : ""}`;
  };
  // A pledge told without its amount (the headline's, 在此前向X捐款的基础上) is a pledge of that pair
  // told with one: the one, or the first of several.
  // (Of several, the one told on the same day, else the first.)
  const withAmount = new Map<string, DocEvent[]>();
  for (const e of events) {
    if (e.relation !== "pledged_to" || !e.amount) continue;
    const k = `${e.subject}>${e.object}`;
    (withAmount.get(k) ?? withAmount.set(k, []).get(k))?.push(e);
  }
  const told = (e: DocEvent): string | undefined => {
    if (e.relation !== "pledged_to" || e.amount) return undefined;
    const pledges = withAmount.get(`${e.subject}>${e.object}`) ?? [];
    const same = pledges.find((x) => x.date === e.date) ?? pledges[0];
    return same?.amount ? `${same.amount.value}${same.amount.currency}` : undefined;
  };
  const groups = new Map<string, Map<string, DocEvent>>();
  for (const e of events) {
    const amount = told(e);
    const k = amount ? `${pairKey(e)}${amount}` : pairKey(e);
    let byDate = groups.get(k);
    if (!byDate) groups.set(k, (byDate = new Map()));
    const m = byDate.get(e.date ?? `?${e.monthDay ?? ""}`);
    if (m) absorb(m, e);
    else byDate.set(e.date ?? `?${e.monthDay ?? ""}`, { ...e, spans: [...e.spans] });
  }
  return [...groups.values()].flatMap((byDate) => joinPassingMentions(foldPrecisions([...byDate.values()], absorb, documentDate, compatibleDay)));
}

/**
 * 由A主动致电B in a report of their call (A同B通话) is that call, placed by A: the message
 * goes, and the call gets A as its initiator.
 */
function callsPlacedBySender(events: DocEvent[]): DocEvent[] {
  const calls = events.filter((e) => e.relation === "called");
  const sameCall = (m: DocEvent, c: DocEvent) => [m.subject, m.object].sort().join("|") === [c.subject, c.object].sort().join("|") && (m.date === null || c.date === null || m.date === c.date);
  if (!calls.length) return events.map(withoutCallFlag);
  return events.map(withoutCallFlag).filter((m, i) => {
    if (m.relation !== "wrote_to" || !events[i]?.maybeCall) return true;
    const call = calls.find((c) => sameCall(m, c));
    if (!call) return true;
    call.initiator ??= m.subject;
    for (const s of m.spans) if (!call.spans.some((x) => x.start === s.start && x.end === s.end)) call.spans.push(s);
    return false;
  });
}

/** The event without the 致电 flag, which only this merge reads. */
function withoutCallFlag(e: DocEvent): DocEvent {
  if (!e.maybeCall) return e;
  const { maybeCall: _, ...rest } = e;
  return rest;
}

/**
 * Contacts of the same parties mentioned in passing (by month or year only, or undated) that no
 * precise report took in are told as one past contact (历次会晤: 2005年9月…2006年4月…), dated by
 * what all its mentions share (2005-09 and 2005-11: 2005; 2005 and 2006: undated).
 */
function joinPassingMentions(events: DocEvent[]): DocEvent[] {
  const passing = events.filter((e) => (e.date === null && !e.monthDay) || (e.date !== null && e.date.length < 10));
  if (passing.length < 2) return events;
  const [first, ...rest] = passing as [DocEvent, ...DocEvent[]];
  let shared: string | null = first.date;
  for (const e of rest) {
    absorb(first, e);
    shared = sharedPeriod(shared, e.date);
  }
  first.date = shared;
  return events.filter((e) => !rest.includes(e));
}

/** The period two dates share: the year or month both lie in, else null. */
function sharedPeriod(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return null;
  if (a.slice(0, 7) === b.slice(0, 7) && a.length >= 7 && b.length >= 7) return a.slice(0, 7);
  return a.slice(0, 4) === b.slice(0, 4) ? a.slice(0, 4) : null;
}

function absorb(into: DocEvent, e: DocEvent): void {
  for (const s of e.spans) if (!into.spans.some((x) => x.start === s.start && x.end === s.end)) into.spans.push(s);
  into.initiator ??= e.initiator;
  into.amount ??= e.amount;
}
