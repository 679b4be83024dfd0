/**
 * Commands over a build folder: query (SPARQL), contacts, path, top, export, serve.
 * Tables on a terminal; --format json|csv|tsv for pipes.
 */
import { Option, type Command } from "commander";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openGraph, type Contact } from "../graph/api.js";
import { SparqlEngine, RESULT_TYPES } from "../query/sparql.js";
import { toCsv, toGexf, toGraphml } from "../graph/export.js";
import { writeFileAtomic } from "../export/atomic.js";
import { createServer } from "../server/server.js";
import type { EntityType, Relation } from "../model/types.js";
import { table } from "./table.js";
import { UsageError } from "./errors.js";
import { push } from "../export/push.js";

const RELATIONS: Relation[] = ["called", "met", "wrote_to", "pledged_to"];
const TYPES: EntityType[] = ["Person", "Country", "Organization", "Place"];

function date(name: string) {
  return (v: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`${name} "${v}" is not a date (expected YYYY-MM-DD)`);
    return v;
  };
}

const formatOption = () => new Option("--format <format>", "output format").choices(["table", "json", "csv", "tsv"]).default("table");

export function registerGraphCommands(program: Command, setCode: (code: number) => void): void {
  program
    .command("query")
    .description("run a read-only SPARQL query over a build (the default graph is the union of all documents)")
    .argument("<dir>", "a build folder")
    .argument("<sparql>", "the query, or @file.rq to read it from a file")
    .addOption(formatOption())
    .option("--timeout <ms>", "time limit", (v) => Number(v), 30_000)
    .option("--limit <n>", "the most rows or triples", (v) => Number(v), 100_000)
    .action(async (dir: string, sparql: string, o: { format: string; timeout: number; limit: number }) => {
      const query = sparql.startsWith("@") ? readFileSync(sparql.slice(1), "utf8") : sparql;
      const engine = new SparqlEngine(readFileSync(join(dir, "graph.nq"), "utf8"), { timeoutMs: o.timeout, limit: o.limit }, 1);
      try {
        const accept = o.format === "csv" ? RESULT_TYPES.csv : o.format === "tsv" ? RESULT_TYPES.tsv : RESULT_TYPES.json;
        const r = await engine.query(query, { accept });
        if (r.kind === "graph" || o.format !== "table") process.stdout.write(r.body);
        else {
          const json = JSON.parse(r.body) as { head: { vars?: string[] }; boolean?: boolean; results?: { bindings: Record<string, { value: string }>[] } };
          if (json.boolean !== undefined) process.stdout.write(`${json.boolean}\n`);
          else {
            const vars = json.head.vars ?? [];
            process.stdout.write(table(vars, (json.results?.bindings ?? []).map((b) => vars.map((v) => b[v]?.value ?? ""))));
          }
        }
        if (r.truncated) process.stderr.write(`diplograph query: ${r.count} results, cut to --limit ${o.limit}\n`);
      } finally {
        await engine.close();
      }
    });

  program
    .command("contacts")
    .description("the contacts of an entity (by id, IRI or any name), filtered by relation and dates")
    .argument("<dir>", "a build folder")
    .argument("<entity>", "e.g. 习近平, 習近平, person/xi-jin-ping")
    .addOption(new Option("--relation <relation>", "only this relation").choices(RELATIONS))
    .option("--from <date>", "first day (YYYY-MM-DD)", date("--from"))
    .option("--to <date>", "last day (YYYY-MM-DD)", date("--to"))
    .addOption(formatOption())
    .action((dir: string, name: string, o: { relation?: Relation; from?: string; to?: string; format: string }) => {
      const g = openGraph(dir);
      const contacts = g.contacts(name, { ...(o.relation ? { relation: o.relation } : {}), ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) });
      const rows = contacts.map((c: Contact) => [c.event.date ?? "", c.event.relation, arrow(c), c.counterpart.label, c.event.initiator?.label ?? "", c.event.amount ? `${c.event.amount.value} ${c.event.amount.currency}` : "", [...new Set(c.event.sources.map((s) => s.doc))].join(" ")]);
      output(o.format, ["date", "relation", "dir", "counterpart", "initiator", "amount", "documents"], rows, contacts);
    });

  program
    .command("path")
    .description("a shortest chain of contacts between two entities")
    .argument("<dir>", "a build folder")
    .argument("<from>")
    .argument("<to>")
    .addOption(formatOption())
    .action((dir: string, from: string, to: string, o: { format: string }) => {
      const path = openGraph(dir).path(from, to);
      if (!path) {
        process.stderr.write(`diplograph path: no chain of contacts links ${from} and ${to}\n`);
        setCode(1);
        return;
      }
      const rows = path.map((step, i) => [String(i), step.entity.label, step.via.map((e) => `${e.relation} ${e.date ?? "undated"}`).join(", ")]);
      output(o.format, ["step", "entity", "via"], rows, path);
    });

  program
    .command("top")
    .description("entities ranked by PageRank or degree")
    .argument("<dir>", "a build folder")
    .addOption(new Option("--by <metric>", "ranking").choices(["pagerank", "degree"]).default("pagerank"))
    .addOption(new Option("--type <type>", "only this type").choices(TYPES))
    .option("--limit <n>", "how many", (v) => Number(v), 10)
    .addOption(formatOption())
    .action((dir: string, o: { by: "pagerank" | "degree"; type?: EntityType; limit: number; format: string }) => {
      const top = openGraph(dir).top({ by: o.by, limit: o.limit, ...(o.type ? { type: o.type } : {}) });
      output(o.format, ["rank", "entity", "type", o.by], top.map((t, i) => [String(i + 1), t.entity.label, t.entity.type, o.by === "pagerank" ? t.score.toFixed(4) : String(t.score)]), top);
    });

  program
    .command("export")
    .description("the graph for Gephi and other tools: GEXF, GraphML, or CSV tables of nodes and edges")
    .argument("<dir>", "a build folder")
    .addOption(new Option("--format <format>", "file format").choices(["gexf", "graphml", "csv"]).makeOptionMandatory())
    .option("-o, --out <path>", "output file (gexf, graphml; default stdout) or folder (csv: nodes.csv and edges.csv)")
    .action(async (dir: string, o: { format: "gexf" | "graphml" | "csv"; out?: string }) => {
      const g = openGraph(dir);
      if (o.format === "csv") {
        if (!o.out) throw new UsageError("export --format csv needs --out <folder> (it writes nodes.csv and edges.csv)");
        const { nodes, edges } = toCsv(g);
        await writeFileAtomic(join(o.out, "nodes.csv"), nodes);
        await writeFileAtomic(join(o.out, "edges.csv"), edges);
        return;
      }
      const text = o.format === "gexf" ? toGexf(g) : toGraphml(g);
      if (o.out) await writeFileAtomic(o.out, text);
      else process.stdout.write(text);
    });

  program
    .command("push")
    .description("load a build into a triple store over the SPARQL 1.1 Graph Store HTTP Protocol (one named graph per document)")
    .argument("<dir>", "a build folder")
    .requiredOption("--endpoint <url>", "Graph Store endpoint, e.g. http://127.0.0.1:8890/sparql-graph-crud-auth (Virtuoso)")
    .option("--user <user>", "user name (Basic, or Digest when the server asks)")
    .option("--password <password>", "password (or the DIPLOGRAPH_PASSWORD environment variable)")
    .option("--concurrency <n>", "graphs sent at once", (v) => Number(v), 4)
    .option("--retries <n>", "tries per graph after the first", (v) => Number(v), 4)
    .action(async (dir: string, o: { endpoint: string; user?: string; password?: string; concurrency: number; retries: number }) => {
      const password = o.password ?? process.env.DIPLOGRAPH_PASSWORD;
      const r = await push(dir, { endpoint: o.endpoint, concurrency: o.concurrency, retries: o.retries, ...(o.user !== undefined ? { user: o.user } : {}), ...(password !== undefined ? { password } : {}) });
      for (const f of r.failed) process.stderr.write(`diplograph push: ${f.graph}: ${f.error}\n`);
      process.stderr.write(`diplograph push: ${r.graphs} graphs (${r.triples} triples) loaded into ${o.endpoint}${r.failed.length ? `; ${r.failed.length} failed` : ""}\n`);
      if (r.failed.length) setCode(1);
    });

  program
    .command("serve")
    .description("serve the explorer, a JSON API (/openapi.json) and a SPARQL endpoint (/sparql) for a build")
    .argument("<dir>", "a build folder")
    .option("--port <port>", "port (0: any free port)", (v) => Number(v), 8080)
    .option("--host <host>", "address to bind", "127.0.0.1")
    .option("--timeout <ms>", "time limit of one SPARQL query", (v) => Number(v), 10_000)
    .option("--limit <n>", "the most rows or triples of one SPARQL answer", (v) => Number(v), 10_000)
    .action(async (dir: string, o: { port: number; host: string; timeout: number; limit: number }) => {
      const app = await createServer(dir, { queryTimeoutMs: o.timeout, resultLimit: o.limit });
      const address = await app.listen({ port: o.port, host: o.host });
      const url = address.replace("127.0.0.1", "localhost");
      process.stderr.write(`diplograph: serving ${dir}\n  explorer  ${url}/\n  API       ${url}/openapi.json\n  SPARQL    ${url}/sparql\n(Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void app.close().then(() => resolve());
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}

function arrow(c: Contact): string {
  return c.direction === "both" ? "—" : c.direction === "out" ? "→" : "←";
}

function output(format: string, headers: string[], rows: string[][], data: unknown): void {
  if (format === "json") process.stdout.write(JSON.stringify(data, null, 2) + "\n");
  else if (format === "csv") process.stdout.write([headers, ...rows].map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\r\n") + "\r\n");
  else if (format === "tsv") process.stdout.write([headers, ...rows].map((r) => r.map((c) => c.replace(/[\t\n]/g, " ")).join("\t")).join("\n") + "\n");
  else process.stdout.write(table(headers, rows));
}
