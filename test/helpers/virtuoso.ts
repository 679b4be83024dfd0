/**
 * The Virtuoso the store tests load into (Debian's virtuoso-opensource, started by .ci/run):
 * where it answers, whether it does (required with CI=1), and how a test removes its graphs.
 */
import DigestClient from "digest-fetch";

export const VIRTUOSO = process.env.VIRTUOSO_URL ?? "http://127.0.0.1:8890";
/** The Graph Store endpoint `diplograph push` writes to. */
export const GSP = `${VIRTUOSO}/sparql-graph-crud-auth`;
export const USER = process.env.VIRTUOSO_USER ?? "dba";
export const PASSWORD = process.env.VIRTUOSO_PASSWORD ?? "dba";

/** Whether Virtuoso answers; in CI it must (a test that would be skipped fails instead). */
export async function virtuosoUp(): Promise<boolean> {
  let up = false;
  try {
    up = (await fetch(`${VIRTUOSO}/sparql?query=${encodeURIComponent("ASK {}")}`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    up = false;
  }
  if (!up && process.env.CI) throw new Error(`Virtuoso is not answering at ${VIRTUOSO}: .ci/run must install and start it`);
  return up;
}

/** Removes graphs a test pushed (the store is shared with other tests). */
export async function dropGraphs(graphs: Iterable<string>): Promise<void> {
  const client = new DigestClient(USER, PASSWORD);
  for (const g of new Set(graphs)) await client.fetch(`${GSP}?graph=${encodeURIComponent(g)}`, { method: "DELETE" }).catch(() => undefined);
}
