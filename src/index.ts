/**
 * Diplograph as a library: build a knowledge graph from news text, score it, and write its views.
 */
export { build, summaryLine, BuildError, type BuildOptions, type BuildResult } from "./build.js";
export { score, formatReport, readGold, type Gold, type ScoreReport } from "./eval/score.js";
export { modelToQuads, rdfPrefixes, DG, DEFAULT_BASE } from "./export/rdf.js";
export { toTurtle } from "./export/turtle.js";
export type * from "./model/types.js";
