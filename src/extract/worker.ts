/**
 * Worker-thread entry (piscina): extracts a batch of documents. The lexicon is built once per
 * worker. Each result goes back serialized (its extractions.jsonl line): a string crosses to
 * the main thread cheaply, where a structured clone of Maps, Sets and gazetteer objects did not.
 */
import { extractDocument } from "./document.js";
import { getLexicon } from "../lexicon/lexicon.js";
import type { SourceDocument } from "../model/types.js";
import { serializeExtraction, type SerializedExtraction } from "../model/extractions-store.js";
import { ExtractionCache } from "../pipeline/extraction-cache.js";

export interface ExtractTask {
  doc: SourceDocument;
  home: string;
  date?: string;
  dataDir?: string;
}

export type ExtractOutcome = { ok: true; extraction: SerializedExtraction } | { ok: false; id: string; error: string };

const cache = new ExtractionCache();

/** Extracts one document (in a worker or in the main thread); a copy of a document seen before comes from the cache. */
export function extractTask(task: ExtractTask): ExtractOutcome {
  try {
    const key = cache.key(task.doc, JSON.stringify([task.home, task.date ?? null, task.dataDir ?? null]));
    const hit = cache.get(key, task.doc);
    if (hit) return { ok: true, extraction: hit };
    const lexicon = getLexicon(task.dataDir);
    const extraction = serializeExtraction(extractDocument(task.doc, { lexicon, homeCountry: task.home, ...(task.date ? { date: task.date } : {}) }));
    cache.set(key, extraction);
    return { ok: true, extraction };
  } catch (e) {
    return { ok: false, id: task.doc.id, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Extracts a batch of documents (batches keep the messaging cost per document low). */
export default function extractBatch(tasks: ExtractTask[]): ExtractOutcome[] {
  return tasks.map(extractTask);
}
