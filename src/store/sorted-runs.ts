/**
 * An external sort for records that do not fit in memory: (key, value) lines are gathered up
 * to a budget, sorted in memory and written to a run file; reading merges the runs from disk
 * (a k-way merge on a small heap), so memory holds one line per run.
 *
 * Chosen over SQLite (better-sqlite3) or LMDB for the corpus merge because the merge only ever
 * needs "every record, in key order" once per stage — exactly what sorted runs give, with
 * sequential I/O and no native module to install (npm here runs no install scripts) — and
 * because keys compare as JavaScript strings, the order the in-memory code sorted by, so the
 * output stays byte-identical (SQLite and LMDB compare UTF-8 bytes, which differ for
 * characters beyond U+FFFF). Ties keep insertion order: runs are sorted stably and merged
 * earlier run first.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export interface SortedRunsOptions {
  /** Characters of keys and values held before a run is written (default 8 M: several sorts fill at once). */
  budget?: number;
}

export class SortedRuns {
  private items: [string, string][] = [];
  private held = 0;
  private readonly runs: string[] = [];
  private count = 0;
  private readonly budget: number;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    opts: SortedRunsOptions = {},
  ) {
    this.budget = opts.budget ?? 8 << 20;
  }

  /** Records added so far. */
  get size(): number {
    return this.count;
  }

  /** Adds a record; `value` must hold no line break (JSON text does not). */
  add(key: string, value: string): void {
    this.items.push([key, value]);
    this.held += key.length + value.length + 16;
    this.count++;
    if (this.held >= this.budget) this.spill();
  }

  // Synchronous file I/O throughout: the merge has nothing else to do meanwhile, and a
  // generator that need not await is many times cheaper per record.
  private spill(): void {
    if (!this.items.length) return;
    const items = this.items.sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
    this.items = [];
    this.held = 0;
    const path = join(this.dir, `${this.name}.${this.runs.length}.run`);
    this.runs.push(path);
    const fd = openSync(path, "w");
    try {
      let chunk: string[] = [];
      let size = 0;
      for (const [k, v] of items) {
        // The key as JSON (it may hold any character), a tab, the value.
        chunk.push(JSON.stringify(k), "\t", v, "\n");
        size += k.length + v.length;
        if (size >= 1 << 20) {
          writeSync(fd, chunk.join(""));
          chunk = [];
          size = 0;
        }
      }
      if (chunk.length) writeSync(fd, chunk.join(""));
    } finally {
      closeSync(fd);
    }
  }

  /** Every record in key order (then insertion order). Call after the last add; the run files stay until remove() (or their folder goes). */
  *sorted(): Generator<[string, string]> {
    if (!this.runs.length) {
      // Small enough to have stayed in memory.
      yield* this.items.sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
      return;
    }
    this.spill();
    const heads = this.runs.map((path) => runRecords(path));
    const heap = new MinHeap();
    for (let i = 0; i < heads.length; i++) {
      const r = (heads[i] as Generator<[string, string]>).next();
      if (!r.done) heap.push(r.value, i);
    }
    while (heap.length) {
      const [record, i] = heap.pop();
      yield record;
      const r = (heads[i] as Generator<[string, string]>).next();
      if (!r.done) heap.push(r.value, i);
    }
  }

  /** What another thread needs to read these records (SortedRuns.resume). Call after the last add. */
  handOver(): { dir: string; name: string; budget: number; runs: string[]; items: [string, string][]; count: number } {
    return { dir: this.dir, name: this.name, budget: this.budget, runs: [...this.runs], items: this.items, count: this.count };
  }

  static resume(h: ReturnType<SortedRuns["handOver"]>): SortedRuns {
    const r = new SortedRuns(h.dir, h.name, { budget: h.budget });
    r.runs.push(...h.runs);
    r.items = [...h.items];
    r.count = h.count;
    return r;
  }

  /** Deletes the run files. */
  remove(): void {
    for (const p of this.runs.splice(0)) rmSync(p, { force: true });
  }
}

function* runRecords(path: string): Generator<[string, string]> {
  for (const line of fileLines(path)) {
    // The key's JSON holds no raw tab, so the first tab ends it.
    const tab = line.indexOf("\t");
    yield [JSON.parse(line.slice(0, tab)) as string, line.slice(tab + 1)];
  }
}

/** The lines of a UTF-8 text file, read in large chunks. */
export function* fileLines(path: string): Generator<string> {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    const decoder = new TextDecoder("utf-8");
    let rest = "";
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      const text = rest + decoder.decode(buffer.subarray(0, n), { stream: true });
      let start = 0;
      for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
        yield text.slice(start, nl);
        start = nl + 1;
      }
      rest = text.slice(start);
    }
    rest += decoder.decode();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** A binary min-heap of records by key, ties by run number (so earlier runs come first). */
class MinHeap {
  private readonly keys: string[] = [];
  private readonly items: [[string, string], number][] = [];

  get length(): number {
    return this.items.length;
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a] as string;
    const kb = this.keys[b] as string;
    return ka < kb || (ka === kb && (this.items[a] as [unknown, number])[1] < (this.items[b] as [unknown, number])[1]);
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b] as string, this.keys[a] as string];
    [this.items[a], this.items[b]] = [this.items[b] as [[string, string], number], this.items[a] as [[string, string], number]];
  }

  push(record: [string, string], run: number): void {
    this.keys.push(record[0]);
    this.items.push([record, run]);
    for (let i = this.items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): [[string, string], number] {
    const top = this.items[0] as [[string, string], number];
    const last = this.items.length - 1;
    this.swap(0, last);
    this.keys.pop();
    this.items.pop();
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.items.length && this.less(l, m)) m = l;
      if (r < this.items.length && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }
}
