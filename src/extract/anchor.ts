/**
 * The time anchor of a document: the date its relative days (21日, 昨天, 当天) are read against.
 * In order: the date given with the document (JSONL), its publication line, a `date …` prefix,
 * a date standing alone on a short line of the page, or the caller's --date; the dateline
 * (新华社北京3月12日电, 中新社北京一月二十六日电, 中央社华盛顿17日综合外电报导) then fixes month and day.
 */
import { DateResolver } from "./dates.js";
import { parseChineseNumeral } from "./numbers.js";

const DATELINE = /(?:(\d{1,2}|[一二三四五六七八九十]{1,2})月)?(\d{1,2}|[一二三四五六七八九十]{1,3})日(?:专电|电|综合外电报导|综合报导|综合报道|消息|讯)/;
/** How far into the text a dateline is looked for. */
const DATELINE_WINDOW = 1200;

/** A date resolver set to the document's anchor (candidates in order of trust, first defined wins). */
export function anchorResolver(norm: string, candidates: (string | undefined)[]): DateResolver {
  const resolver = new DateResolver(candidates.find((d) => d !== undefined));
  const dateline = DATELINE.exec(norm.slice(0, DATELINE_WINDOW));
  if (dateline && resolver.reference) {
    const num = (x: string) => (/^\d+$/.test(x) ? +x : parseChineseNumeral(x));
    const day = num(dateline[2] as string);
    const d = dateline[1] ? resolver.resolve({ start: 0, end: 0, month: num(dateline[1]), day }) : resolver.resolve({ start: 0, end: 0, day });
    if (d) resolver.setReference(d);
  }
  return resolver;
}
