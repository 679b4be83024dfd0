/**
 * `diplograph dyads DIR`: the country view of a build — contacts between countries and
 * organizations, persons folded into the actor they act for (src/graph/dyads.ts, the same
 * computation as GET /api/dyads and the explorer's country view).
 */
import { Option, type Command } from "commander";
import { openGraph } from "../graph/api.js";
import { ActorIndex, computeDyads, type Dyad } from "../graph/dyads.js";
import { isDateBound } from "../model/dates.js";
import type { Relation } from "../model/types.js";
import { table } from "./table.js";
import { UsageError } from "./errors.js";

const RELATIONS: Relation[] = ["called", "met", "wrote_to", "pledged_to"];

function dateBound(name: string) {
  return (v: string) => {
    if (!isDateBound(v)) throw new UsageError(`${name} "${v}" is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)`);
    return v;
  };
}

const HEADERS = ["a", "b", "contacts", "called", "met", "wrote_to", "pledged_to", "asked_by_a", "asked_by_b", "first", "last"];

function row(d: Dyad): string[] {
  return [d.a.label, d.b.label, String(d.count), ...RELATIONS.map((r) => String(d.byRelation[r])), String(d.initiatedBy.a), String(d.initiatedBy.b), d.first ?? "", d.last ?? ""];
}

const csvCell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

export function registerDyadsCommand(program: Command): void {
  program
    .command("dyads")
    .description("contacts between countries and organizations (persons folded into the actor they act for), one line per pair")
    .argument("<dir>", "a build folder")
    .addOption(new Option("--relation <relation>", "only this relation").choices(RELATIONS))
    .option("--from <date>", "first day (YYYY-MM-DD, YYYY-MM or YYYY)", dateBound("--from"))
    .option("--to <date>", "last day (YYYY-MM-DD, YYYY-MM or YYYY)", dateBound("--to"))
    .option("--limit <n>", "the most pairs", (v) => Number(v))
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "csv", "tsv"]).default("table"))
    .action((dir: string, o: { relation?: Relation; from?: string; to?: string; limit?: number; format: string }) => {
      const g = openGraph(dir);
      const result = computeDyads(new ActorIndex(g.model.entities), g.model.events, { ...(o.relation ? { relation: o.relation } : {}), ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) });
      const dyads = o.limit ? result.dyads.slice(0, o.limit) : result.dyads;
      if (o.format === "json") {
        process.stdout.write(JSON.stringify({ dyads, internal: result.internal, total: result.dyads.length }, null, 2) + "\n");
        return;
      }
      const rows = dyads.map(row);
      if (o.format === "csv") process.stdout.write([["a_id", "b_id", ...HEADERS], ...dyads.map((d, i) => [d.a.id, d.b.id, ...(rows[i] as string[])])].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n");
      else if (o.format === "tsv") process.stdout.write([["a_id", "b_id", ...HEADERS], ...dyads.map((d, i) => [d.a.id, d.b.id, ...(rows[i] as string[])])].map((r) => r.map((c) => c.replace(/[\t\n]/g, " ")).join("\t")).join("\n") + "\n");
      else {
        process.stdout.write(table(HEADERS, rows));
        process.stderr.write(`${result.dyads.length} pairs, ${dyads.reduce((n, d) => n + d.count, 0)} contacts${result.internal ? `; ${result.internal} inside one actor left out` : ""}\n`);
      }
    });
}
