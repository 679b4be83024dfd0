/**
 * Bracketed source credits (【某某报讯】, 【某某综合报道】) name the outlet, not a person: their
 * text is blanked (same length, so offsets hold) before names are read. A credit that carries a
 * date (【新华社北京5月3日电】) is a dateline and stays.
 */
const MAX_CREDIT = 24;

export function blankCredits(norm: string, endings: string[]): string {
  if (!norm.includes("【")) return norm;
  return norm.replace(/【([^【】\n]{1,24})】/g, (whole, inner: string) => {
    if (inner.length > MAX_CREDIT || /[0-9〇零一二三四五六七八九十]/.test(inner) || !endings.some((w) => inner.endsWith(w))) return whole;
    return " ".repeat(whole.length);
  });
}
