/**
 * The graph for other tools: Graphology JSON (the explorer), GEXF (Gephi; graphology-gexf),
 * GraphML (yEd, Gephi, NetworkX) and CSV tables of nodes and edges. Attributes are flattened to
 * the scalars these formats hold: labels, type, metrics; relation, date, initiator (an entity
 * id), amount. Each edge has its own type: calls and meetings are undirected, letters and
 * pledges directed ("mixed"); `edges: "directed"` writes a symmetric contact as two directed
 * edges instead, for tools that cannot read mixed graphs (NetworkX). Every string is made safe
 * for XML 1.0 (characters it forbids, such as U+0000, become U+FFFD).
 */
import { MultiGraph } from "graphology";
import gexfModule from "graphology-gexf";
import type { SerializedGraph } from "graphology-types";
import type { DiplographGraph } from "./api.js";
import { cjsDefault } from "../util/cjs.js";
import { xmlSafe } from "../util/xml.js";

const gexf = cjsDefault(gexfModule);

export type EdgeMode = "mixed" | "directed";

export interface ExportOptions {
  /** "mixed" (default): calls and meetings undirected; "directed": each of them as two directed edges. */
  edges?: EdgeMode;
}

export interface FlatNode {
  label: string;
  labelEn: string;
  type: string;
  aliases: string;
  roles: string;
  degree: number;
  pagerank: number;
  community: number;
}

export interface FlatEdge {
  relation: string;
  /** Whether the contact has a direction (letters, pledges) or not (calls, meetings). */
  directed: boolean;
  date: string;
  initiator: string;
  amount: string;
  documents: string;
}

const SYMMETRIC = new Set(["called", "met"]);

/** A simple, scalar-attributed copy of the graph, every string safe for XML. */
export function flatGraph(g: DiplographGraph, opts: ExportOptions = {}): MultiGraph<FlatNode, FlatEdge> {
  const out = new MultiGraph<FlatNode, FlatEdge>();
  g.graph.forEachNode((id, a) => {
    out.addNode(xmlSafe(id), {
      label: xmlSafe(a.label),
      labelEn: xmlSafe(a.labelEn ?? ""),
      type: a.type,
      aliases: xmlSafe(a.aliases.join(" | ")),
      roles: xmlSafe(a.roles.map((r) => `${r.then ? "时任" : ""}${r.of.label}${r.title}`).join(" | ")),
      degree: a.degree,
      pagerank: Number(a.pagerank.toFixed(6)),
      community: a.community,
    });
  });
  g.graph.forEachEdge((key, e, source, target) => {
    const directed = !SYMMETRIC.has(e.relation);
    const attributes: FlatEdge = {
      relation: e.relation,
      directed,
      date: e.date ?? "",
      initiator: xmlSafe(e.initiator?.id ?? ""),
      amount: e.amount ? `${e.amount.value} ${e.amount.currency}` : "",
      documents: xmlSafe([...new Set(e.sources.map((s) => s.doc))].join(" | ")),
    };
    const [k, s, t] = [xmlSafe(key), xmlSafe(source), xmlSafe(target)];
    if (directed) out.addDirectedEdgeWithKey(k, s, t, attributes);
    else if (opts.edges === "directed") {
      out.addDirectedEdgeWithKey(k, s, t, attributes);
      out.addDirectedEdgeWithKey(`${k}#reverse`, t, s, attributes);
    } else out.addUndirectedEdgeWithKey(k, s, t, attributes);
  });
  return out;
}

/** Graphology's serialization, with the full entity and event attributes (for the explorer). */
export function graphJson(g: DiplographGraph): SerializedGraph {
  return g.graph.export() as unknown as SerializedGraph;
}

/** graphology-gexf 0.13 writes the GEXF 1.2 viz namespace with a third slash; this is the right one. */
export const GEXF_VIZ_NS = "http://www.gexf.net/1.2draft/viz";

export function toGexf(g: DiplographGraph, opts: ExportOptions = {}): string {
  const text = gexf.write(flatGraph(g, opts), {
    pretty: true,
    formatNode: (key, a) => ({ label: a.label, attributes: { ...a, id: key } }),
    formatEdge: (_key, a) => ({ label: a.relation, attributes: a }),
  });
  return text.replace(/xmlns:viz="[^"]*"/, `xmlns:viz="${GEXF_VIZ_NS}"`);
}

const xml = (s: string) => xmlSafe(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** GraphML (graphology has a GraphML reader but no writer; the format is small). */
export function toGraphml(g: DiplographGraph, opts: ExportOptions = {}): string {
  const flat = flatGraph(g, opts);
  const nodeKeys: [keyof FlatNode, string][] = [["label", "string"], ["labelEn", "string"], ["type", "string"], ["aliases", "string"], ["roles", "string"], ["degree", "int"], ["pagerank", "double"], ["community", "int"]];
  const edgeKeys: [keyof FlatEdge, string][] = [["relation", "string"], ["directed", "boolean"], ["date", "string"], ["initiator", "string"], ["amount", "string"], ["documents", "string"]];
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'];
  for (const [k, t] of nodeKeys) lines.push(`  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`);
  for (const [k, t] of edgeKeys) lines.push(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`);
  lines.push('  <graph id="diplograph" edgedefault="directed">');
  flat.forEachNode((id, a) => {
    lines.push(`    <node id="${xml(id)}">`);
    for (const [k] of nodeKeys) lines.push(`      <data key="n_${k}">${xml(String(a[k]))}</data>`);
    lines.push("    </node>");
  });
  flat.forEachEdge((key, a, s, t, _sa, _ta, undirected) => {
    lines.push(`    <edge id="${xml(key)}" source="${xml(s)}" target="${xml(t)}"${undirected ? ' directed="false"' : ""}>`);
    for (const [k] of edgeKeys) lines.push(`      <data key="e_${k}">${xml(String(a[k]))}</data>`);
    lines.push("    </edge>");
  });
  lines.push("  </graph>", "</graphml>");
  return lines.join("\n") + "\n";
}

const csvCell = (v: unknown) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** nodes.csv and edges.csv, with the column names Gephi's spreadsheet import expects (Id, Label; Source, Target). */
export function toCsv(g: DiplographGraph, opts: ExportOptions = {}): { nodes: string; edges: string } {
  const flat = flatGraph(g, opts);
  const nodes = ["Id,Label,LabelEn,Type,Aliases,Roles,Degree,PageRank,Community"];
  flat.forEachNode((id, a) => nodes.push([id, a.label, a.labelEn, a.type, a.aliases, a.roles, a.degree, a.pagerank, a.community].map(csvCell).join(",")));
  const edges = ["Id,Source,Target,Type,Relation,Date,Initiator,Amount,Documents"];
  flat.forEachEdge((key, a, s, t, _sa, _ta, undirected) => edges.push([key, s, t, undirected ? "Undirected" : "Directed", a.relation, a.date, a.initiator, a.amount, a.documents].map(csvCell).join(",")));
  return { nodes: nodes.join("\r\n") + "\r\n", edges: edges.join("\r\n") + "\r\n" };
}
