/**
 * Checks RDF output against the SHACL shapes of ontology/shapes.ttl (rdf-validate-shacl) and
 * reports every violation with its focus node, path and message.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Parser, Store, type Quad } from "n3";
import SHACLValidator from "rdf-validate-shacl";
import { packageFolder } from "../util/assets.js";

export interface Violation {
  focusNode: string;
  path: string | null;
  message: string;
  severity: string;
  constraint: string;
  shape: string;
}

export interface ValidationResult {
  conforms: boolean;
  violations: Violation[];
}

export class RdfFileError extends Error {}

/** Parses an RDF file (Turtle, TriG, N-Triples or N-Quads by extension); errors name file and line. */
export function readRdfFile(path: string): Quad[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new RdfFileError(`${path}: cannot read`);
  }
  const format = path.endsWith(".nq") ? "N-Quads" : path.endsWith(".nt") ? "N-Triples" : path.endsWith(".trig") ? "TriG" : "Turtle";
  try {
    return new Parser({ format }).parse(text);
  } catch (e) {
    throw new RdfFileError(`${path}: ${(e as Error).message}`);
  }
}

let shapesStore: Store | undefined;

function shapes(): Store {
  shapesStore ??= new Store(readRdfFile(join(packageFolder("ontology", "shapes.ttl"), "shapes.ttl")));
  return shapesStore;
}

/** Validates quads against the Diplograph shapes. */
export async function validateQuads(quads: Quad[]): Promise<ValidationResult> {
  const validator = new SHACLValidator(shapes());
  const report = await validator.validate(new Store(quads));
  const violations = report.results.map((r) => ({
    focusNode: r.focusNode?.value ?? "",
    path: r.path ? pathString(r.path) : null,
    message: r.message.map((m) => m.value).join("; ") || "(no message)",
    severity: r.severity?.value.replace("http://www.w3.org/ns/shacl#", "") ?? "Violation",
    constraint: r.sourceConstraintComponent?.value.replace("http://www.w3.org/ns/shacl#", "") ?? "",
    shape: r.sourceShape?.value ?? "",
  }));
  violations.sort((a, b) => (a.focusNode + a.path + a.constraint < b.focusNode + b.path + b.constraint ? -1 : 1));
  return { conforms: report.conforms, violations };
}

/** Validates a build folder's graph (graph.ttl) or an RDF file (Turtle, TriG, N-Triples, N-Quads). */
export async function validatePath(pathOrDir: string): Promise<ValidationResult> {
  let info;
  try {
    info = statSync(pathOrDir);
  } catch {
    throw new RdfFileError(`${pathOrDir}: no such file or folder`);
  }
  if (info.isDirectory()) {
    const file = join(pathOrDir, "graph.ttl");
    if (!existsSync(file)) throw new RdfFileError(`${file}: missing (is ${pathOrDir} a folder written by \`diplograph build --out\`?)`);
    return validateQuads(readRdfFile(file));
  }
  if (!/\.(ttl|nq|nt|trig)$/i.test(pathOrDir)) {
    throw new RdfFileError(`${pathOrDir}: validate reads Turtle (.ttl), TriG (.trig), N-Triples (.nt) or N-Quads (.nq); for a build, give its folder (graph.jsonld holds the same statements as graph.ttl)`);
  }
  return validateQuads(readRdfFile(pathOrDir));
}

function pathString(path: unknown): string {
  if (path && typeof path === "object" && "value" in path) return String((path as { value: string }).value);
  return JSON.stringify(path);
}

/** One line per violation: focus node, path, message. */
export function formatViolations(r: ValidationResult): string {
  return r.violations.map((v) => `${v.severity}: <${v.focusNode}>${v.path ? ` ${v.path}` : ""}: ${v.message} [${v.constraint}]`).join("\n");
}
