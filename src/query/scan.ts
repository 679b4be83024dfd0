/**
 * A lexical look at a SPARQL query before the engine sees it: comments, strings and IRIs are
 * blanked (same length, so positions hold), which lets the checks below read only the syntax.
 *  - the query form (SELECT, CONSTRUCT, DESCRIBE, ASK), updates refused however they are hidden;
 *  - the nesting depth of braces, parentheses and brackets, refused past a limit (a deeply nested
 *    query crashes the WebAssembly engine);
 *  - a LIMIT at the result cap, so that a large but cheap query stops at the cap.
 */

export type QueryKind = "bindings" | "boolean" | "graph";

export class SparqlSyntaxError extends Error {}
export class SparqlUpdateRefused extends Error {}

/** Deepest nesting of { ( [ accepted; real queries stay far below it. */
export const MAX_NESTING = 64;

/** The query with comments, string literals and IRIs replaced by spaces (same length, same lines). */
export function blankLiterals(query: string): string {
  let out = "";
  let i = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  while (i < query.length) {
    const ch = query[i] as string;
    if (ch === "#") {
      const end = query.indexOf("\n", i);
      const stop = end < 0 ? query.length : end;
      out += blank(query.slice(i, stop));
      i = stop;
    } else if (ch === "<" && /^<[^<>"{}|^`\\\s]*>/.test(query.slice(i, i + 4096))) {
      const m = /^<[^<>"{}|^`\\\s]*>/.exec(query.slice(i, i + 4096)) as RegExpExecArray;
      out += `<${" ".repeat(m[0].length - 2)}>`;
      i += m[0].length;
    } else if (ch === '"' || ch === "'") {
      const long = query.startsWith(ch.repeat(3), i);
      const quote = long ? ch.repeat(3) : ch;
      let j = i + quote.length;
      while (j < query.length && !query.startsWith(quote, j)) {
        if (query[j] === "\\") j++;
        else if (!long && query[j] === "\n") break;
        j++;
      }
      j = Math.min(query.length, j + quote.length);
      out += quote + blank(query.slice(i + quote.length, j - quote.length)) + (j - i >= 2 * quote.length ? quote : "");
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out.slice(0, query.length);
}

/** The deepest nesting of { ( [ in the (blanked) query. */
export function nestingDepth(code: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of code) {
    if (ch === "{" || ch === "(" || ch === "[") max = Math.max(max, ++depth);
    else if (ch === "}" || ch === ")" || ch === "]") depth = Math.max(0, depth - 1);
  }
  return max;
}

const UPDATE = /^(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b/i;
const FORMS: Record<string, QueryKind> = { SELECT: "bindings", CONSTRUCT: "graph", DESCRIBE: "graph", ASK: "boolean" };

/** Where the query form starts: after BASE and PREFIX declarations (in the blanked query). */
function formStart(code: string): number {
  let at = 0;
  for (;;) {
    const rest = code.slice(at);
    const m = /^\s*(PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s+<[^>]*>)/i.exec(rest);
    if (!m) return at + (/^\s*/.exec(rest)?.[0].length ?? 0);
    at += m[0].length;
  }
}

function lineCol(query: string, at: number): string {
  const before = query.slice(0, at).split("\n");
  return `${before.length}:${(before.at(-1) ?? "").length + 1}`;
}

/**
 * Checks a query before it runs: an update is refused (SparqlUpdateRefused), a query too deeply
 * nested or not starting with a query form is a SparqlSyntaxError. Returns its kind.
 */
export function checkQuery(query: string, maxNesting = MAX_NESTING): QueryKind {
  const code = blankLiterals(query);
  const start = formStart(code);
  const body = code.slice(start);
  if (UPDATE.test(body)) throw new SparqlUpdateRefused("updates are not allowed: this endpoint is read-only");
  const word = /^[A-Za-z]+/.exec(body)?.[0] ?? "";
  const kind = FORMS[word.toUpperCase()];
  if (!kind) {
    const found = word || body.trim().slice(0, 20);
    throw new SparqlSyntaxError(`error at ${lineCol(query, start)}: expected SELECT, CONSTRUCT, DESCRIBE or ASK${found ? `, found "${found}"` : " (the query is empty)"}`);
  }
  const depth = nestingDepth(code);
  if (depth > maxNesting) throw new SparqlSyntaxError(`the query is nested ${depth} levels deep (braces, parentheses, brackets); the limit is ${maxNesting}`);
  return kind;
}

/**
 * The query with its solutions capped at `cap` by a LIMIT at the end: a top-level LIMIT above
 * the cap is lowered, a missing one added. A query with a trailing VALUES block (where a LIMIT
 * cannot simply be appended) is left alone; the time limit still bounds it.
 */
export function withLimit(query: string, cap: number): string {
  const code = blankLiterals(query);
  const top = topLevel(code);
  if (/(?<![\w?$:])VALUES\b/i.test(top)) return query;
  const limits = [...top.matchAll(/(?<![\w?$:])LIMIT(\s+)(\d+)/gi)];
  const last = limits.at(-1);
  if (last && last.index !== undefined) {
    const value = Number(last[2]);
    if (value <= cap) return query;
    const at = last.index + 5 + (last[1] as string).length;
    return query.slice(0, at) + String(cap) + query.slice(at + (last[2] as string).length);
  }
  return `${query}\nLIMIT ${cap}`;
}

/** The code with everything inside { ( [ blanked: what is left is the top level. */
function topLevel(code: string): string {
  let depth = 0;
  let out = "";
  for (const ch of code) {
    if (ch === "{" || ch === "(" || ch === "[") {
      depth++;
      out += " ";
    } else if (ch === "}" || ch === ")" || ch === "]") {
      depth = Math.max(0, depth - 1);
      out += depth === 0 ? "}" : " ";
    } else out += depth === 0 || ch === "\n" ? ch : " ";
  }
  return out;
}
