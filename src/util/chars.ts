/** Character classes shared by the cleaning and extraction stages (on normalized text). */

export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x2ffff)
  );
}

/** The normalized middle dot and hyphen inside foreign names (伊姆兰·汗, 迪亚斯-卡内尔). */
export const NAME_DOT = "·";
export const NAME_HYPHEN = "-";

/** Ends a sentence. */
export const SENTENCE_END = new Set(["。", "！", "？", "!", "?", "；", ";", "\n", "…"]);
/** Ends a clause inside a sentence. */
export const CLAUSE_END = new Set([",", "，", ":", "：", "(", ")", "（", "）", "“", "”", "\"", "「", "」", "《", "》"]);
/** Punctuation that can never be part of a name. */
export function isNameChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return isHan(code) || ch === NAME_DOT || ch === NAME_HYPHEN;
}

export function hasHan(s: string): boolean {
  for (const ch of s) if (isHan(ch.codePointAt(0) ?? 0)) return true;
  return false;
}

export function countHan(s: string): number {
  let n = 0;
  for (const ch of s) if (isHan(ch.codePointAt(0) ?? 0)) n++;
  return n;
}

/**
 * Replaces what is not text — lone UTF-16 surrogates and Unicode noncharacters (U+FFFE, U+FFFF,
 * U+FDD0–U+FDEF, U+nFFFE/F), which RDF parsers refuse — with U+FFFD, keeping every offset.
 */
export function wellFormed(s: string): string {
  return s
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/[\ufdd0-\ufdef\ufffe\uffff]/g, "\ufffd")
    .replace(/[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]/g, "\ufffd\ufffd");
}
