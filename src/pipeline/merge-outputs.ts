/**
 * From the extractions (sorted on disk by document id) to every output of a build, in stages
 * that each stream over sorted runs (store/sorted-runs.ts), so memory holds the entity table
 * and a run buffer or two, not the corpus:
 *
 *  1. extractions in id order (the later of two with one id wins): extractions.jsonl,
 *     documents.jsonl, and the person names (they decide the persons' ids);
 *  2. again, parsed: the entity table, and each event mention, sorted by its group (the
 *     event's id with the date wildcarded: reports of one contact at several precisions);
 *  3. each group merged into events (model/merge.ts), sorted by the model's event order;
 *  4. events in order: events.jsonl, graph.json's edges, the contact graph for the metrics, the
 *     direct edges; and the events again sorted by IRI (Turtle) and by document (named graphs);
 *  5. the RDF files, then graph.json.
 * The same functions as the in-memory merge (mergeExtractions) do the work, so the bytes are
 * the same.
 */
import { join } from "node:path";
import { UndirectedGraph } from "graphology";
import type { ContactEvent, DocumentInfo, Entity, GraphModel } from "../model/types.js";
import { SortedRuns, fileLines } from "../store/sorted-runs.js";
import { AtomicFile } from "../export/atomic.js";
import { EntityTable, eventGroupKey, eventSortKey, mergeEventGroup } from "../model/merge.js";
import { infoText, parseExtraction } from "../model/extractions-store.js";
import { documentLine, entityLine, eventLine } from "../export/jsonl.js";
import { directEdges, type DirectEdge } from "../export/rdf-stream.js";
import { writeRdfFiles } from "../export/rdf-files.js";
import { documentGraphKey, documentGraphs } from "../export/rdf-worker.js";
import { mergeHeapMB } from "../util/heap.js";
import { dataIris } from "../export/rdf.js";
import { addContact, computeMetrics } from "../graph/metrics.js";
import { GRAPH_JSON_HEAD, GRAPH_JSON_MIDDLE, GRAPH_JSON_TAIL, graphJsonEdge, graphJsonNode } from "../export/graph-json.js";

const SEP = "\u0000";
/** Records (documents and their events) from which the documents' graphs are written on a second thread. */
const RDF_WORKER_MIN_RECORDS = 1000;

/** DIPLOGRAPH_STAGES=1 prints each stage's seconds and heap on stderr (for profiling large builds). */
const stageClock = () => {
  let t = performance.now();
  return (name: string) => {
    if (!process.env.DIPLOGRAPH_STAGES) return;
    const now = performance.now();
    // With --expose-gc, the live heap rather than what the collector has not yet reclaimed.
    (globalThis as { gc?: () => void }).gc?.();
    process.stderr.write(`diplograph: ${name} ${((now - t) / 1000).toFixed(1)} s, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB\n`);
    t = now;
  };
};

/** A record's key: a sort key, then an order number that keeps ties in input order. */
export function orderedKey(key: string, order: number): string {
  return `${key}${SEP}${String(order).padStart(12, "0")}`;
}

function keyPart(key: string): string {
  return key.slice(0, key.lastIndexOf(SEP));
}

export interface MergeOutputsOptions {
  /** Folder for the working files (removed by the caller). */
  work: string;
  /** Output folder; none: nothing is written (the model is returned). */
  out?: string;
  base?: string;
  /** Keep the model in memory and return it. */
  keepModel: boolean;
  /** Characters a sort holds before writing a run (SortedRuns). */
  budget?: number;
}

export interface MergeOutputsResult {
  model: GraphModel;
  counts: { documents: number; entities: number; events: number };
  /** Files written, in the order written; the store (extractions.jsonl) is left to commit. */
  files: string[];
  /** extractions.jsonl, written but not yet in place (the caller commits it with the manifest, last). */
  extractions?: AtomicFile;
  /** Seconds spent writing the RDF files (part of the merge). */
  rdfSeconds?: number;
}

/** `extractions`: serialized extractions keyed by orderedKey(document id, input order). */
export async function mergeAndWrite(extractions: SortedRuns, opts: MergeOutputsOptions): Promise<MergeOutputsResult> {
  const { work } = opts;
  const runs = (name: string) => new SortedRuns(work, name, opts.budget ? { budget: opts.budget } : {});
  const out = (name: string) => AtomicFile.open(opts.out ? join(opts.out, name) : join(work, name));
  const iris = dataIris(opts.base);
  const model: GraphModel = { entities: [], events: [], documents: [] };

  // 1. Extractions in id order, the last of each id.
  const store = await out("extractions.jsonl");
  const documentsFile = await out("documents.jsonl");
  const documentsByIri = runs("documents-by-iri");
  const graphsByDocument = runs("graphs-by-document");
  const names = new Set<string>();
  let documents = 0;
  const emit = (id: string, value: string) => {
    const tab = value.indexOf("\t");
    for (const n of JSON.parse(value.slice(0, tab)) as string[]) names.add(n);
    const line = value.slice(tab + 1);
    store.write([line, "\n"]);
    const info = infoText(line);
    documentsFile.write([info, "\n"]);
    const iri = iris.document(id);
    documentsByIri.add(iri, info);
    // The document's node first (0), then the events it reports (1).
    graphsByDocument.add(documentGraphKey(iri, 0), info);
    if (opts.keepModel) model.documents.push(JSON.parse(info) as DocumentInfo);
    documents++;
  };
  let held: [string, string] | undefined;
  for (const [key, value] of extractions.sorted()) {
    const id = keyPart(key);
    if (held && held[0] !== id) emit(...held);
    held = [id, value];
  }
  if (held) emit(...held);

  const stage = stageClock();
  stage("1 extractions in id order");
  // 2. The entity table, and the mentions by group.
  let table: EntityTable | undefined = new EntityTable(names);
  names.clear();
  const mentions = runs("mentions");
  let mentionOrder = 0;
  for (const line of fileLines(store.contentPath())) {
    const x = parseExtraction(line);
    table.add(x);
    for (const m of table.mentions(x)) mentions.add(orderedKey(eventGroupKey(m.id), mentionOrder++), JSON.stringify(m));
  }
  const entities: Entity[] = table.entities();
  // The table's working maps (every person name, every alias set) are not needed any more.
  table = undefined;
  if (opts.keepModel) model.entities = entities;

  stage("2 entity table and mentions");
  // 3. Groups merged into events, in the model's order.
  const ordered = runs("events");
  let group: ContactEvent[] = [];
  let groupKey: string | undefined;
  const mergeGroup = () => {
    for (const e of mergeEventGroup(group)) ordered.add(eventSortKey(e), JSON.stringify(e));
    group = [];
  };
  for (const [key, value] of mentions.sorted()) {
    const k = keyPart(key);
    if (k !== groupKey && group.length) mergeGroup();
    groupKey = k;
    group.push(JSON.parse(value) as ContactEvent);
  }
  if (group.length) mergeGroup();

  stage("3 groups merged");
  // 4. Events in order.
  const eventsFile = await out("events.jsonl");
  const edgesPart = await AtomicFile.open(join(work, "graph-edges.part"));
  const edges = runs("edges");
  const eventsByIri = runs("events-by-iri");
  let events = 0;
  for (const [, value] of ordered.sorted()) {
    const e = JSON.parse(value) as ContactEvent;
    eventsFile.write(eventLine(e));
    edgesPart.write([events ? "," : "", graphJsonEdge(e, value), "\n"]);
    for (const d of directEdges(e, iris.entity)) edges.add(d.iri, JSON.stringify([d.subject, d.edge, d.object]));
    eventsByIri.add(iris.event(e.id), value);
    // Each reporting document's graph gets the event with that document's sources only: a
    // contact reported by hundreds of copies is not copied hundreds of times whole.
    for (let i = 0; i < e.sources.length; ) {
      const doc = (e.sources[i] as ContactEvent["sources"][number]).doc;
      let j = i + 1;
      while (j < e.sources.length && (e.sources[j] as ContactEvent["sources"][number]).doc === doc) j++;
      const own = i === 0 && j === e.sources.length ? value : JSON.stringify({ ...e, sources: e.sources.slice(i, j) });
      graphsByDocument.add(documentGraphKey(iris.document(doc), 1), own);
      i = j;
    }
    if (opts.keepModel) model.events.push(e);
    events++;
  }
  const counts = { documents, entities: entities.length, events };
  stage("4 events in order");
  const files: string[] = [];
  if (!opts.out) {
    for (const f of [store, documentsFile, eventsFile, edgesPart]) await f.abort();
    return { model, counts, files };
  }
  const entitiesFile = await out("entities.jsonl");
  for (const e of entities) entitiesFile.write(entityLine(e));
  for (const f of [eventsFile, entitiesFile, documentsFile]) {
    await f.commit();
    files.push(f.path);
  }

  // 5. RDF, then graph.json.
  const parsed = function* <T>(runs: SortedRuns): Generator<T> {
    for (const [, value] of runs.sorted()) yield JSON.parse(value) as T;
  };
  const rdf = opts.base ? { base: opts.base } : {};
  const tRdf = performance.now();
  // graph.ttl and the documents' named graphs at once, on two threads, when there are enough
  // documents to repay starting one (DIPLOGRAPH_RDF_WORKER=1 always, 0 never).
  const rdfWorker = process.env.DIPLOGRAPH_RDF_WORKER;
  const onWorker = rdfWorker === "1" || (rdfWorker !== "0" && graphsByDocument.size >= RDF_WORKER_MIN_RECORDS);
  files.push(
    ...(await writeRdfFiles(
      opts.out,
      {
        flat: {
          entities,
          edges: (function* (): Generator<DirectEdge> {
            for (const [iri, value] of edges.sorted()) {
              const [subject, edge, object] = JSON.parse(value) as [string, string, string];
              yield { iri, subject, edge, object };
            }
          })(),
          documentsByIri: parsed<DocumentInfo>(documentsByIri), eventsByIri: parsed<ContactEvent>(eventsByIri) },
        named: { entities, documentGraphs: onWorker ? [] : documentGraphs(graphsByDocument) },
        ...(onWorker ? { documentGraphRuns: { runs: graphsByDocument, heapMB: mergeHeapMB() } } : {}),
      },
      rdf,
    )),
  );
  const rdfSeconds = (performance.now() - tRdf) / 1000;
  stage("5 RDF");
  // The contact graph for the metrics, built now (after the RDF, so that it is not held
  // alongside), from the edges in the model's order: the same graph as contactGraph(model).
  const contacts = new UndirectedGraph();
  for (const e of entities) contacts.addNode(e.id);
  for (const line of fileLines(edgesPart.contentPath())) {
    const edge = JSON.parse(line.startsWith(",") ? line.slice(1) : line) as { source: string; target: string };
    addContact(contacts, { subject: { id: edge.source }, object: { id: edge.target } });
  }
  const metrics = computeMetrics(contacts);
  const graphJson = await out("graph.json");
  graphJson.write(GRAPH_JSON_HEAD);
  let n = 0;
  for (const e of entities) graphJson.write([n++ ? "," : "", graphJsonNode(e, metrics.get(e.id))]);
  graphJson.write(GRAPH_JSON_MIDDLE);
  // The edges were kept a line each; graph.json has them on one line.
  for (const edge of fileLines(edgesPart.contentPath())) graphJson.write(edge);
  graphJson.write(GRAPH_JSON_TAIL);
  await edgesPart.abort();
  await graphJson.commit();
  files.push(graphJson.path);
  stage("6 graph.json");
  return { model, counts, files, extractions: store, rdfSeconds };
}
