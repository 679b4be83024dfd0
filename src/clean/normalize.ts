/**
 * Character-level normalization for matching: traditional → simplified (OpenCC tables),
 * full-width → half-width (NFKC), one middle dot and one hyphen for names (a period between
 * two Han characters is a name's dot).
 * Every character maps to exactly one character, so offsets in the normalized text are
 * offsets in the cleaned text: spans found by extraction map back to the original unchanged.
 */
import * as OpenCC from "opencc-js/t2cn";
import { NAME_DOT, NAME_HYPHEN } from "../util/chars.js";

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });
const DOTS = new Set(["⋅", "·", "•", "‧", "・", "･", "∙", "●"]);
const DASHES = new Set(["‐", "‑", "‒", "–", "—", "－", "―", "-"]);
// Invisible format characters (bidirectional marks, zero-width spaces, BOM): read as a space.
const FORMAT = /^[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]$/;
// The normalized code of each UTF-16 code unit, filled as they are met (−1: not yet): every
// character of every page goes through it.
const table = new Int32Array(0x10000).fill(-1);
const DOT_CODE = NAME_DOT.charCodeAt(0);

/** The normalized form of one UTF-16 code unit (or itself when normalizing would change the length). */
export function normalizeChar(ch: string): string {
  if (ch.length !== 1) return normalizeUncached(ch);
  return String.fromCharCode(normalizedCode(ch.charCodeAt(0)));
}

function normalizedCode(code: number): number {
  // Lone surrogates and ASCII pass through untouched.
  if (code < 0x80 || (code >= 0xd800 && code <= 0xdfff)) return code;
  let n = table[code] as number;
  if (n < 0) table[code] = n = normalizeUncached(String.fromCharCode(code)).charCodeAt(0);
  return n;
}

function normalizeUncached(ch: string): string {
  if (DOTS.has(ch)) return NAME_DOT;
  if (DASHES.has(ch)) return NAME_HYPHEN;
  if (FORMAT.test(ch)) return " ";
  let out = ch;
  const nf = ch.normalize("NFKC");
  if (nf.length === 1) out = nf;
  const simplified = toSimplified(out);
  if (simplified.length === 1) out = simplified;
  if (DOTS.has(out)) return NAME_DOT;
  if (DASHES.has(out)) return NAME_HYPHEN;
  return out;
}

/**
 * Normalizes a whole string, character by character; the result has the same length. Only the
 * characters that change are written out; the runs between them are copied as slices.
 */
export function normalizeText(text: string): string {
  let out = "";
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let n = normalizedCode(code);
    // A period between two Han characters joins the parts of a foreign name (亚当．史密斯).
    if (n === 0x2e && i > 0 && i + 1 < text.length && isHanCode(normalizedCode(text.charCodeAt(i - 1))) && isHanCode(normalizedCode(text.charCodeAt(i + 1)))) n = DOT_CODE;
    if (n !== code) {
      out += text.slice(runStart, i) + String.fromCharCode(n);
      runStart = i + 1;
    }
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

/** True when the text uses traditional characters (some character changes on conversion). */
export function looksTraditional(text: string): boolean {
  let changed = 0;
  for (let i = 0; i < text.length && i < 20000; i++) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (code >= 0x4e00 && code <= 0x9fff && normalizeChar(ch) !== ch) changed++;
  }
  return changed >= 2;
}

/** True when any character of a short text (a name, an alias) is a traditional form. */
export function hasTraditional(text: string): boolean {
  for (const ch of text) if (ch.length === 1 && isHanCode(ch.charCodeAt(0)) && normalizeChar(ch) !== ch) return true;
  return false;
}

function isHanCode(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}
