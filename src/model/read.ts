/**
 * Reads a build folder back into the model: events.jsonl, entities.jsonl, documents.jsonl.
 * Errors name the file and line.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ContactEvent, DocumentInfo, Entity, GraphModel } from "./types.js";

export class BuildFolderError extends Error {}

function readLines<T>(path: string, required: boolean): T[] {
  if (!existsSync(path)) {
    if (!required) return [];
    throw new BuildFolderError(`${path}: missing (is this a folder written by \`diplograph build --out\`?)`);
  }
  const out: T[] = [];
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        out.push(JSON.parse(line) as T);
      } catch {
        throw new BuildFolderError(`${path}:${i + 1}: not JSON`);
      }
    });
  return out;
}

/** The model of a build folder. */
export function readModel(dir: string): GraphModel {
  if (!existsSync(dir)) throw new BuildFolderError(`${dir}: no such folder`);
  const entities = readLines<Entity>(join(dir, "entities.jsonl"), true);
  const events = readLines<ContactEvent>(join(dir, "events.jsonl"), true);
  const documents = readLines<DocumentInfo>(join(dir, "documents.jsonl"), false);
  const ids = new Set(entities.map((e) => e.id));
  events.forEach((e, i) => {
    for (const ref of [e.subject, e.object, ...(e.initiator ? [e.initiator] : [])]) {
      if (!ids.has(ref.id)) throw new BuildFolderError(`${join(dir, "events.jsonl")}:${i + 1}: names entity "${ref.id}" that entities.jsonl does not have`);
    }
  });
  return { entities, events, documents };
}
