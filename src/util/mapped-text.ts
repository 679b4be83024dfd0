/**
 * Text that remembers where each of its characters came from in the original file.
 * Cleaning (HTML stripping, furniture removal) builds a MappedText; extraction reports
 * sentence offsets in the original through it, whatever cleaning happened.
 */
export interface MappedText {
  /** The cleaned text. */
  readonly text: string;
  /** offsets[i] is the index in the original text of text[i]. */
  readonly offsets: Int32Array;
}

/** Identity mapping: the text is the original. */
export function identityText(text: string): MappedText {
  const offsets = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) offsets[i] = i;
  return { text, offsets };
}

/** The mapped text from `start` on. */
export function sliceMapped(t: MappedText, start: number): MappedText {
  const b = new MappedTextBuilder();
  b.appendSlice(t, start, t.text.length);
  return b.build();
}

/** Maps a span [start, end) of the cleaned text to the original's [start, end). */
export function originalSpan(mt: MappedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = mt.offsets[start] ?? mt.offsets[mt.offsets.length - 1] ?? 0;
    return { start: at, end: at };
  }
  return { start: mt.offsets[start] ?? 0, end: (mt.offsets[end - 1] ?? 0) + 1 };
}

/** Accumulates pieces of text with their original positions. */
export class MappedTextBuilder {
  private parts: string[] = [];
  private offsets: number[] = [];
  private length = 0;

  /** Appends text whose characters sit at originalStart, originalStart+1, … in the original. */
  appendContiguous(text: string, originalStart: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) this.offsets.push(originalStart + i);
    this.length += text.length;
  }

  /** Appends text that replaced original[originalStart, originalEnd) (e.g. a decoded entity). */
  appendReplacement(text: string, originalStart: number, originalEnd: number): void {
    const span = Math.max(1, originalEnd - originalStart);
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) {
      this.offsets.push(originalStart + Math.min(span - 1, Math.floor((i * span) / Math.max(1, text.length))));
    }
    this.length += text.length;
  }

  /** Appends [start, end) of another mapped text, keeping its mapping. */
  appendSlice(source: MappedText, start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(source.text.slice(start, end));
    for (let i = start; i < end; i++) this.offsets.push(source.offsets[i] ?? 0);
    this.length += end - start;
  }

  /** Appends a separator (newline) that stands at originalPos. */
  appendSeparator(sep: string, originalPos: number): void {
    this.appendReplacement(sep, originalPos, originalPos + 1);
  }

  get size(): number {
    return this.length;
  }

  endsWith(s: string): boolean {
    const last = this.parts[this.parts.length - 1];
    return last !== undefined && last.endsWith(s);
  }

  build(): MappedText {
    return { text: this.parts.join(""), offsets: Int32Array.from(this.offsets) };
  }
}
