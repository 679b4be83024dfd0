/**
 * The graph for other tools: Graphology JSON (the explorer), GEXF (Gephi; graphology-gexf),
 * GraphML (yEd, Gephi, NetworkX) and CSV tables of nodes and edges. Attributes are flattened to
 * the scalars these formats hold: labels, type, metrics; relation, date, initiator, amount.
 */
import { MultiDirectedGraph } from "graphology";
import gexfModule from "graphology-gexf";
import type { SerializedGraph } from "graphology-types";
import type { DiplographGraph } from "./api.js";
import { cjsDefault } from "../util/cjs.js";

const gexf = cjsDefault(gexfModule);

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
  date: string;
  initiator: string;
  amount: string;
  documents: string;
}

/** A simple, scalar-attributed copy of the graph. */
export function flatGraph(g: DiplographGraph): MultiDirectedGraph<FlatNode, FlatEdge> {
  const out = new MultiDirectedGraph<FlatNode, FlatEdge>();
  g.graph.forEachNode((id, a) => {
    out.addNode(id, {
      label: a.label,
      labelEn: a.labelEn ?? "",
      type: a.type,
      aliases: a.aliases.join(" | "),
      roles: a.roles.map((r) => `${r.then ? "时任" : ""}${r.of.label}${r.title}`).join(" | "),
      degree: a.degree,
      pagerank: Number(a.pagerank.toFixed(6)),
      community: a.community,
    });
  });
  g.graph.forEachEdge((key, e, source, target) => {
    out.addDirectedEdgeWithKey(key, source, target, {
      relation: e.relation,
      date: e.date ?? "",
      initiator: e.initiator?.label ?? "",
      amount: e.amount ? `${e.amount.value} ${e.amount.currency}` : "",
      documents: [...new Set(e.sources.map((s) => s.doc))].join(" | "),
    });
  });
  return out;
}

/** Graphology's serialization, with the full entity and event attributes (for the explorer). */
export function graphJson(g: DiplographGraph): SerializedGraph {
  return g.graph.export() as unknown as SerializedGraph;
}

export function toGexf(g: DiplographGraph): string {
  return gexf.write(flatGraph(g), { pretty: true, formatNode: (key, a) => ({ label: a.label, attributes: { ...a, id: key } }), formatEdge: (_key, a) => ({ label: a.relation, attributes: a }) });
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** GraphML (graphology has a GraphML reader but no writer; the format is small). */
export function toGraphml(g: DiplographGraph): string {
  const flat = flatGraph(g);
  const nodeKeys: [keyof FlatNode, string][] = [["label", "string"], ["labelEn", "string"], ["type", "string"], ["aliases", "string"], ["roles", "string"], ["degree", "int"], ["pagerank", "double"], ["community", "int"]];
  const edgeKeys: [keyof FlatEdge, string][] = [["relation", "string"], ["date", "string"], ["initiator", "string"], ["amount", "string"], ["documents", "string"]];
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'];
  for (const [k, t] of nodeKeys) lines.push(`  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>`);
  for (const [k, t] of edgeKeys) lines.push(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`);
  lines.push('  <graph id="diplograph" edgedefault="directed">');
  flat.forEachNode((id, a) => {
    lines.push(`    <node id="${xml(id)}">`);
    for (const [k] of nodeKeys) lines.push(`      <data key="n_${k}">${xml(String(a[k]))}</data>`);
    lines.push("    </node>");
  });
  flat.forEachEdge((key, a, s, t) => {
    lines.push(`    <edge id="${xml(key)}" source="${xml(s)}" target="${xml(t)}">`);
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
export function toCsv(g: DiplographGraph): { nodes: string; edges: string } {
  const flat = flatGraph(g);
  const nodes = ["Id,Label,LabelEn,Type,Aliases,Roles,Degree,PageRank,Community"];
  flat.forEachNode((id, a) => nodes.push([id, a.label, a.labelEn, a.type, a.aliases, a.roles, a.degree, a.pagerank, a.community].map(csvCell).join(",")));
  const edges = ["Id,Source,Target,Type,Relation,Date,Initiator,Amount,Documents"];
  flat.forEachEdge((key, a, s, t) =>
    edges.push([key, s, t, a.relation === "called" || a.relation === "met" ? "Undirected" : "Directed", a.relation, a.date, a.initiator, a.amount, a.documents].map(csvCell).join(",")),
  );
  return { nodes: nodes.join("\r\n") + "\r\n", edges: edges.join("\r\n") + "\r\n" };
}
