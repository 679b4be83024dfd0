/**
 * /files/NAME: the build's own files for download — regular files at the top of the build
 * folder only: no symbolic links, no dot files, no sub-folders — each with its media type and
 * charset.
 */
import type { FastifyInstance } from "fastify";
import { createReadStream, lstatSync } from "node:fs";
import { extname, join } from "node:path";

const TYPES: Record<string, string> = {
  ".ttl": "text/turtle",
  ".nq": "application/n-quads",
  ".nt": "application/n-triples",
  ".trig": "application/trig",
  ".jsonld": "application/ld+json",
  ".json": "application/json",
  ".jsonl": "application/x-ndjson",
  ".csv": "text/csv",
  ".gexf": "application/xml",
  ".graphml": "application/xml",
  ".txt": "text/plain",
};

/** The media type of a build file (UTF-8 text; anything unknown is a download). */
export function fileType(name: string): string {
  const type = TYPES[extname(name).toLowerCase()];
  return type ? `${type}; charset=utf-8` : "application/octet-stream";
}

const NAME = /^[\w-][\w.-]*$/;

export function registerFiles(app: FastifyInstance, dir: string): void {
  app.get<{ Params: { name: string } }>("/files/:name", { schema: { hide: true } }, async (req, reply) => {
    const name = req.params.name;
    const path = join(dir, name);
    let regular = false;
    try {
      regular = NAME.test(name) && lstatSync(path).isFile();
    } catch {
      regular = false;
    }
    if (!regular) return reply.code(404).type("text/plain; charset=utf-8").send(`no file "${name}" in this build\n`);
    return reply.type(fileType(name)).send(createReadStream(path));
  });
}
