/**
 * n3's Writer, with its IRI encoding remembered: a build writes the same IRIs (predicates,
 * classes, datatypes, entities) millions of times, and n3 tests each against its escape and
 * prefix expressions every time. The text is n3's own, so
 * the bytes are the same. (`_encodeIriOrBlank` is n3's internal method; the version is pinned.)
 */
import { Writer, type WriterOptions } from "n3";

/** Terms made once and used in many statements (vocabulary, entities): only their encodings are kept. */
export const sharedTerms = new WeakSet<object>();

export function memoWriter(output: NodeJS.WritableStream | undefined, options: WriterOptions): Writer {
  const writer = output ? new Writer(output, options) : new Writer(options);
  const inner = writer as unknown as { _encodeIriOrBlank: (t: { termType: string; value: string }) => string };
  const encode = inner._encodeIriOrBlank.bind(writer);
  // Keyed by the term object (an identity look-up, not a hash of a long IRI).
  const memo = new WeakMap<object, string>();
  inner._encodeIriOrBlank = (term) => {
    if (!sharedTerms.has(term)) return encode(term);
    let text = memo.get(term);
    if (text === undefined) memo.set(term, (text = encode(term)));
    return text;
  };
  return writer;
}
