/** Chinese numerals (两千, 十二, 二〇二〇) and Arabic numbers with thousands separators → numbers. */

// 二00九, 二○○九: a zero typed as a digit or a circle inside a year written digit by digit.
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, "○": 0, "0": 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Parses a Chinese numeral below 10,000 (十二 → 12, 两千 → 2000, 二〇二〇 → 2020); NaN if not one. */
export function parseChineseNumeral(s: string): number {
  if (!s) return NaN;
  // 廿 and 卅 are twenty and thirty in dates (五月廿五日).
  if (s.includes("廿") || s.includes("卅")) s = s.replace(/廿/g, "二十").replace(/卅/g, "三十");
  // Digit by digit (二〇二〇).
  if ([...s].every((c) => c in DIGITS) && s.length > 1) return Number([...s].map((c) => DIGITS[c]).join(""));
  let total = 0;
  let current = 0;
  for (const c of s) {
    if (c in DIGITS) current = DIGITS[c] as number;
    else if (c in UNITS) {
      total += (current || 1) * (UNITS[c] as number);
      current = 0;
    } else return NaN;
  }
  return total + current;
}

/**
 * value × multiplier without floating-point drift: "2.3" × 10000 = 23000 exactly.
 * Returns NaN for malformed numbers.
 */
export function scaleDecimal(numeral: string, multiplier: number): number {
  const clean = numeral.replace(/,/g, "");
  if (!/^\d+(\.\d+)?$/.test(clean)) {
    const n = parseChineseNumeral(clean);
    return Number.isFinite(n) ? n * multiplier : NaN;
  }
  const [int = "0", frac = ""] = clean.split(".");
  const scale = 10 ** frac.length;
  return Math.round((Number(int + frac) * multiplier) / scale);
}

/** A year written digit by digit in Chinese (二〇〇九年, 二00九年), as a regular-expression source. */
export const CHINESE_YEAR = "[一二][〇零一二三四五六七八九○0]{3}";
