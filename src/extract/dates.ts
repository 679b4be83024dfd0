/**
 * Time expressions in news copy and their resolution against the document. Chinese reports
 * mostly write dates without a year (3月12日晚) or only the day (22日): they are resolved
 * against a reference date that starts at the document's anchor (dateline, publication line,
 * JSONL date or --date) and follows the last full date read. Without any year, a date is null.
 * A month (2005年9月, 去年6月, 6月初) or a year (2014年) alone gives a date of that precision:
 * YYYY-MM or YYYY.
 * (chrono-node's Chinese parser misses the day-only forms and has no notion of this anchor.)
 */
import { CHINESE_YEAR, parseChineseNumeral } from "./numbers.js";

export interface TimeExpression {
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
  /** Days relative to the reference (今天 0, 昨天 -1), or "same" for 当天. */
  relative?: number | "same";
  /** Years relative to the reference (去年 -1), with a month. */
  relativeYear?: number;
  /** The second date of a range (7日至8日): an event is dated by the first. */
  rangeEnd?: boolean;
  /** A birth date (生于…): it does not move the reference the text's other dates are read against. */
  biographical?: boolean;
}

const CN = "[零〇一二两三四五六七八九十廿卅]";
// One linear pass: each alternative is a fixed sequence of bounded character classes.
const TIME_RE = new RegExp(
  [
    "(\\d{4})年(\\d{1,2})月(\\d{1,2})[日号]",
    "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)",
    "(?<![\\d.])(\\d{1,2}) ?月 ?(\\d{1,2}) ?[日号]",
    `(${CN}{1,2})月(${CN}{1,3})[日号]`,
    "(?<![\\d月.])(\\d{1,2})[日号](?![\\d])",
    "(?<![\\p{Script=Han}\\d])(十[一二三四五六七八九]?|[二三]十[一二三四五六七八九]?)日(?!\\p{Script=Han}{0,1}[内里间])",
    "(今天|今日|今晚|今晨|今早|当天|当日|昨天|昨日|昨晚|昨夜|前天|前晚|明天|明日|同日(?!而语|本|方|韩|俄|美|欧)|同一天)",
    // Month and year precision: 2005年9月, 去年6月, 6月初, 2014年.
    "(?<![\\d.])(\\d{4})年(\\d{1,2})月(?![\\d日号])",
    "(今年|去年|前年|明年)(\\d{1,2})月(?![\\d日号])",
    "(?<![\\d年.])(\\d{1,2})月(?:初|上旬|中旬|下旬|底|末|间|份)?(?![\\d日号])",
    "(?<![\\d.])(\\d{4})年(?![\\d月代前后初以])",
    // Taiwan's Republic of China years: 114年1月13日 is 2025-01-13.
    "(?<![\\d.])(?:中华民国|民国)?(1[0-4]\\d)年(\\d{1,2})月(\\d{1,2})[日号]",
    // 今(13)日, 昨(19)日: Taiwan's way of giving the day of 今天/昨天.
    "[今昨前明]\\s*[(（](\\d{1,2})[)）]\\s*[日号]",
    // A date written in Chinese numerals, year digit by digit (二〇〇九年七月二十七日, as letters are signed).
    `(${CHINESE_YEAR})年(${CN}{1,2})月(${CN}{1,3})[日号]`,
  ].join("|"),
  "gu"
);
const RELATIVE: Record<string, number | "same"> = { 今天: 0, 今日: 0, 今晚: 0, 今晨: 0, 今早: 0, 当天: "same", 当日: "same", 同日: "same", 同一天: "same", 昨天: -1, 昨日: -1, 昨晚: -1, 昨夜: -1, 前天: -2, 前晚: -2, 明天: 1, 明日: 1 };
const RELATIVE_YEAR: Record<string, number> = { 今年: 0, 去年: -1, 前年: -2, 明年: 1 };
const ROC_OFFSET = 1911;
const BIRTH = /(?:生于|出生于|出生|诞生于|生)\s*$/;
const RANGE = /^\s*(至|到|-|~|—|～)\s*$/;

/** Finds the time expressions of text[start, end). */
export function scanTimeExpressions(text: string, start = 0, end = text.length): TimeExpression[] {
  const out: TimeExpression[] = [];
  const slice = text.slice(start, end);
  TIME_RE.lastIndex = 0;
  for (let m = TIME_RE.exec(slice); m; m = TIME_RE.exec(slice)) {
    const s = start + m.index;
    const e = s + m[0].length;
    if (m[1]) out.push({ start: s, end: e, year: +m[1], month: +(m[2] as string), day: +(m[3] as string) });
    else if (m[4]) out.push({ start: s, end: e, year: +m[4], month: +(m[5] as string), day: +(m[6] as string) });
    else if (m[7]) out.push({ start: s, end: e, month: +m[7], day: +(m[8] as string) });
    else if (m[9]) {
      const month = parseChineseNumeral(m[9]);
      const day = parseChineseNumeral(m[10] as string);
      if (month >= 1 && day >= 1) out.push({ start: s, end: e, month, day });
    } else if (m[11]) out.push({ start: s, end: e, day: +m[11] });
    else if (m[12]) out.push({ start: s, end: e, day: parseChineseNumeral(m[12]) });
    else if (m[13]) out.push({ start: s, end: e, relative: RELATIVE[m[13]] as number | "same" });
    else if (m[14]) out.push({ start: s, end: e, year: +m[14], month: +(m[15] as string) });
    else if (m[16]) out.push({ start: s, end: e, relativeYear: RELATIVE_YEAR[m[16]] as number, month: +(m[17] as string) });
    else if (m[18]) out.push({ start: s, end: e, month: +m[18] });
    else if (m[19]) out.push({ start: s, end: e, year: +m[19] });
    else if (m[20]) out.push({ start: s, end: e, year: +m[20] + ROC_OFFSET, month: +(m[21] as string), day: +(m[22] as string) });
    else if (m[23]) out.push({ start: s, end: e, day: +m[23] });
    else if (m[24]) {
      const year = parseChineseNumeral(m[24]);
      const month = parseChineseNumeral(m[25] as string);
      const day = parseChineseNumeral(m[26] as string);
      if (month >= 1 && day >= 1) out.push({ start: s, end: e, year, month, day });
    }
  }
  for (let i = 1; i < out.length; i++) {
    const p = out[i - 1] as TimeExpression;
    const t = out[i] as TimeExpression;
    if (RANGE.test(text.slice(p.end, t.start))) t.rangeEnd = true;
  }
  // 生于1922年10月31日: a birth date is a fact about a person, not the time the text goes on at.
  for (const t of out) if (BIRTH.test(text.slice(Math.max(0, t.start - 3), t.start))) t.biographical = true;
  return out;
}

/** A date that is only a date: a list item's date line ("2020-01-22"). */
export function isDateOnly(text: string): boolean {
  // A timeline's labelled field (时间:1990年4月2日) is a date line too; so is a span of days (5日-9日).
  return /^\s*(?:(?:时间|日期)\s*[:：]\s*)?(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日)(?:\s*[-—至~]\s*(?:\d{1,2}月)?\d{1,2}日)?\s*$/.test(text);
}

interface YMD {
  y: number;
  m: number;
  d: number;
}

/** Resolves time expressions in document order; keeps the reference date up to date. */
export class DateResolver {
  private ref: YMD | undefined;
  private last: string | undefined;
  /** Whether the reference is a full date written in the text (a list goes on from it), not the page's. */
  private refFromText = false;

  constructor(anchor?: string) {
    if (anchor) this.ref = parse(anchor);
  }

  /** The current reference date, YYYY-MM-DD. */
  get reference(): string | undefined {
    return this.ref ? format(this.ref) : undefined;
  }

  /** Sets the reference (the dateline once the year is known). */
  setReference(date: string): void {
    this.ref = parse(date);
    this.refFromText = false;
  }

  /** The date an expression denotes, or null when it cannot be known. */
  resolve(t: TimeExpression): string | null {
    let out: YMD | undefined;
    if (t.relative !== undefined) {
      if (t.relative === "same") return this.last ?? (this.ref ? format(this.ref) : null);
      if (this.ref) out = addDays(this.ref, t.relative);
    } else if (t.year !== undefined && t.month !== undefined && t.day !== undefined) {
      out = { y: t.year, m: t.month, d: t.day };
      if (valid(out) && !t.biographical) {
        this.ref = out;
        this.refFromText = true;
      }
    } else if (t.month !== undefined && t.day !== undefined && this.ref && this.refFromText) {
      // After a full date of the text (2018年3月23日…，10月23日…) a list goes forward: the same
      // year, or the next when that would be more than half a year before (a list running back a
      // few weeks, newest first, stays in the year).
      const ref = this.ref;
      out = { y: ref.y, m: t.month, d: t.day };
      if (valid(out) && dayNumber(out) < dayNumber(ref) - 183) out = { ...out, y: ref.y + 1 };
    } else if (t.month !== undefined && t.day !== undefined && this.ref) {
      const ref = this.ref;
      const candidates = [ref.y - 1, ref.y, ref.y + 1].map((y) => ({ y, m: t.month as number, d: t.day as number })).filter(valid);
      candidates.sort((a, b) => Math.abs(dayNumber(a) - dayNumber(ref)) - Math.abs(dayNumber(b) - dayNumber(ref)));
      out = candidates[0];
    } else if (t.day === undefined && t.month !== undefined && t.year !== undefined) {
      return t.month >= 1 && t.month <= 12 ? `${t.year}-${pad(t.month)}` : null;
    } else if (t.day === undefined && t.month !== undefined && t.relativeYear !== undefined) {
      return this.ref && t.month >= 1 && t.month <= 12 ? `${this.ref.y + t.relativeYear}-${pad(t.month)}` : null;
    } else if (t.day === undefined && t.month !== undefined) {
      // A month alone is this year's, unless that is still ahead of the reference: then last year's.
      if (!this.ref || t.month < 1 || t.month > 12) return null;
      return `${t.month > this.ref.m + 1 ? this.ref.y - 1 : this.ref.y}-${pad(t.month)}`;
    } else if (t.day === undefined && t.year !== undefined) {
      return t.year >= 1000 && t.year <= 9999 ? String(t.year) : null;
    } else if (t.day !== undefined && this.ref) {
      const ref = this.ref;
      out = { y: ref.y, m: ref.m, d: t.day };
      // A day well after the reference is last month's (a report of the 3rd about "28日").
      if (!valid(out) || dayNumber(out) - dayNumber(ref) > 7) {
        const prev = ref.m === 1 ? { y: ref.y - 1, m: 12 } : { y: ref.y, m: ref.m - 1 };
        out = { ...prev, d: t.day };
      }
    }
    if (!out || !valid(out)) return null;
    this.last = format(out);
    return this.last;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

function parse(date: string): YMD | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const v = { y: +(m[1] as string), m: +(m[2] as string), d: +(m[3] as string) };
  return valid(v) ? v : undefined;
}

function valid(v: YMD): boolean {
  if (v.m < 1 || v.m > 12 || v.d < 1 || v.d > 31 || v.y < 1000 || v.y > 9999) return false;
  const t = new Date(Date.UTC(v.y, v.m - 1, v.d));
  return t.getUTCMonth() === v.m - 1 && t.getUTCDate() === v.d;
}

function dayNumber(v: YMD): number {
  return Date.UTC(v.y, v.m - 1, v.d) / 86400000;
}

function addDays(v: YMD, days: number): YMD {
  const t = new Date(Date.UTC(v.y, v.m - 1, v.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function format(v: YMD): string {
  return `${String(v.y).padStart(4, "0")}-${String(v.m).padStart(2, "0")}-${String(v.d).padStart(2, "0")}`;
}

const CHINESE_FULL_DATE = new RegExp(`(${CHINESE_YEAR})年(${CN}{1,2})月(${CN}{1,3})[日号]`, "u");

/**
 * The first full date written in Chinese numerals (二〇〇七年五月廿五日: how letters and
 * statements are signed), YYYY-MM-DD: an anchor for a page that has no other.
 */
export function signatureDate(text: string): string | undefined {
  const m = CHINESE_FULL_DATE.exec(text);
  if (!m) return undefined;
  const ymd = { y: parseChineseNumeral(m[1] as string), m: parseChineseNumeral(m[2] as string), d: parseChineseNumeral(m[3] as string) };
  return valid(ymd) ? format(ymd) : undefined;
}

// A line that is only a full date, as a letter is signed (2007年9月29日, 二〇〇七年九月二十九日于北京).
const SIGNED_LINE = new RegExp(`^\\s*(?:(\\d{4})年(\\d{1,2})月(\\d{1,2})日|(${CHINESE_YEAR})年(${CN}{1,2})月(${CN}{1,3})[日号])(?:于\\S{1,8})?\\s*$`, "u");
// How far after a letter its signature is looked for.
const MAX_LETTER = 4000;
const MAX_SIGNER = 14;

/**
 * The date a letter written after `from` is signed with: the first line after it that is only a
 * full date, right under a short line (the signer's name or post). Undefined when there is none.
 */
export function signedDateAfter(text: string, from: number): string | undefined {
  return signature(text, from)?.date;
}

/** Where the signature date line of a letter printed after `from` starts (see signedDateAfter). */
export function signatureLineAfter(text: string, from: number): number | undefined {
  return signature(text, from)?.start;
}

function signature(text: string, from: number): { date: string; start: number } | undefined {
  const limit = Math.min(text.length, from + MAX_LETTER);
  let lineStart = text.indexOf("\n", from) + 1;
  let previous = "";
  while (lineStart > 0 && lineStart < limit) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0 || lineEnd > limit) lineEnd = limit;
    const line = text.slice(lineStart, lineEnd).trim();
    const m = line ? SIGNED_LINE.exec(line) : null;
    if (m) {
      // (The signer may close the last line of the text: 顺致崇高的敬意。 某某)
      const signer = (previous.split(/[。！？]/).at(-1) ?? "").replace(/\s/g, "");
      const ymd = m[1] ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : { y: parseChineseNumeral(m[4] as string), m: parseChineseNumeral(m[5] as string), d: parseChineseNumeral(m[6] as string) };
      if (signer.length >= 2 && signer.length <= MAX_SIGNER && !/[，,。；;：:！？]/.test(signer) && valid(ymd)) return { date: format(ymd), start: lineStart };
      return undefined;
    }
    if (line) previous = line;
    lineStart = lineEnd + 1;
  }
  return undefined;
}
