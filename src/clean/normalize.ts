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
const table = new Map<string, string>();

/** The normalized form of one UTF-16 code unit (or itself when normalizing would change the length). */
export function normalizeChar(ch: string): string {
  const cached = table.get(ch);
  if (cached !== undefined) return cached;
  let out: string = ch;
  if (DOTS.has(ch)) out = NAME_DOT;
  else if (DASHES.has(ch)) out = NAME_HYPHEN;
  else if (FORMAT.test(ch)) out = " ";
  else {
    const nf = ch.normalize("NFKC");
    if (nf.length === 1) out = nf;
    const simplified = toSimplified(out);
    if (simplified.length === 1) out = simplified;
    if (DOTS.has(out)) out = NAME_DOT;
    else if (DASHES.has(out)) out = NAME_HYPHEN;
  }
  table.set(ch, out);
  return out;
}

/** Normalizes a whole string, character by character; the result has the same length. */
export function normalizeText(text: string): string {
  let out = "";
  let changed = false;
  const parts: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    // Lone surrogates and ASCII pass through untouched.
    const n = code < 0x80 || (code >= 0xd800 && code <= 0xdfff) ? ch : normalizeChar(ch);
    if (n !== ch) changed = true;
    parts.push(n);
  }
  // A period between two Han characters joins the parts of a foreign name (亚当．史密斯).
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i] === "." && isHanCode((parts[i - 1] as string).charCodeAt(0)) && isHanCode((parts[i + 1] as string).charCodeAt(0))) {
      parts[i] = NAME_DOT;
      changed = true;
    }
  }
  out = changed ? parts.join("") : text;
  return out;
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
