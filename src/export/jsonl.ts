/**
 * JSON lines views of the model: events.jsonl, entities.jsonl, documents.jsonl. The format
 * of the first two is the one the scorer (diplograph eval) reads.
 */
import type { ContactEvent, DocumentInfo, Entity, GraphModel } from "../model/types.js";
import { datePrecision } from "../model/dates.js";

export function eventLine(e: ContactEvent): string {
  return (
    JSON.stringify({
      id: e.id,
      relation: e.relation,
      subject: e.subject,
      object: e.object,
      date: e.date,
      datePrecision: e.date ? datePrecision(e.date) : null,
      initiator: e.initiator,
      amount: e.amount,
      sources: e.sources,
    }) + "\n"
  );
}

export function entityLine(e: Entity): string {
  const out: Record<string, unknown> = { id: e.id, label: e.label, type: e.type };
  if (e.labelEn) out.labelEn = e.labelEn;
  out.aliases = e.aliases;
  out.roles = e.roles;
  if (e.codes) out.codes = e.codes;
  return JSON.stringify(out) + "\n";
}

export function documentLine(d: DocumentInfo): string {
  return JSON.stringify(d) + "\n";
}

export function* eventLines(model: GraphModel): Generator<string> {
  for (const e of model.events) yield eventLine(e);
}

export function* entityLines(model: GraphModel): Generator<string> {
  for (const e of model.entities) yield entityLine(e);
}

export function* documentLines(model: GraphModel): Generator<string> {
  for (const d of model.documents) yield documentLine(d);
}
