/**
 * Worker-thread entry (piscina): extracts one document. The lexicon is built once per worker.
 * The result is structured-cloned back to the main thread (Maps and Sets survive).
 */
import { extractDocument, type DocumentExtraction } from "./document.js";
import { getLexicon } from "../lexicon/lexicon.js";
import type { SourceDocument } from "../model/types.js";

export interface ExtractTask {
  doc: SourceDocument;
  home: string;
  date?: string;
  dataDir?: string;
}

export type ExtractOutcome = { ok: true; extraction: DocumentExtraction } | { ok: false; id: string; error: string };

/** Extracts a batch of documents (batches keep the messaging cost per document low). */
export default function extractBatch(tasks: ExtractTask[]): ExtractOutcome[] {
  return tasks.map((task) => {
    try {
      const lexicon = getLexicon(task.dataDir);
      return { ok: true, extraction: extractDocument(task.doc, { lexicon, homeCountry: task.home, ...(task.date ? { date: task.date } : {}) }) };
    } catch (e) {
      return { ok: false, id: task.doc.id, error: e instanceof Error ? e.message : String(e) };
    }
  });
}
