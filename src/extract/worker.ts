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

export default function extract(task: ExtractTask): DocumentExtraction {
  const lexicon = getLexicon(task.dataDir);
  return extractDocument(task.doc, { lexicon, homeCountry: task.home, ...(task.date ? { date: task.date } : {}) });
}
