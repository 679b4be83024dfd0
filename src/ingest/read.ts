/**
 * Finds the documents in the inputs: files (.txt, .html, .htm), folders (recursive, sorted)
 * and JSON lines files (one {id, text, date?, url?, title?} per line). Anything unusable is
 * reported as skipped with its path and reason; it never stops the others.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, relative, resolve, sep } from "node:path";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { decodeBytes, DecodeError } from "./decode.js";
import type { SkippedInput, SourceDocument } from "../model/types.js";
import { wellFormed } from "../util/chars.js";

const TEXT_EXT = new Set([".txt", ".text", ".md"]);
const HTML_EXT = new Set([".html", ".htm", ".xhtml", ".shtml"]);
const JSONL_EXT = new Set([".jsonl", ".ndjson"]);

export type InputItem = { kind: "document"; doc: SourceDocument } | { kind: "skipped"; skipped: SkippedInput };

// The files that mark a folder as a build's output (model/extractions-store.ts, export/jsonl.ts).
const BUILD_MARKERS = ["build.json", "events.jsonl"];

/** Yields every document of the inputs in a deterministic order (inputs as given, folders sorted). */
export async function* readInputs(inputs: string[]): AsyncGenerator<InputItem> {
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (e) {
      yield skip(input, (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : `cannot read (${(e as Error).message})`);
      continue;
    }
    if (info.isDirectory()) {
      const root = resolve(input);
      if (await isBuildFolder(root)) {
        yield skip(input, "a Diplograph build (its outputs), not documents");
        continue;
      }
      for await (const file of walk(root)) yield* readFileInput(file, relative(root, file).split(sep).join("/"));
    } else {
      yield* readFileInput(resolve(input), basename(input));
    }
  }
}

/** A folder a build wrote: its manifest and its events beside each other. */
async function isBuildFolder(dir: string): Promise<boolean> {
  const present = await Promise.all(BUILD_MARKERS.map((name) => stat(join(dir, name)).then((s) => s.isFile(), () => false)));
  return present.every(Boolean);
}

async function* walk(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const path = join(dir, e.name);
    // A build written inside the corpus (diplograph build corpus --out corpus/out) is not read back.
    if (e.isDirectory() && !(await isBuildFolder(path))) yield* walk(path);
    else if (e.isFile()) yield path;
  }
}

async function* readFileInput(path: string, id: string): AsyncGenerator<InputItem> {
  const ext = extname(path).toLowerCase();
  if (JSONL_EXT.has(ext)) {
    yield* readJsonl(path, id);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    yield skip(path, `cannot read (${(e as Error).message})`);
    return;
  }
  try {
    const { text, encoding } = decodeBytes(bytes);
    const html = HTML_EXT.has(ext) || (!TEXT_EXT.has(ext) && /^\s*<(!doctype html|html|head|body)\b/i.test(text.slice(0, 512)));
    if (!TEXT_EXT.has(ext) && !HTML_EXT.has(ext) && !html && ext !== "") {
      yield skip(path, `unsupported file type "${ext}" (expected .txt, .html or .jsonl)`);
      return;
    }
    if (!text.trim()) {
      yield skip(path, "no text (only white space)");
      return;
    }
    yield { kind: "document", doc: { id, original: text, format: html ? "html" : "text", encoding } };
  } catch (e) {
    if (e instanceof DecodeError) yield skip(path, e.message);
    else throw e;
  }
}

async function* readJsonl(path: string, fileId: string): AsyncGenerator<InputItem> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let n = 0;
  const seen = new Set<string>();
  try {
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch {
        yield skip(`${path}:${n}`, "not valid JSON");
        continue;
      }
      if (!rec || typeof rec !== "object" || typeof (rec as { text?: unknown }).text !== "string") {
        yield skip(`${path}:${n}`, 'no "text" string');
        continue;
      }
      const r = rec as { id?: unknown; text: string; date?: unknown; url?: unknown; title?: unknown };
      if (!r.text.trim()) {
        yield skip(`${path}:${n}`, "empty text");
        continue;
      }
      let id = typeof r.id === "string" || typeof r.id === "number" ? wellFormed(String(r.id)).trim() : `${fileId}#${n}`;
      // "." and ".." would be dot-segments in the document's IRI (doc/. is doc/): they get the line's id.
      if (!id || id === "." || id === "..") id = `${fileId}#${n}`;
      if (seen.has(id)) id = `${fileId}#${n}`;
      seen.add(id);
      const text = wellFormed(r.text);
      const doc: SourceDocument = { id, original: text, format: /^\s*<(!doctype html|html|body|div|p)\b/i.test(text) ? "html" : "text" };
      const date = typeof r.date === "string" ? isoDate(r.date) : undefined;
      if (date) doc.date = date;
      if (typeof r.url === "string" && /^https?:\/\/[^\s<>"{}|\\^`]+$/.test(r.url)) doc.url = r.url;
      if (typeof r.title === "string") doc.title = wellFormed(r.title);
      yield { kind: "document", doc };
    }
  } catch (e) {
    yield skip(path, `cannot read (${(e as Error).message})`);
  }
}

/** YYYY-MM-DD from the start of an ISO-like date string, or undefined. */
export function isoDate(s: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(s.trim());
  if (!m) return undefined;
  const d = `${m[1]}-${(m[2] as string).padStart(2, "0")}-${(m[3] as string).padStart(2, "0")}`;
  return validDate(d) ? d : undefined;
}

export function validDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
}

function skip(path: string, reason: string): InputItem {
  return { kind: "skipped", skipped: { path, reason } };
}
