/**
 * Removes page furniture from a scraped page, line by line: navigation bars (北京 | 天津 | …),
 * link lists and teasers, vote and comment widgets, copyright and licence lines. The
 * publication line (时间:2020-03-13 10:44 来源:…) is dropped too, but its date is kept: it
 * anchors the document's relative dates. Patterns are data (data/patterns/boilerplate.json).
 */
import { MappedTextBuilder, type MappedText } from "../util/mapped-text.js";
import { countHan } from "../util/chars.js";
import type { BoilerplateData } from "../lexicon/data.js";
import { isoDate } from "../ingest/read.js";
import { normalizeText } from "./normalize.js";

export interface CleanedPage {
  text: MappedText;
  /** Date of the publication line, YYYY-MM-DD. */
  published?: string;
  /** The line just before the publication line: the headline in most scraped pages. */
  headline?: string;
}

const SENTENCE_PUNCT = /[。！？!?；;，,]/;
const DATE_ONLY = /^\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*$/;

// A headline followed by its date and time, the way related-news lists print their links.
const RELATED_ITEM = /^[^。！？!?]{4,60}\s\d{4}-\d{1,2}-\d{1,2}(?:\s*[(（]?\d{1,2}:\d{2}[)）]?)?$/;

export function removeBoilerplate(page: MappedText, rules: BoilerplateData): CleanedPage {
  const lowerPatterns = rules.linePatterns.map((p) => normalizeText(p).toLowerCase());
  const metaLine = rules.metaLine.map(normalizeText);
  const out = new MappedTextBuilder();
  let published: string | undefined;
  let headline: string | undefined;
  let lastKept: string | undefined;
  let previousWasBullet = false;

  const text = page.text;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.trim();
    // Patterns are written in simplified, half-width forms: match against the normalized line.
    const normalized = normalizeText(trimmed);
    const lower = normalized.toLowerCase();
    let keep: [number, number][] = [];
    let isBullet = false;

    if (!trimmed) {
      // blank line: nothing to keep
    } else if (metaLine.some((m) => normalized.includes(m)) && trimmed.length < 160) {
      const date = findDate(normalized);
      if (date && !published) {
        published = date;
        if (lastKept && lastKept.length <= 60 && !/[。！？]$/.test(lastKept)) headline = lastKept;
      }
    } else if (trimmed.length < 200 && lowerPatterns.some((p) => lower.includes(p))) {
      // furniture line
    } else if (rules.bullets.some((b) => line.trimStart().startsWith(b) || trimmed === b.trim())) {
      isBullet = true;
      const body = trimmed.replace(/^\S+\s*/, "");
      const linkLike = body.length <= rules.linkListMaxLength && !/[。！？]/.test(body);
      if (!linkLike) keep = [[lineStart, lineEnd]];
    } else if (RELATED_ITEM.test(normalized) && countHan(trimmed) >= 4) {
      // a related-news link with its date (胡锦涛会见某国总统 2010-06-28 (08:04))
    } else if (previousWasBullet && rules.teaserEndings.some((e) => trimmed.endsWith(e))) {
      isBullet = true; // the snippet under a teaser link
    } else if (countHan(trimmed) === 0 && !DATE_ONLY.test(trimmed) && !/^\d{1,3}$/.test(trimmed)) {
      // no Chinese text: counters, percentages, separators
    } else {
      keep = keepCells(text, lineStart, lineEnd, rules);
    }
    previousWasBullet = isBullet;

    for (const [s, e] of keep) {
      // trim each kept piece
      let a = s;
      let b = e;
      while (a < b && /\s/.test(text[a] as string)) a++;
      while (b > a && /\s/.test(text[b - 1] as string)) b--;
      if (b <= a) continue;
      if (out.size > 0) out.appendSeparator("\n", page.offsets[Math.max(0, a - 1)] ?? 0);
      out.appendSlice(page, a, b);
      lastKept = text.slice(a, b);
    }
    lineStart = lineEnd + 1;
  }
  const result: CleanedPage = { text: out.build() };
  if (published) result.published = published;
  if (headline) result.headline = headline;
  return result;
}

/** A navigation bar is a line of ≥ N short cells between separators; long cells are content. */
function keepCells(text: string, start: number, end: number, rules: BoilerplateData): [number, number][] {
  const cells: [number, number][] = [];
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || rules.navSeparators.includes(text[i] as string)) {
      cells.push([cellStart, i]);
      cellStart = i + 1;
    }
  }
  if (cells.length < rules.navMinCells) return [[start, end]];
  const isNavCell = ([s, e]: [number, number]) => {
    const cell = text.slice(s, e).trim();
    return cell.length <= rules.navCellMaxLength && !SENTENCE_PUNCT.test(cell);
  };
  const navCells = cells.filter(isNavCell).length;
  if (navCells < rules.navMinCells) return [[start, end]];
  return cells.filter((c) => !isNavCell(c));
}

function findDate(s: string): string | undefined {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(s);
  return m ? isoDate(`${m[1]}-${m[2]}-${m[3]}`) : undefined;
}
