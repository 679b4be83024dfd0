/**
 * Sentences and clauses of the normalized text, and look-ups of the tokens inside a span: the
 * units every later stage works in. Sentences end at 。！？；, newlines and ellipses; clauses at
 * commas, colons, brackets and quotes. Tokens are sorted by start, so look-ups are binary searches.
 */
import { CLAUSE_END, SENTENCE_END } from "../util/chars.js";
import type { Token } from "./tokens.js";

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
  /** Its clauses, split once (clausesOf). */
  clauses?: [number, number][];
}

/** Sentences of the normalized text, trimmed; list lines are sentences of their own. */
export function splitSentences(norm: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /[\s()（）"“”]/.test(norm[s] as string)) s++;
    while (e > s && /[\s()（）"“”]/.test(norm[e - 1] as string)) e--;
    if (e > s) out.push({ start: s, end: e, tokens: [] });
  };
  let lineStart = 0;
  for (let i = 0; i < norm.length; i++) {
    const ch = norm[i] as string;
    if (!SENTENCE_END.has(ch)) continue;
    const wrapped = ch === "\n" && wrapsSentence(norm, Math.max(start, lineStart), i);
    if (ch === "\n") lineStart = i + 1;
    if (wrapped) continue;
    push(start, ch === "\n" ? i : i + 1);
    start = i + 1;
  }
  push(start, norm.length);
  return out;
}

// A line at least this long that breaks off mid-sentence is body text wrapped by the page.
const MIN_WRAPPED_LINE = 30;

/**
 * Whether the line break at `i` only wraps a sentence (…同时，美使馆还\n向基金会捐赠了5万美元。):
 * a long line of body text, with a clause begun (a comma in it) and not ended, and more text
 * right after the break. A headline is short and has no comma.
 */
function wrapsSentence(norm: string, lineStart: number, i: number): boolean {
  // Only the line's own text is looked at (a run of wrapped lines stays linear).
  if (i - lineStart < MIN_WRAPPED_LINE) return false;
  const line = norm.slice(lineStart, i).trim();
  if (line.length < MIN_WRAPPED_LINE || !/[,，]/.test(line) || !/\p{Script=Han}$/u.test(line)) return false;
  return /^\p{Script=Han}/u.test(norm[i + 1] ?? "");
}

/** End of a dotted foreign name starting at i (伊姆兰·汗, 约瑟夫·拜登), or i when there is none. */
/**
 * Clause bounds inside a sentence. A stretch without punctuation longer than MAX_CLAUSE is cut:
 * no real clause is that long, and per-clause work then stays bounded (linear in the text).
 */
export const MAX_CLAUSE = 400;

/** The clauses of a sentence, split on first use and kept with it (several stages read them). */
export function clausesOf(norm: string, s: Sentence): readonly [number, number][] {
  return (s.clauses ??= splitClauses(norm, s));
}

export function splitClauses(norm: string, s: Sentence): [number, number][] {
  const out: [number, number][] = [];
  let a = s.start;
  for (let i = s.start; i < s.end; i++) {
    const close = quotedNameEnd(norm, i, s.end);
    if (close !== undefined) {
      i = close;
      continue;
    }
    // 普京（Vladimir Putin），于12月31日…: after a name's aside, a comma before the time of the
    // predicate does not end the clause.
    if (CLAUSE_END.has(norm[i] as string) && !(norm[i - 1] === " " && (norm[i + 1] === "于" || norm[i + 1] === "在") && (norm[i] === "," || norm[i] === "，"))) {
      if (i > a) out.push([a, i]);
      a = i + 1;
    } else if (i - a >= MAX_CLAUSE) {
      out.push([a, i]);
      a = i;
    }
  }
  if (s.end > a) out.push([a, s.end]);
  return out;
}

// Quotes, and short parentheses inside a name (沃尔玛(中国)投资有限公司).
// Keyed by UTF-16 code: asked at every position of every clause.
const QUOTES = new Map([..."“「《『(（"].map((open, k) => [open.charCodeAt(0), "”」》』)）"[k] as string]));
const MAX_PARENTHESIZED_NAME = 6;
const MAX_QUOTED_NAME = 30;

/**
 * The closing mark of a quoted name (出席“一带一路”论坛的, 为出席「即位礼」而访日的) opened at
 * `i`: short and without punctuation inside, it is a word of its clause, not a clause of its own.
 */
function quotedNameEnd(norm: string, i: number, end: number): number | undefined {
  const closeMark = QUOTES.get(norm.charCodeAt(i));
  if (!closeMark) return undefined;
  for (let j = i + 1; j < end && j - i <= MAX_QUOTED_NAME; j++) {
    const ch = norm[j] as string;
    if (ch === closeMark) return j > i + 1 && (!"(（".includes(norm[i] as string) || (j - i - 1 <= MAX_PARENTHESIZED_NAME && /^\p{Script=Han}+$/u.test(norm.slice(i + 1, j)))) ? j : undefined;
    if (CLAUSE_END.has(ch) || SENTENCE_END.has(ch)) return undefined;
  }
  return undefined;
}

/** Index of the first token starting at or after `pos` (tokens are sorted by start). */
export function firstTokenAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tokens inside [a, b). */
export function tokensIn(tokens: Token[], a: number, b: number): Token[] {
  const out: Token[] = [];
  for (let i = firstTokenAt(tokens, a); i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.start >= b) break;
    if (t.end <= b) out.push(t);
  }
  return out;
}

/** Whether a token covers position i. */
export function covered(tokens: Token[], i: number): boolean {
  const k = firstTokenAt(tokens, i + 1) - 1;
  const t = tokens[k];
  return t !== undefined && i >= t.start && i < t.end;
}

/** Index of the last item whose pos is before x (items sorted by pos), or -1. */
export function lastIndexBefore(items: { pos: number }[], x: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { pos: number }).pos < x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
