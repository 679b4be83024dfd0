/**
 * The main job: read the inputs, extract every document, merge into one model, and write its
 * views (events.jsonl, entities.jsonl, documents.jsonl, graph.ttl) atomically. Bad input is
 * skipped with its reason; only a build with no usable document at all fails.
 */
import { join } from "node:path";
import { readInputs } from "./ingest/read.js";
import { extractDocument, type DocumentExtraction } from "./extract/document.js";
import { getLexicon } from "./lexicon/lexicon.js";
import { mergeExtractions } from "./model/merge.js";
import { writeFileAtomic } from "./export/atomic.js";
import { documentLines, entityLines, eventLines } from "./export/jsonl.js";
import { toNQuads, toTriG, toTurtle } from "./export/turtle.js";
import { toJsonLd } from "./export/jsonld.js";
import { DiplographGraph } from "./graph/api.js";
import { graphJson } from "./graph/export.js";
import type { GraphModel, SkippedInput } from "./model/types.js";

export interface BuildOptions {
  /** Output folder; omit to only return the model. */
  out?: string;
  /** Anchor date (YYYY-MM-DD) for documents that give none. */
  date?: string;
  /** ISO 3166 alpha-2 code of the country whose posts unqualified titles name; default CN. */
  home?: string;
  /** Folder with gazetteers and patterns; default the package's data/. */
  dataDir?: string;
  /** Base IRI for data in RDF output. */
  base?: string;
}

export interface BuildResult {
  model: GraphModel;
  skipped: SkippedInput[];
  /** Files written, in the order written. */
  files: string[];
  seconds: number;
}

export class BuildError extends Error {}

/** Builds the knowledge graph of the inputs (files, folders, .jsonl). */
export async function build(inputs: string[], opts: BuildOptions = {}): Promise<BuildResult> {
  const t0 = performance.now();
  const lexicon = getLexicon(opts.dataDir);
  const home = (opts.home ?? "CN").toUpperCase();
  if (!lexicon.countryByIso.has(home)) throw new BuildError(`unknown home country code "${opts.home}" (expected ISO 3166 alpha-2, e.g. CN)`);
  const extractions: DocumentExtraction[] = [];
  const skipped: SkippedInput[] = [];
  for await (const item of readInputs(inputs)) {
    if (item.kind === "skipped") {
      skipped.push(item.skipped);
      continue;
    }
    try {
      const x = extractDocument(item.doc, { lexicon, homeCountry: home, ...(opts.date ? { date: opts.date } : {}) });
      extractions.push(x);
    } catch (e) {
      skipped.push({ path: item.doc.id, reason: `extraction failed (${(e as Error).message})` });
    }
  }
  const model = mergeExtractions(extractions);
  const files: string[] = [];
  if (opts.out) {
    if (extractions.length === 0) throw new BuildError(`no document could be read from ${inputs.join(", ")}${skipped.length ? ` (${describeSkipped(skipped)})` : ""}`);
    const write = async (name: string, content: Iterable<string> | string) => {
      const path = join(opts.out as string, name);
      await writeFileAtomic(path, content);
      files.push(path);
    };
    await write("events.jsonl", eventLines(model));
    await write("entities.jsonl", entityLines(model));
    await write("documents.jsonl", documentLines(model));
    const rdf = opts.base ? { base: opts.base } : {};
    await write("graph.ttl", await toTurtle(model, rdf));
    await write("graph.nq", await toNQuads(model, rdf));
    await write("graph.trig", await toTriG(model, rdf));
    await write("graph.jsonld", await toJsonLd(model, rdf));
    // The explorer's file: the Graphology graph with entity and event attributes and metrics.
    await write("graph.json", JSON.stringify(graphJson(new DiplographGraph(model, rdf))) + "\n");
  }
  return { model, skipped, files, seconds: (performance.now() - t0) / 1000 };
}

/** The one-line summary the CLI prints on stderr. */
export function summaryLine(r: BuildResult): string {
  const parts = [
    `${r.model.documents.length} document${r.model.documents.length === 1 ? "" : "s"} read`,
    `${r.skipped.length} skipped${r.skipped.length ? ` (${describeSkipped(r.skipped)})` : ""}`,
    `${r.model.entities.length} entities`,
    `${r.model.events.length} events`,
    `${r.seconds.toFixed(1)} s`,
  ];
  return `diplograph: ${parts.join(", ")}`;
}

function describeSkipped(skipped: SkippedInput[]): string {
  return skipped.map((s) => `${s.path}: ${s.reason}`).join("; ");
}
