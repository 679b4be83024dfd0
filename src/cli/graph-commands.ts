/**
 * Commands over a build folder: query (SPARQL), contacts, path, top, export, serve.
 * Tables on a terminal; --format json|csv|tsv for pipes.
 */
import { Option, type Command } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { BuildFolderError } from "../model/read.js";
import { join } from "node:path";
import { openGraph, type Contact } from "../graph/api.js";
import { SparqlEngine, RESULT_TYPES, checkQuery, type QueryKind } from "../query/sparql.js";
import { validDate } from "../ingest/read.js";
import { toCsv, toGexf, toGraphml, type EdgeMode } from "../graph/export.js";
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
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !validDate(v)) throw new UsageError(`${name} "${v}" is not a date (expected YYYY-MM-DD, a day that exists)`);
    return v;
  };
}

/** An integer option, at least `min`. */
function count(name: string, min: number) {
  return (v: string) => {
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${name} "${v}" is not a whole number${min ? ` of at least ${min}` : ""}`);
    return n;
  };
}

function port(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n > 65535) throw new UsageError(`--port "${v}" is not a port (0–65535; 0 for any free port)`);
  return n;
}

const urlHost = (host: string) => (host.includes(":") ? `[${host}]` : host);

/** The server could not listen: one line saying why. */
export class ListenError extends Error {}

function listenMessage(e: NodeJS.ErrnoException, host: string, port: number): string {
  if (e.code === "EADDRINUSE") return `port ${port} on ${host} is in use: stop the other server or choose another with --port (0 for any free port)`;
  if (e.code === "EACCES") return `port ${port} needs privileges: choose a port above 1023 with --port`;
  if (e.code === "EADDRNOTAVAIL") return `--host ${host} is not an address of this machine: use 127.0.0.1 (the default), or an address of one of its network interfaces`;
  if (e.code === "ENOTFOUND" || e.code === "EAI_AGAIN") return `--host ${host}: no such host name`;
  return `cannot listen on ${host}:${port}: ${e.message}`;
}

function readQueryFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`${path}: cannot read the query file`);
  }
}

/** The media type to ask for, for a kind of query and a --format; CSV and TSV are for SELECT only. */
function queryFormat(kind: QueryKind, format: string): string {
  if (kind === "graph") {
    if (format === "csv" || format === "tsv") throw new UsageError(`--format ${format} is for SELECT queries; a CONSTRUCT or DESCRIBE query prints Turtle (--format table) or JSON-LD (--format json)`);
    return format === "json" ? RESULT_TYPES.jsonld : RESULT_TYPES.turtle;
  }
  if (kind === "boolean" && (format === "csv" || format === "tsv")) throw new UsageError(`--format ${format} is for SELECT queries; an ASK query prints true or false (--format table) or JSON (--format json)`);
  return format === "csv" ? RESULT_TYPES.csv : format === "tsv" ? RESULT_TYPES.tsv : RESULT_TYPES.json;
}

/** A term's value in a table cell (a triple term as s p o). */
function cellText(v: unknown): string {
  if (v === undefined) return "";
  if (typeof v === "string") return v;
  const t = v as { subject: { value: unknown }; predicate: { value: unknown }; object: { value: unknown } };
  return `<< ${cellText(t.subject.value)} ${cellText(t.predicate.value)} ${cellText(t.object.value)} >>`;
}

const formatOption = () => new Option("--format <format>", "output format").choices(["table", "json", "csv", "tsv"]).default("table");

export function registerGraphCommands(program: Command, setCode: (code: number) => void): void {
  program
    .command("query")
    .description("run a read-only SPARQL query over a build (the default graph is the union of all documents)")
    .argument("<dir>", "a build folder")
    .argument("<sparql>", "the query, or @file.rq to read it from a file")
    .addOption(new Option("--format <format>", "output format: table, json, csv, tsv (SELECT only: csv, tsv); CONSTRUCT and DESCRIBE print Turtle, or JSON-LD with json").choices(["table", "json", "csv", "tsv"]).default("table"))
    .option("--timeout <ms>", "time limit of the query", count("--timeout", 1), 30_000)
    .option("--limit <n>", "the most rows or triples printed", count("--limit", 1), 100_000)
    .action(async (dir: string, sparql: string, o: { format: string; timeout: number; limit: number }) => {
      if (!existsSync(dir)) throw new BuildFolderError(`${dir}: no such folder`);
      const query = sparql.startsWith("@") ? readQueryFile(sparql.slice(1)) : sparql;
      const kind = checkQuery(query);
      const accept = queryFormat(kind, o.format);
      const engine = await SparqlEngine.open(join(dir, "graph.nq"), { timeoutMs: o.timeout, limit: o.limit, maxBytes: 1 << 30 }, 1);
      try {
        const r = await engine.query(query, { accept });
        if (o.format !== "table" || kind === "graph") process.stdout.write(r.body.endsWith("\n") || !r.body ? r.body : `${r.body}\n`);
        else {
          const json = JSON.parse(r.body) as { head: { vars?: string[] }; boolean?: boolean; results?: { bindings: Record<string, { value: unknown }>[] } };
          if (json.boolean !== undefined) process.stdout.write(`${json.boolean}\n`);
          else {
            const vars = json.head.vars ?? [];
            process.stdout.write(table(vars, (json.results?.bindings ?? []).map((b) => vars.map((v) => cellText(b[v]?.value)))));
          }
        }
        if (r.truncated) process.stderr.write(`diplograph query: the answer was cut to ${r.count} ${r.truncated === "rows" ? `results (--limit ${o.limit})` : "results (1 GB)"}\n`);
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
    .argument("<from>", "the first entity: id, IRI or any name")
    .argument("<to>", "the last entity: id, IRI or any name")
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
    .option("--limit <n>", "how many", count("--limit", 1), 10)
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
    .addOption(new Option("--edges <mode>", "mixed: calls and meetings undirected, letters and pledges directed; directed: a call or meeting as two directed edges (for NetworkX, which cannot read mixed graphs)").choices(["mixed", "directed"]).default("mixed"))
    .action(async (dir: string, o: { format: "gexf" | "graphml" | "csv"; out?: string; edges: EdgeMode }) => {
      const g = openGraph(dir);
      if (o.format === "csv") {
        if (!o.out) throw new UsageError("export --format csv needs --out <folder> (it writes nodes.csv and edges.csv)");
        const { nodes, edges } = toCsv(g, { edges: o.edges });
        await writeFileAtomic(join(o.out, "nodes.csv"), nodes);
        await writeFileAtomic(join(o.out, "edges.csv"), edges);
        return;
      }
      const text = o.format === "gexf" ? toGexf(g, { edges: o.edges }) : toGraphml(g, { edges: o.edges });
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
    .option("--concurrency <n>", "graphs sent at once", count("--concurrency", 1), 4)
    .option("--retries <n>", "tries per graph after the first", count("--retries", 0), 4)
    .option("--entities-graph <iri>", "graph for the build's entities (default <base>graph/entities); each shard pushed into one store needs its own")
    .action(async (dir: string, o: { endpoint: string; user?: string; password?: string; concurrency: number; retries: number; entitiesGraph?: string }) => {
      const password = o.password ?? process.env.DIPLOGRAPH_PASSWORD;
      const r = await push(dir, { endpoint: o.endpoint, concurrency: o.concurrency, retries: o.retries, ...(o.user !== undefined ? { user: o.user } : {}), ...(password !== undefined ? { password } : {}), ...(o.entitiesGraph ? { entitiesGraph: o.entitiesGraph } : {}) });
      for (const f of r.failed) process.stderr.write(`diplograph push: ${f.graph}: ${f.error}\n`);
      process.stderr.write(`diplograph push: ${r.graphs} graphs (${r.triples} triples) loaded into ${o.endpoint}${r.failed.length ? `; ${r.failed.length} failed` : ""}\n`);
      if (r.failed.length) setCode(1);
    });

  program
    .command("serve")
    .description("serve the explorer, a JSON API (/openapi.json) and a SPARQL endpoint (/sparql) for a build")
    .argument("<dir>", "a build folder")
    .option("--port <port>", "port, 0–65535 (0: any free port)", port, 8080)
    .option("--host <host>", "address to bind (an address of this machine)", "127.0.0.1")
    .option("--allow-host <name...>", "other host names clients may use to reach the server (DNS rebinding protection accepts only the bound host, localhost and IP addresses)")
    .option("--timeout <ms>", "time limit of one SPARQL query", count("--timeout", 1), 10_000)
    .option("--limit <n>", "the most rows or triples of one SPARQL answer", count("--limit", 1), 10_000)
    .option("--max-bytes <n>", "the most bytes of one SPARQL answer", count("--max-bytes", 1), 16 << 20)
    .option("--sparql <url>", "answer /sparql from this SPARQL store the build was pushed to (e.g. http://127.0.0.1:8890/sparql), with the same limits")
    .action(async (dir: string, o: { port: number; host: string; allowHost?: string[]; timeout: number; limit: number; maxBytes: number; sparql?: string }) => {
      const app = await createServer(dir, { queryTimeoutMs: o.timeout, resultLimit: o.limit, resultBytes: o.maxBytes, allowHosts: [o.host, ...(o.allowHost ?? [])], publicUrl: `http://${urlHost(o.host)}:${o.port}`, ...(o.sparql ? { sparqlEndpoint: o.sparql } : {}) });
      let url: string;
      try {
        url = await app.listen({ port: o.port, host: o.host });
      } catch (e) {
        await app.close();
        throw new ListenError(listenMessage(e as NodeJS.ErrnoException, o.host, o.port));
      }
      process.stderr.write(`diplograph: serving ${dir}\n  explorer  ${url}/\n  API       ${url}/openapi.json\n  SPARQL    ${url}/sparql${o.sparql ? ` (answered by ${o.sparql})` : ""}\n(Ctrl-C to stop)\n`);
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
