/**
 * Corpus-level resolution: document-local entities become graph entities (gazetteer entities
 * by id, persons by name, a bare family name folded into the one full name it abbreviates),
 * and event mentions from every document become events — the same contact (relation,
 * participants, date; amount too for pledges) comes out once with all its sources.
 * The output is sorted so that the same input gives the same model.
 *
 * The parts work one document, or one group of mentions, at a time, so that a large build can
 * run them as streams (build.ts, with the mentions sorted on disk); mergeExtractions runs them
 * in memory on a list of extractions.
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
  /** Keys of roles whose title so far comes only from a compound (副总理兼外长). */
  compoundTitles: Set<string>;
  aliases: Set<string>;
}

/** Merges the extractions of a corpus (in document-id order) into one graph model. */
export function mergeExtractions(extractions: DocumentExtraction[]): GraphModel {
  const names = new Set<string>();
  for (const x of extractions) addPersonNames(names, x);
  const table = new EntityTable(names);
  for (const x of extractions) table.add(x);
  // Mentions grouped by everything but the date, groups in order of first mention.
  const groups = new Map<string, ContactEvent[]>();
  for (const x of extractions) {
    for (const m of table.mentions(x)) {
      const key = eventGroupKey(m.id);
      const g = groups.get(key);
      if (g) g.push(m);
      else groups.set(key, [m]);
    }
  }
  const events = [...groups.values()]
    .flatMap(mergeEventGroup)
    // Sort keys computed once per event, not in every comparison.
    .map((e) => [eventSortKey(e), e] as const)
    .sort((p, q) => cmp(p[0], q[0]))
    .map(([, e]) => e);
  const documents: DocumentInfo[] = extractions.map((x) => x.info).sort((p, q) => cmp(p.id, q.id));
  return { entities: table.entities(), events, documents };
}

/** Adds the person names a document gives (they decide the persons' ids: assignPersonIds). */
export function addPersonNames(names: Set<string>, x: DocumentExtraction): void {
  for (const e of x.entities.values()) if (e.type === "Person") names.add(e.label);
}

/** The graph's entities, built a document at a time (in document-id order). */
export class EntityTable {
  private readonly persons: Map<string, { id: string; label: string }>;
  private readonly acc = new Map<string, EntityAcc>();

  /** `names`: every person name of the corpus (addPersonNames). */
  constructor(names: Set<string>) {
    this.persons = assignPersonIds(names);
  }

  private globalId(docKey: string): string {
    return this.persons.get(docKey)?.id ?? docKey;
  }

  add(x: DocumentExtraction): void {
    for (const e of x.entities.values()) {
      const id = this.globalId(e.key);
      let a = this.acc.get(id);
      if (!a) {
        a = { entity: newEntity(id, e, this.persons.get(e.key)?.label), roles: new Map(), compoundTitles: new Set(), aliases: new Set(e.gazetteer?.aliases ?? []) };
        this.acc.set(id, a);
      }
      for (const s of e.surfaces) a.aliases.add(s);
      if (e.type === "Person" && e.label !== a.entity.label) a.aliases.add(e.label);
      for (const r of e.roles.values()) {
        const of: EntityRef = { id: r.of.id, label: r.of.label, type: r.of.type };
        const key = `${r.title.id}@${of.id}`;
        const had = a.roles.get(key);
        const iso2 = r.of.codes?.iso2;
        // The title as written (外长) in the first document that gives it, preferring a form written
        // on its own over one inside a compound (副总理兼外长); the English one from the titles list.
        const keep = had && !(a.compoundTitles.has(key) && !r.inCompound);
        const role: Role = { title: keep ? had.title : (r.written ?? r.title.label), titleEn: (iso2 && r.title.enByCountry?.[iso2]) || r.title.en, of };
        if (!keep) {
          if (r.inCompound) a.compoundTitles.add(key);
          else a.compoundTitles.delete(key);
        }
        if (r.then || had?.then) role.then = true;
        a.roles.set(key, role);
      }
    }
  }

  /** The entity a document-local key names (its label and type are fixed where first seen). */
  ref(docKey: string): EntityRef {
    const e = this.acc.get(this.globalId(docKey))?.entity;
    if (!e) throw new Error(`diplograph: internal error: event names unknown entity ${docKey}`);
    return { id: e.id, label: e.label, type: e.type };
  }

  /** A document's event mentions as events of the graph (one source each span), in the document's order. */
  mentions(x: DocumentExtraction): ContactEvent[] {
    return x.events.map((ev) => {
      const subject = this.ref(ev.subject);
      const object = this.ref(ev.object);
      return {
        id: eventId(ev, subject, object),
        relation: ev.relation,
        subject,
        object,
        date: ev.date,
        ...(ev.monthDay ? { monthDay: ev.monthDay } : {}),
        initiator: ev.initiator ? this.ref(ev.initiator) : null,
        amount: ev.amount,
        sources: ev.spans.map((s): Source => ({ doc: x.info.id, start: s.start, end: s.end, text: s.text })),
      };
    });
  }

  /** Every entity, finished (aliases and roles sorted), sorted by id. Call once, after the last add. */
  entities(): Entity[] {
    // A foreign name's family part is an alias (比尔·盖茨 → 盖茨).
    for (const a of this.acc.values()) {
      if (a.entity.type !== "Person") continue;
      const dot = a.entity.label.lastIndexOf(NAME_DOT);
      if (dot > 0 && a.entity.label.length - dot - 1 >= 2) a.aliases.add(a.entity.label.slice(dot + 1));
    }
    return [...this.acc.values()]
      .map(({ entity, roles, aliases }) => {
        aliases.delete(entity.label);
        entity.aliases = [...aliases].sort();
        entity.roles = [...roles].sort((p, q) => cmp(p[0], q[0])).map(([, r]) => r);
        return entity;
      })
      .sort((p, q) => cmp(p.id, q.id));
  }
}

/**
 * Person ids from names: person/<pinyin>. A bare name that is the family part of exactly one
 * full name in the corpus (盖茨 / 比尔·盖茨) is that person. Two names with the same pinyin get
 * a short hash of the name to keep them apart.
 */
function assignPersonIds(names: Set<string>): Map<string, { id: string; label: string }> {
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
  const slugs = new Map<string, string>();
  for (const n of names) {
    const c = canonical(n);
    let slug = slugs.get(c);
    if (slug === undefined) slugs.set(c, (slug = slugify(c)));
    bySlug.set(slug, (bySlug.get(slug) ?? new Set()).add(c));
  }
  const out = new Map<string, { id: string; label: string }>();
  for (const n of names) {
    const c = canonical(n);
    const slug = slugs.get(c) as string;
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

/** What reports of one contact at different precisions share: the event id with its date part wildcarded. */
export function eventGroupKey(id: string): string {
  return id.replace(/\/(undated(?:-\d{2}-\d{2})?|\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=-|$)/, "/*");
}

/** The order of the model's events: date (undated last), relation, parties, id. */
export function eventSortKey(e: ContactEvent): string {
  return `${e.date ?? "9999"}|${e.relation}|${e.subject.id}|${e.object.id}|${e.id}`;
}

/**
 * The events of one group of mentions (same eventGroupKey, in corpus order): mentions with the
 * same id become one event with all their sources; then a report of a contact that the group
 * also reports more precisely (same relation, same parties, same amount for pledges) is that
 * contact when there is exactly one such finer event: an undated report, or one dated by month
 * or year, joins it (model/date-merge.ts). Sources come sorted by document and offset.
 */
export function mergeEventGroup(mentions: ContactEvent[]): ContactEvent[] {
  const sameSource = (list: Source[], s: Source) => list.some((h) => h.doc === s.doc && h.start === s.start);
  const byId = new Map<string, ContactEvent>();
  for (const m of mentions) {
    const had = byId.get(m.id);
    if (had) {
      for (const s of m.sources) if (!sameSource(had.sources, s)) had.sources.push(s);
      had.initiator ??= m.initiator;
      had.amount ??= m.amount;
    } else byId.set(m.id, { ...m, sources: [...m.sources] });
  }
  let events = [...byId.values()];
  if (events.length > 1) {
    const join = (into: ContactEvent, e: ContactEvent) => {
      for (const s of e.sources) if (!sameSource(into.sources, s)) into.sources.push(s);
      into.initiator ??= e.initiator;
    };
    events = foldPrecisions(events, join, undefined, compatibleDay);
  }
  for (const e of events) e.sources.sort((p, q) => cmp(p.doc, q.doc) || p.start - q.start);
  return events;
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
