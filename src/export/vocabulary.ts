/**
 * Vocabulary IRIs in one place: the Diplograph ontology and the vocabularies it aligns with.
 * Terms used in code are checked against ontology/diplograph.ttl by the tests.
 */
export const DG = "https://w3id.org/diplograph/ontology#";

export const NS = {
  dg: DG,
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  owl: "http://www.w3.org/2002/07/owl#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  prov: "http://www.w3.org/ns/prov#",
  dcterms: "http://purl.org/dc/terms/",
  schema: "http://schema.org/",
  time: "http://www.w3.org/2006/time#",
  oa: "http://www.w3.org/ns/oa#",
} as const;
