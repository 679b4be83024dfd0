/** A compiled module for a worker thread: beside the caller when running from dist/, else the package's dist/. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { packageFolder } from "./assets.js";

/** `relative`: the module's path under dist/ (extract/worker.js); `beside`: the same file as a URL next to the caller. */
export function compiledModule(relative: string, beside: URL): string {
  if (existsSync(fileURLToPath(beside))) return beside.href;
  return pathToFileURL(join(packageFolder("dist", relative), relative)).href;
}
