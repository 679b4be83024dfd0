/**
 * Sorted statements as Turtle, TriG or N-Quads text, a block at a time: the bytes n3's Writer
 * writes for the same statements (test/streaming.test.ts compares the files with it), made
 * with less work per statement.
 *
 * Every term is written by n3's own encoders (`_encodeIriOrBlank`, `_encodeLiteral`: its
 * escaping, prefixed names and datatype abbreviations, so the syntax is n3's). What is done
 * here is the statement layout of n3's `_writeQuad` (Turtle, TriG: a subject once, `;` before
 * another predicate, `,` before another object, `<g> {…}` around a named graph) and
 * `quadToString` (N-Quads), with the encodings remembered: a vocabulary or entity term is
 * encoded once per file, a subject and a graph once per run of statements that share it, and
 * a block's text is one string instead of a piece per statement.
 * (`_encodeIriOrBlank` and `_encodeLiteral` are n3's internal methods; the version is pinned.)
 */
import { Writer } from "n3";
import type { Quad } from "n3";
import { encodeShared, encodingScheme } from "./terms.js";
import { NS } from "./vocabulary.js";

type Term = { termType: string; value: string };

interface N3Internals {
  _encodeIriOrBlank(term: Term): string;
  _encodeLiteral(term: Term): string;
}

const RDF_TYPE = NS.rdf + "type";
const DEFAULT_GRAPH: Term = { termType: "DefaultGraph", value: "" };

const sameTerm = (a: Term, b: Term | null): boolean => a === b || (b !== null && a.termType === b.termType && a.value === b.value);

export class RdfTextWriter {
  private readonly n3: N3Internals;
  private readonly lineMode: boolean;
  private headText = "";
  // The layout state of n3's Writer.
  private graph: Term = DEFAULT_GRAPH;
  private subject: Term | null = null;
  private predicate: Term | null = null;
  // The last subject and graph written, with their text (N-Quads writes them on every line).
  private lastSubject: Term | null = null;
  private lastSubjectText = "";
  private lastGraph: Term | null = null;
  private lastGraphText = "";

  constructor(format: "Turtle" | "TriG" | "N-Quads", prefixes?: Record<string, string>) {
    this.lineMode = format === "N-Quads";
    // n3's Writer writes its prefix lines when made: they are this file's head.
    const sink = { write: (chunk: string) => void (this.headText += chunk), end: (done?: () => void) => done?.() };
    const writer = new Writer(sink as unknown as NodeJS.WritableStream, this.lineMode ? { format, end: false } : { format, prefixes: prefixes ?? {}, end: false });
    const n3 = writer as unknown as N3Internals;
    const encode = n3._encodeIriOrBlank.bind(writer);
    // Terms used in many statements (vocabulary, entities): encoded once (per way of writing
    // IRIs: Turtle and TriG with the same prefixes write them alike).
    const scheme = encodingScheme(this.lineMode ? "N-Quads" : `prefixed ${JSON.stringify(prefixes ?? {})}`);
    n3._encodeIriOrBlank = (term) => encodeShared(term, scheme, encode);
    this.n3 = n3;
  }

  /** The text before the first statement (the prefixes). */
  head(): string {
    return this.headText;
  }

  private iri(term: Term): string {
    return this.n3._encodeIriOrBlank(term);
  }

  private object(term: Term): string {
    return term.termType === "Literal" ? this.n3._encodeLiteral(term) : this.n3._encodeIriOrBlank(term);
  }

  private subjectText(term: Term): string {
    if (term !== this.lastSubject) {
      this.lastSubjectText = this.iri(term);
      this.lastSubject = term;
    }
    return this.lastSubjectText;
  }

  private graphText(term: Term): string {
    if (term !== this.lastGraph) {
      this.lastGraphText = this.iri(term);
      this.lastGraph = term;
    }
    return this.lastGraphText;
  }

  /** The text of these statements (in order, after the ones before). */
  write(quads: readonly Quad[]): string {
    let out = "";
    if (this.lineMode) {
      for (const q of quads) {
        const g = q.graph as Term;
        out += `${this.subjectText(q.subject)} ${this.iri(q.predicate)} ${this.object(q.object)}${g.termType === "DefaultGraph" ? " .\n" : ` ${this.graphText(g)} .\n`}`;
      }
      return out;
    }
    for (const q of quads) {
      const s = q.subject as Term;
      const p = q.predicate as Term;
      const g = q.graph as Term;
      if (g !== this.graph && !sameTerm(g, this.graph)) {
        out += (this.subject === null ? "" : this.graph.termType === "DefaultGraph" ? ".\n" : "\n}\n") + (g.termType === "DefaultGraph" ? "" : `${this.iri(g)} {\n`);
        this.graph = g;
        this.subject = null;
      }
      if (sameTerm(s, this.subject)) {
        if (sameTerm(p, this.predicate)) out += `, ${this.object(q.object)}`;
        else {
          this.predicate = p;
          out += `;\n    ${p.value === RDF_TYPE ? "a" : this.iri(p)} ${this.object(q.object)}`;
        }
      } else {
        out += `${this.subject === null ? "" : ".\n"}${this.iri(s)} ${p.value === RDF_TYPE ? "a" : this.iri(p)} ${this.object(q.object)}`;
        this.subject = s;
        this.predicate = p;
      }
    }
    return out;
  }

  /** The text after the last statement. */
  end(): string {
    if (this.lineMode || this.subject === null) return "";
    const text = this.graph.termType === "DefaultGraph" ? ".\n" : "\n}\n";
    this.subject = null;
    this.graph = DEFAULT_GRAPH;
    return text;
  }
}
