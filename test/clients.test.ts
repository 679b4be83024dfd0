/**
 * The exports and the endpoint through independent tools, as researchers would use them:
 * Apache Jena (riot --validate, arq, shacl), the OWL API's OWL 2 DL profile check on the
 * ontology, Python's rdflib SPARQLStore against the running endpoint (SELECT, ASK, CONSTRUCT,
 * DESCRIBE), NetworkX reading GEXF and GraphML, xmllint. All from Debian, installed by .ci/run;
 * required in CI, skipped elsewhere when missing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { build } from "../src/build.js";
import { createServer } from "../src/server/server.js";
import { openGraph } from "../src/graph/api.js";
import { toGexf, toGraphml } from "../src/graph/export.js";
import { CORPUS, ROOT, tempDir } from "./helpers/paths.js";
import { hasCommand, hasPythonModules, jenaClasspath, owlapiClasspath, PYTHON, runJena, runWith } from "./helpers/clients.js";

const DG = "PREFIX dg: <https://w3id.org/diplograph/ontology#> ";
let out: string;

beforeAll(async () => {
  out = tempDir();
  await build([CORPUS], { out });
});

describe.runIf(runWith(jenaClasspath() !== null))("Apache Jena", () => {
  it("riot validates graph.ttl, graph.nq and graph.trig", () => {
    for (const file of ["graph.ttl", "graph.nq", "graph.trig"]) {
      const r = runJena("riotcmd.riot", ["--validate", join(out, file)]);
      expect(r.status, `${file}: ${r.stderr}`).toBe(0);
    }
  });

  it("arq answers a query over graph.ttl as our engine does", () => {
    const r = runJena("arq.arq", ["--data", join(out, "graph.ttl"), "--results", "csv", `${DG}SELECT (COUNT(*) AS ?n) { ?c a dg:PhoneCall }`]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split(/\r?\n/)).toEqual(["n", "16"]);
  });

  it("shacl finds graph.ttl conforming to ontology/shapes.ttl", () => {
    const r = runJena("shacl.shacl", ["validate", "--shapes", join(ROOT, "ontology/shapes.ttl"), "--data", join(out, "graph.ttl")]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/sh:conforms\s+true/);
  });
});

describe.runIf(runWith(owlapiClasspath() !== null))("OWL API", () => {
  it("the ontology is in the OWL 2 DL profile", () => {
    const r = spawnSync("java", ["-cp", owlapiClasspath() ?? "", join(ROOT, "test/helpers/java/OwlProfileCheck.java"), join(ROOT, "ontology/diplograph.ttl")], { encoding: "utf8", timeout: 120_000 });
    expect(r.stdout.split("\n").filter((l) => l && !l.startsWith("axioms:"))).toEqual([]);
    expect(r.stdout).toMatch(/OWL 2 DL violations: 0/);
    expect(r.status).toBe(0);
  }, 120_000);
});

describe.runIf(runWith(hasPythonModules("rdflib")))("rdflib SPARQLStore against the endpoint", () => {
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    app = await createServer(out, {});
    base = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("SELECT, ASK, CONSTRUCT and DESCRIBE", async () => {
    const script = `
import sys, json
from rdflib.plugins.stores.sparqlstore import SPARQLStore
store = SPARQLStore(sys.argv[1])
DG = "PREFIX dg: <https://w3id.org/diplograph/ontology#> "
out = {}
out["select"] = sorted(str(r[0]) for r in store.query(DG + "SELECT ?b WHERE { <https://w3id.org/diplograph/id/person/xi-jin-ping> dg:wroteTo ?b }"))
out["ask"] = bool(store.query(DG + "ASK { ?x dg:pledgedTo ?y }").askAnswer)
out["construct"] = len(store.query(DG + "CONSTRUCT { ?a dg:wroteTo ?b } WHERE { ?a dg:wroteTo ?b }").graph)
out["describe"] = len(store.query("DESCRIBE <https://w3id.org/diplograph/id/person/xi-jin-ping>").graph)
print(json.dumps(out))
`;
    // Asynchronously: the server answers from this process.
    const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(PYTHON, ["-c", script, `${base}/sparql`]);
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as { select: string[]; ask: boolean; construct: number; describe: number };
    expect(got.select).toEqual(["https://w3id.org/diplograph/id/person/bi-er-gai-ci", "https://w3id.org/diplograph/id/person/sa-le"]);
    expect(got.ask).toBe(true);
    expect(got.construct).toBe(3);
    expect(got.describe).toBeGreaterThan(5);
  }, 60_000);
});

describe.runIf(runWith(hasPythonModules("networkx")))("NetworkX", () => {
  it("reads the GEXF and GraphML exports (symmetric contacts as two directed edges) with every node and edge", () => {
    const dir = tempDir();
    const g = openGraph(out);
    writeFileSync(join(dir, "g.gexf"), toGexf(g, { edges: "directed" }));
    writeFileSync(join(dir, "g.graphml"), toGraphml(g, { edges: "directed" }));
    const script = `
import sys, json, networkx as nx
a = nx.read_gexf(sys.argv[1]); b = nx.read_graphml(sys.argv[2])
rel = lambda G: sorted(d.get("relation") for _, _, d in G.edges(data=True))
print(json.dumps({"gexf": [a.number_of_nodes(), a.number_of_edges(), a.is_directed()], "graphml": [b.number_of_nodes(), b.number_of_edges(), b.is_directed()], "same": rel(a) == rel(b)}))
`;
    const r = spawnSync(PYTHON, ["-c", script, join(dir, "g.gexf"), join(dir, "g.graphml")], { encoding: "utf8", timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const symmetric = g.model.events.filter((e) => e.relation === "called" || e.relation === "met").length;
    const got = JSON.parse(r.stdout) as { gexf: [number, number, boolean]; graphml: [number, number, boolean]; same: boolean };
    expect(got.gexf).toEqual([g.graph.order, g.graph.size + symmetric, true]);
    expect(got.graphml).toEqual([g.graph.order, g.graph.size + symmetric, true]);
    expect(got.same).toBe(true);
  }, 60_000);
});

describe.runIf(runWith(hasCommand("xmllint")))("xmllint", () => {
  it("GEXF (both edge modes) and GraphML are well-formed, with the GEXF 1.2 namespaces", () => {
    const dir = tempDir();
    const g = openGraph(out);
    const files = { "mixed.gexf": toGexf(g), "directed.gexf": toGexf(g, { edges: "directed" }), "mixed.graphml": toGraphml(g) };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(dir, name), text);
      const r = spawnSync("xmllint", ["--noout", join(dir, name)], { encoding: "utf8" });
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
    }
    const ns = spawnSync("xmllint", ["--xpath", "namespace-uri(/*)", join(dir, "mixed.gexf")], { encoding: "utf8" });
    expect(ns.stdout.trim()).toBe("http://www.gexf.net/1.2draft");
  });
});
