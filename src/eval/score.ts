/**
 * Scores a build against gold annotations (the gold format of ../shared/eval: entities with
 * every surface label and their roles, events with relation, subject, object, date, initiator,
 * amount and source documents, and names that occur only in page furniture).
 *
 * Matching rules, the same as the reference scorer: a predicted entity is a gold entity when its
 * label or an alias equals a gold label after NFKC folding, dropping white space and unifying
 * middle dots and dashes; `called` and `met` are unordered pairs; a gold event without a date
 * matches any date; each predicted event matches at most one gold event.
 */
import { readFileSync } from "node:fs";
import { readJsonLinesFile } from "../util/jsonl.js";

export interface GoldEntity {
  id: string;
  type: string;
  labels: string[];
  roles?: { title: string; of: string }[];
}

export interface GoldEvent {
  relation: string;
  subject: string;
  object: string;
  date?: string | null;
  initiator?: string | null;
  amount?: { value: number; currency: string } | null;
  docs?: string[];
}

export interface Gold {
  about?: string;
  entities: GoldEntity[];
  events: GoldEvent[];
  boilerplate_only?: string[];
}

/** What the scorer reads of a build: the events.jsonl and entities.jsonl records. */
export interface PredictedRef {
  id?: string;
  label?: string;
  type?: string;
  aliases?: string[];
}
export interface PredictedEvent {
  relation: string;
  subject: PredictedRef;
  object: PredictedRef;
  date?: string | null;
  initiator?: PredictedRef | null;
  amount?: { value: number | string; currency: string } | null;
  sources?: { doc: string }[];
}
export interface PredictedEntity extends PredictedRef {
  roles?: { title: string; of: PredictedRef }[];
}

export interface ScoreReport {
  events: { gold: number; predicted: number; matched: number; precision: number; recall: number; f1: number };
  initiator: { correct: number; of: number };
  amount: { correct: number; of: number };
  sources: { complete: number; of: number };
  entities: { found: number; of: number };
  roles: { correct: number; of: number };
  boilerplateNoise: string[];
  missed: GoldEvent[];
  spurious: PredictedEvent[];
  entityProblems: { id: string; problem: "not found" | "wrong type" }[];
  /** Gold roles not found on the entity, with the roles it was given instead. */
  roleProblems: { id: string; title: string; of: string; predicted: string[] }[];
  /** Per source document: gold events naming it, those found, predicted events read in it, those right. */
  documents: DocumentScore[];
}

export interface DocumentScore {
  doc: string;
  gold: number;
  found: number;
  predicted: number;
  correct: number;
}

export class GoldFormatError extends Error {}

/** Folding used for every label comparison. */
export function foldLabel(s: unknown): string {
  return String(s ?? "")
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[⋅·•‧・]/g, "·")
    .replace(/[‐‑‒–—－-]/g, "-");
}

const SYMMETRIC = new Set(["called", "met"]);

export function score(gold: Gold, events: PredictedEvent[], entities: PredictedEntity[]): ScoreReport {
  const byLabel = new Map<string, string>();
  for (const e of gold.entities) for (const l of e.labels) byLabel.set(foldLabel(l), e.id);
  const predLabels = new Map<string, string[]>();
  for (const e of entities) if (e.id !== undefined) predLabels.set(e.id, [e.label ?? "", ...(e.aliases ?? [])]);
  const resolve = (ent: PredictedRef | null | undefined): string | null => {
    if (!ent) return null;
    const labels = [ent.label, ...(ent.aliases ?? []), ...((ent.id !== undefined && predLabels.get(ent.id)) || [])];
    for (const l of labels) {
      const id = byLabel.get(foldLabel(l));
      if (id) return id;
    }
    return null;
  };

  const found = new Map<string, PredictedEntity>();
  for (const e of entities) {
    const id = resolve(e);
    if (id) found.set(id, e);
  }
  const entityProblems: ScoreReport["entityProblems"] = [];
  let entFound = 0;
  for (const g of gold.entities) {
    const p = found.get(g.id);
    if (!p) entityProblems.push({ id: g.id, problem: "not found" });
    else if (String(p.type).toLowerCase() !== g.type.toLowerCase()) entityProblems.push({ id: g.id, problem: "wrong type" });
    else entFound++;
  }
  let rolesGold = 0;
  let rolesOk = 0;
  const roleProblems: ScoreReport["roleProblems"] = [];
  for (const g of gold.entities) {
    for (const r of g.roles ?? []) {
      rolesGold++;
      const p = found.get(g.id);
      if ((p?.roles ?? []).some((pr) => foldLabel(pr.title) === foldLabel(r.title) && resolve(pr.of) === r.of)) rolesOk++;
      else roleProblems.push({ id: g.id, title: r.title, of: r.of, predicted: (p?.roles ?? []).map((pr) => `${pr.title}@${resolve(pr.of) ?? (typeof pr.of === "string" ? pr.of : pr.of?.label)}`) });
    }
  }
  const boilerplateNoise = (gold.boilerplate_only ?? []).filter((l) =>
    entities.some((e) => [e.label, ...(e.aliases ?? [])].some((x) => foldLabel(x) === foldLabel(l))),
  );

  const used = new Set<number>();
  const matches: { gold: GoldEvent; pred: PredictedEvent }[] = [];
  const missed: GoldEvent[] = [];
  for (const g of gold.events) {
    let hit = -1;
    for (let i = 0; i < events.length && hit < 0; i++) {
      if (used.has(i)) continue;
      const p = events[i] as PredictedEvent;
      if (p.relation !== g.relation) continue;
      const s = resolve(p.subject);
      const o = resolve(p.object);
      const pairOk = SYMMETRIC.has(g.relation)
        ? (s === g.subject && o === g.object) || (s === g.object && o === g.subject)
        : s === g.subject && o === g.object;
      if (!pairOk) continue;
      if (g.date && p.date !== g.date) continue;
      hit = i;
    }
    if (hit >= 0) {
      used.add(hit);
      matches.push({ gold: g, pred: events[hit] as PredictedEvent });
    } else missed.push(g);
  }
  const spurious = events.filter((_, i) => !used.has(i));
  const documents = documentScores(gold.events, events, matches);
  const tp = matches.length;
  const precision = events.length ? tp / events.length : 0;
  const recall = gold.events.length ? tp / gold.events.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const withInit = matches.filter((m) => m.gold.initiator);
  const withAmount = matches.filter((m) => m.gold.amount);
  const withSources = matches.filter((m) => (m.gold.docs ?? []).length > 0);
  return {
    events: { gold: gold.events.length, predicted: events.length, matched: tp, precision, recall, f1 },
    initiator: { correct: withInit.filter((m) => resolve(m.pred.initiator) === m.gold.initiator).length, of: withInit.length },
    amount: {
      correct: withAmount.filter(
        (m) => m.pred.amount && Number(m.pred.amount.value) === m.gold.amount?.value && m.pred.amount.currency === m.gold.amount?.currency,
      ).length,
      of: withAmount.length,
    },
    sources: {
      complete: withSources.filter((m) => {
        const docs = new Set((m.pred.sources ?? []).map((s) => String(s.doc).split("/").pop()));
        return (m.gold.docs ?? []).every((d) => docs.has(d));
      }).length,
      of: withSources.length,
    },
    entities: { found: entFound, of: gold.entities.length },
    roles: { correct: rolesOk, of: rolesGold },
    boilerplateNoise,
    missed,
    spurious,
    entityProblems,
    roleProblems,
    documents,
  };
}

const docName = (d: unknown) => String(d).split("/").pop() as string;

/** A row per document, so that one long list article cannot hide ten short ones. */
function documentScores(goldEvents: GoldEvent[], events: PredictedEvent[], matches: { gold: GoldEvent; pred: PredictedEvent }[]): DocumentScore[] {
  const rows = new Map<string, DocumentScore>();
  const row = (doc: string) => {
    let r = rows.get(doc);
    if (!r) rows.set(doc, (r = { doc, gold: 0, found: 0, predicted: 0, correct: 0 }));
    return r;
  };
  const predDocs = (p: PredictedEvent) => new Set((p.sources ?? []).map((s) => docName(s.doc)));
  const matchOf = new Map(matches.map((m) => [m.gold, m.pred]));
  const matchedPreds = new Set(matches.map((m) => m.pred));
  for (const g of goldEvents) {
    const pred = matchOf.get(g);
    for (const d of g.docs ?? []) {
      const r = row(docName(d));
      r.gold++;
      if (pred && predDocs(pred).has(docName(d))) r.found++;
    }
  }
  for (const p of events) {
    for (const d of predDocs(p)) {
      const r = row(d);
      r.predicted++;
      if (matchedPreds.has(p)) r.correct++;
    }
  }
  return [...rows.values()].sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0));
}

/** The per-document table: gold events found and predicted events right, per document. */
export function formatDocumentTable(r: ScoreReport): string {
  const lines = ["document                     gold found  pred right"];
  for (const d of r.documents) {
    const flag = d.found < d.gold || d.correct < d.predicted ? " *" : "";
    lines.push(`${d.doc.padEnd(28)} ${String(d.gold).padStart(4)} ${String(d.found).padStart(5)} ${String(d.predicted).padStart(5)} ${String(d.correct).padStart(5)}${flag}`);
  }
  return lines.join("\n");
}

/** The report as text: one line per problem, then the summary line. */
export function formatReport(r: ScoreReport): string {
  const show = (e: { relation: string; subject: unknown; object: unknown; date?: string | null | undefined }) => {
    const name = (x: unknown) => (typeof x === "string" ? x : ((x as PredictedRef | null)?.label ?? String(x)));
    return `${e.relation} ${name(e.subject)} -> ${name(e.object)} ${e.date ?? ""}`.trimEnd();
  };
  const lines: string[] = [];
  for (const m of r.missed) lines.push(`missed    ${show(m)}`);
  for (const s of r.spurious) lines.push(`spurious  ${show(s)}`);
  for (const p of r.entityProblems) lines.push(`entity    ${p.id} ${p.problem === "wrong type" ? "has the wrong type" : "not found"}`);
  for (const p of r.roleProblems) lines.push(`role      ${p.id} ${p.title}@${p.of} not found${p.predicted.length ? ` (has ${p.predicted.join(", ")})` : ""}`);
  if (r.boilerplateNoise.length) lines.push(`noise     entities from page furniture: ${r.boilerplateNoise.join(" ")}`);
  lines.push(formatDocumentTable(r));
  lines.push(summaryOf(r));
  return lines.join("\n");
}

export function summaryOf(r: ScoreReport): string {
  const fmt = (x: number) => x.toFixed(3);
  return (
    `events P=${fmt(r.events.precision)} R=${fmt(r.events.recall)} F1=${fmt(r.events.f1)} (${r.events.matched}/${r.events.gold} gold, ${r.events.predicted} predicted)` +
    ` | initiator ${r.initiator.correct}/${r.initiator.of} | amount ${r.amount.correct}/${r.amount.of} | sources ${r.sources.complete}/${r.sources.of}` +
    ` | entities ${r.entities.found}/${r.entities.of} | roles ${r.roles.correct}/${r.roles.of} | noise ${r.boilerplateNoise.length}`
  );
}

/** Reads and checks a gold file; errors name the file and what is wrong. */
export function readGold(path: string): Gold {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new GoldFormatError(`${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not valid JSON (${(e as Error).message})`}`);
  }
  const g = data as Partial<Gold>;
  if (!g || !Array.isArray(g.entities) || !Array.isArray(g.events)) throw new GoldFormatError(`${path}: expected an object with "entities" and "events" arrays`);
  const ids = new Set<string>();
  g.entities.forEach((e, i) => {
    if (!e || typeof e.id !== "string" || !Array.isArray(e.labels) || typeof e.type !== "string")
      throw new GoldFormatError(`${path}: entities[${i}] needs "id", "type" and "labels"`);
    ids.add(e.id);
  });
  g.events.forEach((e, i) => {
    if (!e || typeof e.relation !== "string") throw new GoldFormatError(`${path}: events[${i}] has no "relation"`);
    for (const k of ["subject", "object"] as const)
      if (!ids.has(e[k])) throw new GoldFormatError(`${path}: events[${i}].${k} "${e[k]}" is not a gold entity id`);
    if (e.initiator && !ids.has(e.initiator)) throw new GoldFormatError(`${path}: events[${i}].initiator "${e.initiator}" is not a gold entity id`);
  });
  return g as Gold;
}

/** Reads a JSON lines file of a build; a bad line is an error naming file and line. */
export function readJsonLines<T>(path: string): T[] {
  return readJsonLinesFile<T>(path, (m) => new GoldFormatError(m), "missing (is this a build folder?)");
}
