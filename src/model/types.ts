/**
 * The one typed model that extraction produces. JSON lines, RDF, the Graphology graph and
 * the explorer are all derived from it.
 */

export type EntityType = "Person" | "Country" | "Organization" | "Place";
export type Relation = "called" | "met" | "wrote_to" | "pledged_to";

/** A document as read: its text is the decoded original file (HTML included). */
export interface SourceDocument {
  /** Stable id: the path relative to the input root, or a JSONL record's id. */
  id: string;
  /** The decoded original text; source offsets refer to it. */
  original: string;
  /** "html" documents are stripped of tags before extraction. */
  format: "text" | "html";
  title?: string;
  url?: string;
  /** Publication date given with the document (JSONL "date"), YYYY-MM-DD. */
  date?: string;
  /** Encoding the bytes were decoded from. */
  encoding?: string;
}

/** A document that could not be used, and why. */
export interface SkippedInput {
  path: string;
  reason: string;
}

export interface EntityRef {
  id: string;
  label: string;
  type: EntityType;
}

export interface Role {
  /** The title as written in simplified Chinese (总理). */
  title: string;
  titleEn?: string;
  /** The country, organization or place the title is held in. */
  of: EntityRef;
  /** 时任: the text says the person held it then. */
  then?: boolean;
}

export interface Entity {
  id: string;
  type: EntityType;
  /** Canonical label, simplified Chinese. */
  label: string;
  /** English label where the data knows it. */
  labelEn?: string;
  /** Every other surface form seen or known (traditional forms, short forms, with titles). */
  aliases: string[];
  roles: Role[];
  /** Gazetteer codes (ISO 3166 alpha-2 for countries), when known. */
  codes?: Record<string, string>;
}

export interface Amount {
  value: number;
  currency: string;
  /** The amount as written (2000万美元). */
  text: string;
}

/** Where an event was read: the sentence's span in the original document. */
export interface Source {
  doc: string;
  start: number;
  end: number;
  text: string;
}

export interface ContactEvent {
  id: string;
  relation: Relation;
  subject: EntityRef;
  object: EntityRef;
  date: string | null;
  /** Month and day (MM-DD) of an undated event whose text gave no year; used to merge, not exported. */
  monthDay?: string;
  initiator: EntityRef | null;
  amount: Amount | null;
  sources: Source[];
}

export interface DocumentInfo {
  id: string;
  title?: string;
  url?: string;
  /** The date the document is anchored to (dateline or publication), if any. */
  date?: string;
  encoding?: string;
  /** True when the text was written in traditional characters. */
  traditional: boolean;
}

/** The knowledge graph of a build. */
export interface GraphModel {
  entities: Entity[];
  events: ContactEvent[];
  documents: DocumentInfo[];
}
