/**
 * Syndicated news repeats itself: agencies' copies of one article, word for word, under other
 * ids and addresses. Extraction depends only on the text, its format, title and date (and the
 * build's options), so a copy is not extracted again: its extraction is the first one's with
 * the copy's own id, address and encoding in the document info. Keys are SHA-1 digests of the
 * inputs; the cache keeps the most recent extractions up to a size.
 */
import { createHash } from "node:crypto";
import type { DocumentInfo, SourceDocument } from "../model/types.js";
import type { SerializedExtraction } from "../model/extractions-store.js";

interface Cached {
  info: DocumentInfo;
  /** The extraction line after its info object (`,"entities":…}`). */
  rest: string;
  names: string[];
}

/** Characters of cached extractions kept (per worker). */
const BUDGET = 16 << 20;

export class ExtractionCache {
  private readonly entries = new Map<string, Cached>();
  private held = 0;

  key(doc: SourceDocument, options: string): string {
    return createHash("sha1")
      .update(JSON.stringify([options, doc.format, doc.title ?? null, doc.date ?? null]))
      .update("\u0000")
      .update(doc.original)
      .digest("base64");
  }

  get(key: string, doc: SourceDocument): SerializedExtraction | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // The copy's own info, in the key order extraction gives it (id, traditional, title, url, encoding, date).
    const info: DocumentInfo = { id: doc.id, traditional: hit.info.traditional };
    if (hit.info.title) info.title = hit.info.title;
    if (doc.url) info.url = doc.url;
    if (doc.encoding) info.encoding = doc.encoding;
    if (hit.info.date) info.date = hit.info.date;
    return { id: doc.id, names: hit.names, line: `{"info":${JSON.stringify(info)}${hit.rest}` };
  }

  set(key: string, x: SerializedExtraction): void {
    const infoEnd = x.line.indexOf(',"entities":');
    const cached: Cached = { info: JSON.parse(x.line.slice('{"info":'.length, infoEnd)) as DocumentInfo, rest: x.line.slice(infoEnd), names: x.names };
    this.entries.set(key, cached);
    this.held += cached.rest.length;
    for (const [k, v] of this.entries) {
      if (this.held <= BUDGET) break;
      this.entries.delete(k);
      this.held -= v.rest.length;
    }
  }
}
