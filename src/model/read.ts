/**
 * Reads a build folder back into the model: events.jsonl, entities.jsonl, documents.jsonl.
 * Errors name the file and line.
 */
import { existsSync } from "node:fs";
import { readJsonLinesFile } from "../util/jsonl.js";
import { join } from "node:path";
import type { ContactEvent, DocumentInfo, Entity, GraphModel } from "./types.js";

export class BuildFolderError extends Error {}

function readLines<T>(path: string, required: boolean): T[] {
  if (!existsSync(path) && !required) return [];
  return readJsonLinesFile<T>(path, (m) => new BuildFolderError(m), "missing (is this a folder written by `diplograph build --out`?)");
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
