/**
 * Diplograph as a library: build a knowledge graph from news text, score it, and write its views.
 */
export { build, summaryLine, BuildError, type BuildOptions, type BuildResult } from "./build.js";
export { score, formatReport, readGold, type Gold, type ScoreReport } from "./eval/score.js";
export { modelToQuads, rdfPrefixes, DEFAULT_BASE } from "./export/rdf.js";
export { DG, NS } from "./export/vocabulary.js";
export { toTurtle, toNQuads, toTriG } from "./export/turtle.js";
export { toJsonLd } from "./export/jsonld.js";
export type * from "./model/types.js";
