/**
 * Plain RDF/JS terms for the streamed RDF files: every field is a plain property, set once.
 * n3's own terms keep only an id string and parse it again on every read of `value`,
 * `language` or `datatype` (a new NamedNode each time), and the writers read them several
 * times per statement, for each of four files. These say the same (the same value, the
 * language tag lower-cased as n3 does, the same id) and n3's Writer takes them as any RDF/JS
 * term. modelToQuads keeps n3's terms (DataFactory) for the library's callers.
 */
import type { Literal, NamedNode } from "n3";
import { NS } from "./vocabulary.js";

const XSD_STRING = NS.xsd + "string";
const LANG_STRING = NS.rdf + "langString";

/** What quadMaker makes its terms with: n3's DataFactory, or the plain terms below. */
export interface TermFactory {
  namedNode(iri: string): NamedNode;
  literal(value: string, languageOrDatatype?: string | NamedNode): Literal;
}

export class PlainNamedNode {
  readonly termType = "NamedNode" as const;
  /** Made once and used in many statements (vocabulary, entities): its encodings are kept. */
  shared = false;
  /** Its text in each way of writing it (encodingScheme), once made. */
  encodings: (string | undefined)[] | undefined = undefined;
  constructor(readonly value: string) {}
  get id(): string {
    return this.value;
  }
  equals(other: { termType: string; value: string } | null | undefined): boolean {
    return !!other && other.termType === "NamedNode" && other.value === this.value;
  }
  toJSON(): { termType: "NamedNode"; value: string } {
    return { termType: "NamedNode", value: this.value };
  }
}

const XSD_STRING_NODE = new PlainNamedNode(XSD_STRING);
const LANG_STRING_NODE = new PlainNamedNode(LANG_STRING);

export class PlainLiteral {
  readonly termType = "Literal" as const;
  readonly direction = "";
  constructor(
    readonly value: string,
    /** Lower case, as n3 writes it ("" for none). */
    readonly language: string,
    readonly datatype: PlainNamedNode,
  ) {}
  get datatypeString(): string {
    return this.datatype.value;
  }
  /** n3's id of the same literal. */
  get id(): string {
    if (this.language) return `"${this.value}"@${this.language}`;
    return this.datatype.value === XSD_STRING ? `"${this.value}"` : `"${this.value}"^^${this.datatype.value}`;
  }
  equals(other: { termType: string; value: string; language?: string; datatype?: { value: string } } | null | undefined): boolean {
    return !!other && other.termType === "Literal" && other.value === this.value && (other.language ?? "") === this.language && other.datatype?.value === this.datatype.value;
  }
  toJSON(): { termType: "Literal"; value: string; language: string; direction: string; datatype: { termType: "NamedNode"; value: string } } {
    return { termType: "Literal", value: this.value, language: this.language, direction: "", datatype: { termType: "NamedNode", value: this.datatype.value } };
  }
}

/** Language tags are few: each lower-cased once. */
const lowered = new Map<string, string>();

export const plainTerms: TermFactory = {
  namedNode: (iri) => new PlainNamedNode(iri) as unknown as NamedNode,
  literal: (value, languageOrDatatype) => {
    if (typeof languageOrDatatype === "string") {
      let lang = lowered.get(languageOrDatatype);
      if (lang === undefined) lowered.set(languageOrDatatype, (lang = languageOrDatatype.toLowerCase()));
      return new PlainLiteral(value, lang, LANG_STRING_NODE) as unknown as Literal;
    }
    const dt = languageOrDatatype === undefined || languageOrDatatype.value === XSD_STRING ? XSD_STRING_NODE : (languageOrDatatype as unknown as PlainNamedNode);
    return new PlainLiteral(value, "", dt) as unknown as Literal;
  },
};

/** Marks a term made once and used in many statements: writers keep its text (encodeShared). */
export function markShared(term: object): void {
  if (term instanceof PlainNamedNode) term.shared = true;
}

const schemes = new Map<string, number>();

/** A number for a way of writing IRIs (a format with its prefixes): writers of one scheme write a term alike. */
export function encodingScheme(key: string): number {
  let n = schemes.get(key);
  if (n === undefined) schemes.set(key, (n = schemes.size));
  return n;
}

/**
 * The text of a term in a scheme: `encode(term)`, made once for a shared term and kept on it
 * (a field, not a WeakMap: a large build has hundreds of thousands of entity terms, and weak
 * maps make every garbage collection slower).
 */
export function encodeShared<T extends object>(term: T, scheme: number, encode: (term: T) => string): string {
  if (!(term instanceof PlainNamedNode) || !term.shared) return encode(term);
  const cache = (term.encodings ??= []);
  let text = cache[scheme];
  if (text === undefined) cache[scheme] = text = encode(term);
  return text;
}
