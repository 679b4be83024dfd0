/**
 * extractions.jsonl: what extraction found in each document of a build (one line a document),
 * kept so that `build --append` can add documents without reading the old ones again, and a
 * manifest (build.json) with the options the build was made with.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DocEntity, DocumentExtraction } from "../extract/document.js";
import { fileLines } from "../store/sorted-runs.js";

export const EXTRACTIONS_FILE = "extractions.jsonl";
export const MANIFEST_FILE = "build.json";
export const STORE_VERSION = 1;

export interface BuildManifest {
  diplograph: number;
  home: string;
  date: string | null;
  base: string | null;
  documents: number;
}

export class AppendError extends Error {}

type SerializedEntity = Omit<DocEntity, "surfaces" | "roles"> & { surfaces: string[]; roles: [string, DocEntity["roles"] extends Map<string, infer R> ? R : never][] };

export function extractionLine(x: DocumentExtraction): string {
  const entities: SerializedEntity[] = [...x.entities.values()].map((e) => ({ ...e, surfaces: [...e.surfaces].sort(), roles: [...e.roles].sort((a, b) => (a[0] < b[0] ? -1 : 1)) }));
  return JSON.stringify({ info: x.info, entities, events: x.events }) + "\n";
}

/** A document's extraction as the build carries it: its line, and the person names it gives (they decide persons' ids). */
export interface SerializedExtraction {
  id: string;
  names: string[];
  /** extractionLine, without the line break. */
  line: string;
}

export function serializeExtraction(x: DocumentExtraction): SerializedExtraction {
  const names = new Set<string>();
  for (const e of x.entities.values()) if (e.type === "Person") names.add(e.label);
  return { id: x.info.id, names: [...names], line: extractionLine(x).slice(0, -1) };
}

/** The document info's JSON text inside an extraction line (JSON.stringify(info): the line starts with it). */
export function infoText(line: string): string {
  const prefix = '{"info":';
  // Quotes inside JSON strings are escaped, so the first ,"entities": ends the info object.
  return line.slice(prefix.length, line.indexOf(',"entities":', prefix.length));
}

export function parseExtraction(line: string): DocumentExtraction {
  const raw = JSON.parse(line) as { info: DocumentExtraction["info"]; entities: SerializedEntity[]; events: DocumentExtraction["events"] };
  const entities = new Map<string, DocEntity>();
  for (const e of raw.entities) entities.set(e.key, { ...e, surfaces: new Set(e.surfaces), roles: new Map(e.roles) });
  return { info: raw.info, entities, events: raw.events };
}

/** The manifest of an existing build, for --append (checked before anything is read). */
export function readManifest(dir: string): BuildManifest {
  const manifestPath = join(dir, MANIFEST_FILE);
  const path = join(dir, EXTRACTIONS_FILE);
  if (!existsSync(manifestPath) || !existsSync(path)) throw new AppendError(`${dir}: not a build folder to append to (no ${MANIFEST_FILE} and ${EXTRACTIONS_FILE}); run a full build first`);
  let manifest: BuildManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as BuildManifest;
  } catch {
    throw new AppendError(`${manifestPath}: not valid JSON`);
  }
  if (manifest.diplograph !== STORE_VERSION) throw new AppendError(`${manifestPath}: made by another version of Diplograph (store ${manifest.diplograph}, this one reads ${STORE_VERSION}); run a full build`);
  return manifest;
}

/** The extractions of an existing build, a line at a time, for --append. */
export async function* readExtractionLines(dir: string): AsyncGenerator<SerializedExtraction> {
  const path = join(dir, EXTRACTIONS_FILE);
  let n = 0;
  for (const line of fileLines(path)) {
    n++;
    if (!line.trim()) continue;
    let x: DocumentExtraction;
    try {
      x = parseExtraction(line);
    } catch {
      throw new AppendError(`${path}:${n}: not a valid extraction line; run a full build`);
    }
    const names = new Set<string>();
    for (const e of x.entities.values()) if (e.type === "Person") names.add(e.label);
    yield { id: x.info.id, names: [...names], line };
  }
}
