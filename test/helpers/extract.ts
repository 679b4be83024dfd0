/** Runs extraction on an inline text and returns the merged model, for behaviour tests. */
import { extractDocument } from "../../src/extract/document.js";
import { getLexicon } from "../../src/lexicon/lexicon.js";
import { mergeExtractions } from "../../src/model/merge.js";
import type { ContactEvent, GraphModel } from "../../src/model/types.js";

export function extractText(text: string, opts: { id?: string; date?: string; html?: boolean } = {}): GraphModel {
  const doc = { id: opts.id ?? "t.txt", original: text, format: opts.html ? ("html" as const) : ("text" as const), ...(opts.date ? { date: opts.date } : {}) };
  return mergeExtractions([extractDocument(doc, { lexicon: getLexicon(), homeCountry: "CN" })]);
}

/** Events as short strings: "called 李克强—阿德恩 2020-05-14 init=阿德恩". */
export function eventSummary(e: ContactEvent): string {
  const sep = e.relation === "called" || e.relation === "met" ? "—" : "→";
  let s = `${e.relation} ${e.subject.label}${sep}${e.object.label} ${e.date ?? "undated"}`;
  if (e.initiator) s += ` init=${e.initiator.label}`;
  if (e.amount) s += ` ${e.amount.value} ${e.amount.currency}`;
  return s;
}

export function summaries(model: GraphModel): string[] {
  return model.events.map(eventSummary).sort();
}
