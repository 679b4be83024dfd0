/** Money amounts (2000万美元, 1.5亿元人民币, 两千万欧元) → value in units and ISO currency. */
import type { CurrencyData } from "../lexicon/data.js";
import { scaleDecimal } from "./numbers.js";
import type { Amount } from "../model/types.js";

export interface FoundAmount extends Amount {
  start: number;
  end: number;
}

const reCache = new WeakMap<CurrencyData, RegExp>();

function amountRegex(data: CurrencyData): RegExp {
  let re = reCache.get(data);
  if (!re) {
    const alt = (words: string[]) => words.sort((a, b) => b.length - a.length).join("|");
    re = new RegExp(
      `(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]{1,8})\\s*(${alt(Object.keys(data.multipliers))})?\\s*(${alt(Object.keys(data.currencies))})`,
      "g"
    );
    reCache.set(data, re);
  }
  return re;
}

/** Every amount of money in text[start, end). */
export function scanAmounts(text: string, data: CurrencyData, start = 0, end = text.length): FoundAmount[] {
  const re = amountRegex(data);
  const slice = text.slice(start, end);
  const out: FoundAmount[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const multiplier = m[2] ? (data.multipliers[m[2]] ?? 1) : 1;
    const value = scaleDecimal(m[1] as string, multiplier);
    const currency = data.currencies[m[3] as string];
    if (!Number.isFinite(value) || value <= 0 || !currency) continue;
    out.push({ value, currency, text: m[0], start: start + m.index, end: start + m.index + m[0].length });
  }
  return out;
}
