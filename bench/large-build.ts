/**
 * A generated build folder of any number of events, written directly (no extraction), for what
 * needs a large build fast: the explorer's large-graph test and the serve benchmark. It has the
 * files `serve` reads — entities.jsonl, events.jsonl, documents.jsonl, build.json, graph.json —
 * and, when asked, graph.nq (the RDF of the same model, one document graph per source). Contacts
 * are heavy-tailed as in news (a few leaders in most reports), over ten years. The same seed
 * gives the same bytes.
 */
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { loadLexiconData } from "../src/lexicon/data.js";
import { seededRandom } from "../src/util/random.js";
import { computeMetrics, contactGraph } from "../src/graph/metrics.js";
import { modelToQuads } from "../src/export/rdf.js";
import { writeQuads } from "../src/export/turtle.js";
import type { ContactEvent, DocumentInfo, Entity, EntityRef, GraphModel, Relation } from "../src/model/types.js";

export interface LargeBuildOptions {
  events: number;
  seed?: number;
  /** Also write graph.nq (slow past a few hundred thousand events). */
  nquads?: boolean;
}

const RELATIONS: Relation[] = ["met", "called", "called", "met", "wrote_to", "pledged_to"];
const TITLES = ["总统", "总理", "外长", "首相", "副总统", "议长"];
const SENTENCES = ["举行会谈", "通电话", "致信祝贺", "宣布捐款", "会见"];

/** The model of a large generated build. */
export function generateModel(opts: LargeBuildOptions): GraphModel {
  const rand = seededRandom(opts.seed ?? 7);
  const data = loadLexiconData();
  const han = [...data.transliterationChars].filter((c) => /\p{Script=Han}/u.test(c));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const countries: Entity[] = data.countries.map((c) => ({ id: `country/${c.iso2.toLowerCase()}`, type: "Country", label: c.label, ...(c.en ? { labelEn: c.en } : {}), aliases: [], roles: [], codes: { iso2: c.iso2 } }));
  const ref = (e: Entity): EntityRef => ({ id: e.id, label: e.label, type: e.type });
  // About one person for every 40 events: a few hundred thousand events still meet the same leaders.
  const personCount = Math.max(20, Math.round(opts.events / 40));
  const persons: Entity[] = [];
  const labels = new Set<string>();
  for (let i = 0; i < personCount; i++) {
    let label = "";
    while (!label || labels.has(label)) label = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(han)).join("");
    labels.add(label);
    const of = pick(countries);
    persons.push({ id: `person/gen-${i}`, type: "Person", label, aliases: [], roles: [{ title: pick(TITLES), of: ref(of) }] });
  }
  const actors = [...persons, ...countries];
  // Heavy-tailed: the first actors take most contacts.
  const actor = () => actors[Math.floor(actors.length * rand() ** 3)] as Entity;
  const events: ContactEvent[] = [];
  const ids = new Set<string>();
  const docs = Math.max(1, Math.round(opts.events / 4));
  while (events.length < opts.events) {
    const a = actor();
    const b = actor();
    if (a === b) continue;
    const relation = pick(RELATIONS);
    const date = `${2015 + Math.floor(rand() * 10)}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
    const [s, o] = relation === "met" || relation === "called" ? (a.id < b.id ? [a, b] : [b, a]) : [a, b];
    const id = `${relation}/${s.id.split("/")[1]}--${o.id.split("/")[1]}/${date}`;
    if (ids.has(id)) continue;
    ids.add(id);
    const sources = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => {
      const text = `${s.label}${pick(SENTENCES)}${o.label}。`;
      const start = Math.floor(rand() * 2000);
      return { doc: `gen-${Math.floor(rand() * docs)}.txt`, start, end: start + text.length, text };
    });
    events.push({ id, relation, subject: ref(s), object: ref(o), date, datePrecision: "day", initiator: relation === "called" ? ref(s) : null, amount: relation === "pledged_to" ? { value: 1_000_000, currency: "USD", text: "100万美元" } : null, sources } as ContactEvent);
  }
  const documents: DocumentInfo[] = Array.from({ length: docs }, (_, i) => ({ id: `gen-${i}.txt`, traditional: false }));
  return { entities: actors, events, documents };
}

async function writeLines(path: string, items: Iterable<unknown>, wrap: (s: string, first: boolean) => string = (s) => s + "\n"): Promise<void> {
  const out = createWriteStream(path);
  let first = true;
  for (const item of items) {
    if (!out.write(wrap(JSON.stringify(item), first))) await once(out, "drain");
    first = false;
  }
  out.end();
  await once(out, "finish");
}

/** Writes a generated build of `events` events into `dir`; returns its model. */
export async function writeLargeBuild(dir: string, opts: LargeBuildOptions): Promise<GraphModel> {
  mkdirSync(dir, { recursive: true });
  const model = generateModel(opts);
  const metrics = computeMetrics(contactGraph(model));
  await writeLines(join(dir, "entities.jsonl"), model.entities);
  await writeLines(join(dir, "events.jsonl"), model.events);
  await writeLines(join(dir, "documents.jsonl"), model.documents);
  writeFileSync(join(dir, "build.json"), JSON.stringify({ diplograph: 1, home: "CN", date: null, base: null, documents: model.documents.length, generated: true }, null, 2) + "\n");
  // graph.json as the build writes it (Graphology's serialization), streamed: it is too large for one string.
  const out = createWriteStream(join(dir, "graph.json"));
  const put = async (s: string) => void (out.write(s) || (await once(out, "drain")));
  await put('{"options":{"type":"directed","multi":true,"allowSelfLoops":true},"attributes":{},"nodes":[');
  for (const [i, e] of model.entities.entries()) await put(`${i ? "," : ""}${JSON.stringify({ key: e.id, attributes: { ...e, ...metrics.get(e.id) } })}`);
  await put('],"edges":[');
  for (const [i, ev] of model.events.entries()) await put(`${i ? "," : ""}${JSON.stringify({ key: ev.id, source: ev.subject.id, target: ev.object.id, attributes: ev })}`);
  await put("]}\n");
  out.end();
  await once(out, "finish");
  if (opts.nquads) {
    // In slices, so that no array holds every quad; entities and documents go with the first.
    const nq = createWriteStream(join(dir, "graph.nq"));
    const step = 20_000;
    for (let i = 0; i < model.events.length || i === 0; i += step) {
      const slice: GraphModel = { entities: i === 0 ? model.entities : [], documents: i === 0 ? model.documents : [], events: model.events.slice(i, i + step) };
      if (!nq.write(await writeQuads(modelToQuads(slice, { namedGraphs: true }), "N-Quads"))) await once(nq, "drain");
    }
    nq.end();
    await once(nq, "finish");
  } else writeFileSync(join(dir, "graph.nq"), "");
  return model;
}
