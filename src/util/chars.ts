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
