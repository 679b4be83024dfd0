/**
 * The page date of a scraped article, when no publication line (发布时间: …) gave one: a date
 * written alone on a short line of the page (`2016-09-06`, `2020/6/18 04:23`, `10.05.2022 17:31`,
 * `OP 03/31/2017`, `2020 12/ 30 15:10`, `环球时报·2025-09-19 23:08`, Taiwan's `114年01月13日`) or a `date 2026-02-04`
 * prefix of the text.
 * A line that is a sentence (。) or long is body text, not a page date.
 */
import { isoDate } from "../ingest/read.js";
import { CHINESE_YEAR, parseChineseNumeral } from "../extract/numbers.js";

const MAX_REST = 40;
const SCAN_LINES = 40;

// Year first (2016-09-06, 2016/9/6, 2016.09.06, 2016年9月6日), day first (10.05.2022), month first (03/31/2017).
// (A scraped layout may lose the first separator: `2020 12/ 30 15:10:07`.)
const YMD = /(?<![\d.])(\d{4})\s*(?:(?:[-/.]|\s)\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)(?![\d])/;
// Taiwan's Republic of China years (民国|中华民国)114年01月13日 = 2025-01-13: the year plus 1911.
const ROC = /(?<![\d.])(?:中华民国|民国)?(1[0-4]\d)年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const ROC_OFFSET = 1911;
// A date in Chinese numerals, year digit by digit (二〇〇九年七月二十七日: a letter's signature line).
const CHINESE_YMD = new RegExp(`(${CHINESE_YEAR})年([〇零一二三四五六七八九十]{1,2})月([〇零一二三四五六七八九十廿卅]{1,3})日`);
const DMY = /(?<![\d./])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/;
const MDY = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/;
const TIME = /\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?/gi;
const DATE_PREFIX = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s/i;

/** A `date YYYY-MM-DD ` prefix at the start of the text: its date and where the text proper starts. */
export function datePrefix(text: string): { date: string; end: number } | undefined {
  const m = DATE_PREFIX.exec(text);
  const date = m ? isoDate(m[1] as string) : undefined;
  return m && date ? { date, end: m[0].length } : undefined;
}

/**
 * The first date standing alone on a short line of the page, YYYY-MM-DD, and where that line
 * starts (the line is page furniture: its date must not be read as a date of the text).
 */
export function pageDate(text: string): { date: string; start: number } | undefined {
  let at = 0;
  for (const line of text.split("\n", SCAN_LINES + 1).slice(0, SCAN_LINES)) {
    // A scraped page may run a date on after the lead's full stop (…会晤。2020-07-22 摘要全文).
    let pieceAt = at;
    for (const piece of line.split(/(?<=[。！？])/)) {
      const date = dateOfLine(piece);
      if (date) return { date, start: pieceAt };
      pieceAt += piece.length;
    }
    at += line.length + 1;
  }
  return undefined;
}

function dateOfLine(line: string): string | undefined {
  if (line.length > 120 || /[。！？]/.test(line)) return undefined;
  let m = YMD.exec(line);
  let date: string | undefined;
  if (m) date = isoDate(`${m[1]}-${m[2] ?? m[4]}-${m[3] ?? m[5]}`);
  else if ((m = ROC.exec(line))) date = isoDate(`${+(m[1] as string) + ROC_OFFSET}-${m[2]}-${m[3]}`);
  else if ((m = CHINESE_YMD.exec(line))) date = isoDate(`${parseChineseNumeral(m[1] as string)}-${parseChineseNumeral(m[2] as string)}-${parseChineseNumeral(m[3] as string)}`);
  else if ((m = DMY.exec(line))) date = isoDate(`${m[3]}-${m[2]}-${m[1]}`);
  else if ((m = MDY.exec(line))) date = isoDate(`${m[3]}-${m[1]}-${m[2]}`);
  if (!m || !date) return undefined;
  const rest = (line.slice(0, m.index) + line.slice(m.index + m[0].length)).replace(TIME, "").trim();
  // A letter's signature date with the next letter's salutation run on (…九日|某某阁下亲爱的先生:) is text.
  if (/[:：]$/.test(rest) && /\p{Script=Han}{8,}/u.test(rest)) return undefined;
  return rest.length <= MAX_REST ? date : undefined;
}
