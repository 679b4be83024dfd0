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
export { openGraph, DiplographGraph, UnknownEntityError, type Contact, type ContactFilter, type PathStep, type RankedEntity } from "./graph/api.js";
export { toGexf, toGraphml, toCsv } from "./graph/export.js";
export { SparqlEngine, type QueryResult, type QueryOptions } from "./query/sparql.js";
export { createServer, type ServerOptions } from "./server/server.js";
export { validatePath, validateQuads, type ValidationResult, type Violation } from "./export/validate.js";
export { readModel } from "./model/read.js";
export { ActorIndex, computeDyads, compareDyads, dyadsSparql, type Dyad, type DyadChange, type DyadFilter, type DyadTable, type ActorRef } from "./graph/dyads.js";
export { dateSpan, dateInRange, compareDates, type DatePrecision } from "./model/dates.js";
