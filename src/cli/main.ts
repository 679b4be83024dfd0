/**
 * The `diplograph` command line: build, eval. Every command returns its exit code; errors are
 * printed as one line naming the file and the problem.
 */
import { Command, CommanderError, Option } from "commander";
import { join } from "node:path";
import { build, BuildError, summaryLine } from "../build.js";
import { formatReport, GoldFormatError, readGold, readJsonLines, score, summaryOf, type PredictedEntity, type PredictedEvent } from "../eval/score.js";
import { isoDate } from "../ingest/read.js";
import { formatViolations, RdfFileError, validatePath } from "../export/validate.js";
import { registerGraphCommands } from "./graph-commands.js";
import { registerDyadsCommand } from "./dyads-command.js";
import { UsageError } from "./errors.js";
import { progressReporter } from "./progress.js";
import { BuildFolderError } from "../model/read.js";
import { UnknownEntityError } from "../graph/api.js";
import { ResultFormatError, SparqlDataError, SparqlEngineError, SparqlSyntaxError, SparqlTimeoutError, SparqlUpdateRefused } from "../query/sparql.js";
import { ListenError } from "./graph-commands.js";
import { RemoteStoreError } from "../query/remote.js";
import { packageVersion } from "../util/assets.js";
import { PushError } from "../export/push.js";

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command()
    .name("diplograph")
    .description("Turns news text into a knowledge graph of who called, met, wrote to and pledged to whom.")
    .version(packageVersion(), "-V, --version", "print the version")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText("after", "\nExit codes: 0 success, 1 the work failed (nothing readable, a file missing or damaged, validation failed, a query timed out,\nthe server could not start), 2 the command line was wrong (unknown option, entity or date, malformed query, an update).\nRun `diplograph help <command>` for a command's arguments and options.");

  program
    .command("build")
    .description("extract entities and contact events from files, folders or .jsonl and write the graph")
    .argument("<inputs...>", "files (.txt, .html), folders, or .jsonl with one {id, text, date?, url?, title?} a line")
    .requiredOption("-o, --out <dir>", "output folder")
    .option("--date <YYYY-MM-DD>", "anchor date for documents without dateline or publication date")
    .option("--home <ISO2>", "country whose posts unqualified titles (国家主席) name", "CN")
    .option("--base <iri>", "base IRI for data in RDF output")
    .option("--data <dir>", "folder with gazetteers and patterns (default: the bundled data/)")
    .option("--validate", "check the RDF output against the SHACL shapes (ontology/shapes.ttl)")
    .option("--append", "add the inputs to the build in --out without re-reading its documents")
    .option("--workers <n>", "worker threads for extraction (default: one per core, fewer for small inputs)", (v) => parseWorkers(v))
    .option("-q, --quiet", "no progress output")
    .action(async (inputs: string[], o: { out: string; date?: string; home: string; base?: string; data?: string; validate?: boolean; append?: boolean; workers?: number; quiet?: boolean }) => {
      const date = o.date === undefined ? undefined : checkedDate(o.date);
      const progress = progressReporter(process.stderr, o.quiet === true);
      const r = await build(inputs, {
        out: o.out,
        home: o.home,
        workers: o.workers ?? "auto",
        onProgress: progress.update,
        // The files are the result: memory stays bounded (the model is not kept).
        model: false,
        ...(o.append ? { append: true } : {}),
        ...(date ? { date } : {}),
        ...(o.base ? { base: o.base } : {}),
        ...(o.data ? { dataDir: o.data } : {}),
      }).finally(() => progress.end());
      process.stderr.write(summaryLine(r) + "\n");
      if (o.validate) code = await reportValidation(o.out);
    });

  program
    .command("validate")
    .description("check a build's RDF (graph.ttl) or an RDF file against the SHACL shapes")
    .argument("<dir-or-file>", "a build folder, or a .ttl, .trig, .nt or .nq file")
    .action(async (target: string) => {
      code = await reportValidation(target);
    });

  program
    .command("eval")
    .description("score a build (or the inputs, built in memory) against gold annotations")
    .argument("[inputs...]", "documents to build in memory instead of reading --out")
    .requiredOption("-g, --gold <file>", "gold annotations (JSON)")
    .option("-o, --out <dir>", "a build folder with events.jsonl and entities.jsonl")
    .option("--date <YYYY-MM-DD>", "anchor date when building inputs")
    .addOption(new Option("--min-f1 <f>", "exit 1 when event F1 is below this").argParser(parseFloat))
    .option("--json", "print the scores as JSON")
    .action(async (inputs: string[], o: { gold: string; out?: string; date?: string; minF1?: number; json?: boolean }) => {
      const gold = readGold(o.gold);
      let events: PredictedEvent[];
      let entities: PredictedEntity[];
      if (inputs.length) {
        const date = o.date === undefined ? undefined : checkedDate(o.date);
        const r = await build(inputs, date ? { date } : {});
        events = r.model.events;
        entities = r.model.entities;
      } else if (o.out) {
        events = readJsonLines<PredictedEvent>(join(o.out, "events.jsonl"));
        entities = readJsonLines<PredictedEntity>(join(o.out, "entities.jsonl"));
      } else throw new UsageError("eval needs --out <build folder> or input documents");
      const report = score(gold, events, entities);
      if (o.json) {
        const { missed, spurious, entityProblems, roleProblems, ...figures } = report;
        process.stdout.write(JSON.stringify({ ...figures, missed, spurious, entityProblems, roleProblems }, null, 2) + "\n");
      } else process.stdout.write(formatReport(report) + "\n");
      if (o.minF1 !== undefined && !(report.events.f1 >= o.minF1)) {
        process.stderr.write(`diplograph eval: F1 ${report.events.f1.toFixed(3)} is below --min-f1 ${o.minF1}: ${summaryOf(report)}\n`);
        code = 1;
      }
    });

  registerGraphCommands(program, (c) => (code = c));
  registerDyadsCommand(program);

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError || e instanceof UnknownEntityError) {
      process.stderr.write(`diplograph: ${e.message}\n`);
      return 2;
    }
    if (e instanceof SparqlSyntaxError) {
      process.stderr.write(`diplograph query: malformed query: ${e.message}\n`);
      return 2;
    }
    if (e instanceof SparqlUpdateRefused || e instanceof ResultFormatError) {
      process.stderr.write(`diplograph query: ${e.message}\n`);
      return 2;
    }
    if (
      e instanceof BuildError ||
      e instanceof GoldFormatError ||
      e instanceof RdfFileError ||
      e instanceof BuildFolderError ||
      e instanceof SparqlTimeoutError ||
      e instanceof SparqlDataError ||
      e instanceof SparqlEngineError ||
      e instanceof PushError ||
      e instanceof ListenError ||
      e instanceof RemoteStoreError
    ) {
      process.stderr.write(`diplograph: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  return code;
}


/** Prints every violation (stdout) and a one-line verdict (stderr); 1 when the graph does not conform. */
async function reportValidation(target: string): Promise<number> {
  const r = await validatePath(target);
  if (r.violations.length) process.stdout.write(formatViolations(r) + "\n");
  process.stderr.write(r.conforms ? `diplograph validate: ${target} conforms to the shapes\n` : `diplograph validate: ${target}: ${r.violations.length} violation${r.violations.length === 1 ? "" : "s"}\n`);
  return r.conforms ? 0 : 1;
}

function parseWorkers(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--workers "${v}" is not a number of threads (1–256)`);
  return n;
}

function checkedDate(s: string): string {
  const d = isoDate(s);
  if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(s.trim())) throw new UsageError(`--date "${s}" is not a date (expected YYYY-MM-DD)`);
  return d;
}
