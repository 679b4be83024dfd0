/**
 * Corpus-level resolution: document-local entities become graph entities (gazetteer entities
 * by id, persons by name, a bare family name folded into the one full name it abbreviates),
 * and event mentions from every document become events — the same contact (relation,
 * participants, date; amount too for pledges) comes out once with all its sources.
 * The output is sorted so that the same input gives the same model.
 */
import type { DocEntity, DocEvent, DocumentExtraction } from "../extract/document.js";
import type { ContactEvent, DocumentInfo, Entity, EntityRef, GraphModel, Relation, Role, Source } from "./types.js";
import { slugify, shortHash } from "./ids.js";
import { NAME_DOT } from "../util/chars.js";
import { compatibleDay, foldPrecisions } from "./date-merge.js";

const SYMMETRIC = new Set<Relation>(["called", "met"]);

interface EntityAcc {
  entity: Entity;
  roles: Map<string, Role>;
  aliases: Set<string>;
}

/** Merges the extractions of a corpus (in input order) into one graph model. */
export function mergeExtractions(extractions: DocumentExtraction[]): GraphModel {
  const persons = assignPersonIds(extractions);
  const acc = new Map<string, EntityAcc>();
  const globalId = (docKey: string): string => persons.get(docKey)?.id ?? docKey;

  for (const x of extractions) {
    for (const e of x.entities.values()) {
      const id = globalId(e.key);
      let a = acc.get(id);
      if (!a) {
        a = { entity: newEntity(id, e, persons.get(e.key)?.label), roles: new Map(), aliases: new Set(e.gazetteer?.aliases ?? []) };
        acc.set(id, a);
      }
      for (const s of e.surfaces) a.aliases.add(s);
      if (e.type === "Person" && e.label !== a.entity.label) a.aliases.add(e.label);
      for (const r of e.roles.values()) {
        const of: EntityRef = { id: r.of.id, label: r.of.label, type: r.of.type };
        const key = `${r.title.id}@${of.id}`;
        const had = a.roles.get(key);
        const iso2 = r.of.codes?.iso2;
        // The title as written (外长) in the first document that gives it; the English one from the titles list.
        const role: Role = { title: had?.title ?? r.written ?? r.title.label, titleEn: (iso2 && r.title.enByCountry?.[iso2]) || r.title.en, of };
        if (r.then || had?.then) role.then = true;
        a.roles.set(key, role);
      }
    }
  }
  // A foreign name's family part is an alias (比尔·盖茨 → 盖茨).
  for (const a of acc.values()) {
    if (a.entity.type !== "Person") continue;
    const dot = a.entity.label.lastIndexOf(NAME_DOT);
    if (dot > 0 && a.entity.label.length - dot - 1 >= 2) a.aliases.add(a.entity.label.slice(dot + 1));
  }

  const entities = [...acc.values()]
    .map(({ entity, roles, aliases }) => {
      aliases.delete(entity.label);
      entity.aliases = [...aliases].sort();
      entity.roles = [...roles].sort((p, q) => cmp(p[0], q[0])).map(([, r]) => r);
      return entity;
    })
    .sort((p, q) => cmp(p.id, q.id));
  const byId = new Map(entities.map((e) => [e.id, e]));
  const ref = (docKey: string): EntityRef => {
    const e = byId.get(globalId(docKey));
    if (!e) throw new Error(`diplograph: internal error: event names unknown entity ${docKey}`);
    return { id: e.id, label: e.label, type: e.type };
  };

  const events = new Map<string, ContactEvent>();
  for (const x of extractions) {
    for (const ev of x.events) {
      const subject = ref(ev.subject);
      const object = ref(ev.object);
      const id = eventId(ev, subject, object);
      const sources: Source[] = ev.spans.map((s) => ({ doc: x.info.id, start: s.start, end: s.end, text: s.text }));
      const had = events.get(id);
      if (had) {
        for (const s of sources) if (!had.sources.some((h) => h.doc === s.doc && h.start === s.start)) had.sources.push(s);
        had.initiator ??= ev.initiator ? ref(ev.initiator) : null;
        had.amount ??= ev.amount;
      } else {
        events.set(id, {
          id,
          relation: ev.relation,
          subject,
          object,
          date: ev.date,
          ...(ev.monthDay ? { monthDay: ev.monthDay } : {}),
          initiator: ev.initiator ? ref(ev.initiator) : null,
          amount: ev.amount,
          sources,
        });
      }
    }
  }
  absorbUndated(events);
  // Sort keys computed once per event, not in every comparison.
  const eventList = [...events.values()]
    .map((e) => [`${e.date ?? "9999"}|${e.relation}|${e.subject.id}|${e.object.id}|${e.id}`, e] as const)
    .sort((p, q) => cmp(p[0], q[0]))
    .map(([, e]) => e);
  for (const e of eventList) e.sources.sort((p, q) => cmp(p.doc, q.doc) || p.start - q.start);

  const documents: DocumentInfo[] = extractions.map((x) => x.info).sort((p, q) => cmp(p.id, q.id));
  return { entities, events: eventList, documents };
}

/**
 * Person ids from names: person/<pinyin>. A bare name that is the family part of exactly one
 * full name in the corpus (盖茨 / 比尔·盖茨) is that person. Two names with the same pinyin get
 * a short hash of the name to keep them apart.
 */
function assignPersonIds(extractions: DocumentExtraction[]): Map<string, { id: string; label: string }> {
  const names = new Set<string>();
  for (const x of extractions) for (const e of x.entities.values()) if (e.type === "Person") names.add(e.label);
  const fullByFamily = new Map<string, string[]>();
  for (const n of names) {
    const dot = n.lastIndexOf(NAME_DOT);
    if (dot > 0) {
      const fam = n.slice(dot + 1);
      fullByFamily.set(fam, [...(fullByFamily.get(fam) ?? []), n]);
    }
  }
  const canonical = (n: string) => {
    const full = fullByFamily.get(n);
    return full && full.length === 1 && !n.includes(NAME_DOT) ? (full[0] as string) : n;
  };
  const bySlug = new Map<string, Set<string>>();
  for (const n of names) {
    const c = canonical(n);
    const slug = slugify(c);
    bySlug.set(slug, (bySlug.get(slug) ?? new Set()).add(c));
  }
  const out = new Map<string, { id: string; label: string }>();
  for (const n of names) {
    const c = canonical(n);
    const slug = slugify(c);
    const clash = (bySlug.get(slug)?.size ?? 0) > 1;
    out.set(`person:${n}`, { id: `person/${slug}${clash ? `-${shortHash(c, 6)}` : ""}`, label: c });
  }
  return out;
}

function newEntity(id: string, e: DocEntity, personLabel: string | undefined): Entity {
  const g = e.gazetteer;
  const label = personLabel ?? g?.label ?? e.label;
  const entity: Entity = { id, type: e.type, label, aliases: [], roles: [] };
  if (g?.labelEn) entity.labelEn = g.labelEn;
  if (g?.codes) entity.codes = { ...g.codes };
  return entity;
}

/**
 * A report of a contact that the corpus also reports more precisely (same relation, same
 * parties, same amount for pledges) is that contact when there is exactly one such finer event:
 * an undated report, or one dated by month or year, joins it (model/date-merge.ts).
 */
function absorbUndated(events: Map<string, ContactEvent>): void {
  const key = (e: ContactEvent) => e.id.replace(/\/(undated(?:-\d{2}-\d{2})?|\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=-|$)/, "/*");
  const groups = new Map<string, ContactEvent[]>();
  for (const e of events.values()) groups.set(key(e), [...(groups.get(key(e)) ?? []), e]);
  const join = (into: ContactEvent, e: ContactEvent) => {
    for (const s of e.sources) if (!into.sources.some((h) => h.doc === s.doc && h.start === s.start)) into.sources.push(s);
    into.initiator ??= e.initiator;
  };
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const kept = new Set(foldPrecisions(group, join, undefined, compatibleDay));
    for (const e of group) if (!kept.has(e)) events.delete(e.id);
  }
}

function eventId(ev: DocEvent, subject: EntityRef, object: EntityRef): string {
  const local = (id: string) => id.slice(id.indexOf("/") + 1);
  const pair = SYMMETRIC.has(ev.relation) ? [local(subject.id), local(object.id)].sort() : [local(subject.id), local(object.id)];
  const amount = ev.relation === "pledged_to" && ev.amount ? `-${ev.amount.value}-${ev.amount.currency.toLowerCase()}` : "";
  // An undated event whose text gave a month and day (no year) keeps them apart from other days.
  const when = ev.date ?? (ev.monthDay ? `undated-${ev.monthDay}` : "undated");
  return `${ev.relation.replace("_", "-")}/${pair.join("--")}/${when}${amount}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
