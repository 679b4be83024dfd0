/** Locates folders shipped with the package (data/, ontology/), from src/ or from dist/. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The package folder `name` (e.g. "ontology") that contains `probe`. */
export function packageFolder(name: string, probe: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ["../..", "..", "../../.."]) {
    const dir = resolve(here, up, name);
    if (existsSync(join(dir, probe))) return dir;
  }
  throw new Error(`diplograph: cannot find the ${name}/ folder of the package`);
}

/** The package's version (package.json). */
export function packageVersion(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ["../..", "..", "../../.."]) {
    const file = resolve(here, up, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "diplograph" && pkg.version) return pkg.version;
    }
  }
  return "unknown";
}
