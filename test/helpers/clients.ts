/**
 * Independent tools from Debian, for the real-client tests: Apache Jena (riot, arq, shacl), the
 * OWL API, Python with rdflib and NetworkX, xmllint. Each is looked up once; a test that needs a
 * missing tool is skipped off CI and fails in CI (.ci/run installs them).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const PYTHON = "/usr/bin/python3";

/** Whether a test needing `ok` should run: always in CI (where a missing tool fails it), else only when present. */
export const runWith = (ok: boolean) => ok || Boolean(process.env.CI);

/** The jars of a Debian Java package and of everything it depends on (its own classpath). */
function debianClasspath(pkg: string): string[] {
  const deps = spawnSync("apt-cache", ["depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances", pkg], { encoding: "utf8" });
  if (deps.status !== 0) return [];
  const packages = new Set(deps.stdout.split("\n").filter((l) => l && !l.startsWith(" ") && !l.includes("<")));
  const jars = new Set<string>();
  for (const p of packages) {
    const files = spawnSync("dpkg", ["-L", p], { encoding: "utf8" });
    for (const f of files.stdout?.split("\n") ?? []) if (/^\/usr\/share\/java\/[^/]+\.jar$/.test(f) && !/-\d[\d.]*\.jar$/.test(f)) jars.add(f);
  }
  // One logging binding at most (several, or log4j-over-slf4j with slf4j-log4j12, stop the JVM).
  return [...jars].filter((j) => !/slf4j-(log4j12|jcl|jdk14|nop|simple)|log4j-over-slf4j|maven3-slf4j/.test(j)).sort();
}

let jena: string | null | undefined;

/**
 * Jena's classpath. Debian's libapache-jena-java moves Jena's bundled Xerces to the package
 * `xerces.*` but leaves its message files under org/apache/jena/ext/xerces/, so Jena fails at
 * start ("internal error" in XSSimpleTypeDecl); they are copied where the classes look for them.
 */
export function jenaClasspath(): string | null {
  if (jena !== undefined) return jena;
  const jars = debianClasspath("libapache-jena-java");
  const core = jars.find((j) => j.endsWith("/jena-core.jar"));
  if (!core || spawnSync("java", ["-version"]).status !== 0) return (jena = null);
  const messages = join(tmpdir(), "diplograph-jena-messages");
  if (!existsSync(join(messages, "xerces/impl/msg/XMLSchemaMessages.properties"))) {
    rmSync(messages, { recursive: true, force: true });
    mkdirSync(messages, { recursive: true });
    execFileSync("unzip", ["-q", "-o", core, "org/apache/jena/ext/xerces/impl/msg/*", "org/apache/jena/ext/xerces/impl/xpath/regex/*.properties", "-d", messages]);
    mkdirSync(join(messages, "xerces/impl/xpath"), { recursive: true });
    renameSync(join(messages, "org/apache/jena/ext/xerces/impl/msg"), join(messages, "xerces/impl/msg"));
    renameSync(join(messages, "org/apache/jena/ext/xerces/impl/xpath/regex"), join(messages, "xerces/impl/xpath/regex"));
  }
  return (jena = [messages, ...jars].join(":"));
}

/** Runs a Jena command line class (riotcmd.riot, arq.arq, shacl.shacl). */
export function runJena(mainClass: string, args: string[]) {
  return spawnSync("java", ["-cp", jenaClasspath() ?? "", mainClass, ...args], { encoding: "utf8", timeout: 120_000 });
}

/** The OWL API's classpath (libowlapi-java), or null. */
export function owlapiClasspath(): string | null {
  const jars = debianClasspath("libowlapi-java");
  return jars.some((j) => j.endsWith("/owlapi-distribution.jar")) && spawnSync("javac", ["-version"]).status === 0 ? jars.join(":") : null;
}

export function hasPythonModules(...modules: string[]): boolean {
  return spawnSync(PYTHON, ["-c", modules.map((m) => `import ${m}`).join("; ")]).status === 0;
}

export function hasCommand(command: string, arg = "--version"): boolean {
  return spawnSync(command, [arg]).status === 0;
}
