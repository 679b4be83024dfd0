/**
 * Atomic file output: content goes to a temporary file in the same folder, then is renamed
 * over the target, so a reader (or a build killed half-way) never sees half a file.
 */
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { dirname, join, basename } from "node:path";

/** A file being written under a temporary name; `commit` renames it into place. Writes are buffered. */
export class AtomicFile {
  private buffer: string[] = [];
  private buffered = 0;

  private constructor(
    readonly path: string,
    private readonly tmp: string,
    private fd: number | undefined,
  ) {}

  static async open(path: string): Promise<AtomicFile> {
    await mkdir(dirname(path), { recursive: true });
    const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
    return new AtomicFile(path, tmp, openSync(tmp, "w"));
  }

  /**
   * Adds text (or pieces of text); it reaches the disk once a megabyte or so has gathered.
   * Synchronous: the streaming stages call it for every record, and have nothing to do meanwhile.
   */
  write(text: string | string[]): void {
    if (typeof text === "string") {
      this.buffer.push(text);
      this.buffered += text.length;
    } else
      for (const t of text) {
        this.buffer.push(t);
        this.buffered += t.length;
      }
    if (this.buffered >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (!this.buffer.length || this.fd === undefined) return;
    const text = this.buffer.join("");
    this.buffer = [];
    this.buffered = 0;
    writeSync(this.fd, text);
  }

  /** Writes everything and closes the file without renaming it: another thread commits it (AtomicFile.adopt). */
  handOver(): { path: string; tmp: string } {
    this.flush();
    if (this.fd !== undefined) {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
    }
    return { path: this.path, tmp: this.tmp };
  }

  /** A file written (and closed) by another thread, to commit or abort here. */
  static adopt(h: { path: string; tmp: string }): AtomicFile {
    return new AtomicFile(h.path, h.tmp, undefined);
  }

  /** Writes out what is buffered and gives the temporary file's path, to read what was written so far. */
  contentPath(): string {
    this.flush();
    return this.tmp;
  }

  async commit(): Promise<void> {
    this.flush();
    if (this.fd !== undefined) {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
    }
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = undefined;
    }
    await rm(this.tmp, { force: true });
  }
}

/** Writes chunks to `path` atomically. */
export async function writeFileAtomic(path: string, chunks: Iterable<string> | AsyncIterable<string> | string): Promise<void> {
  const file = await AtomicFile.open(path);
  try {
    if (typeof chunks === "string") file.write(chunks);
    else for await (const c of chunks) file.write(c);
    await file.commit();
  } catch (e) {
    await file.abort();
    throw e;
  }
}

/** Writes several files together (one pass over shared data); all are committed, or none. */
export async function writeFilesAtomic(paths: string[], fill: (files: AtomicFile[]) => Promise<void>): Promise<void> {
  const files: AtomicFile[] = [];
  try {
    for (const p of paths) files.push(await AtomicFile.open(p));
    await fill(files);
    for (const f of files) await f.commit();
  } catch (e) {
    for (const f of files) await f.abort();
    throw e;
  }
}

/** A folder for a build's working files (sorted runs), named like a temporary file so that a killed build's is removed too. */
export async function makeWorkFolder(dir: string): Promise<string> {
  const path = join(dir, `.work.${process.pid}.${Date.now()}.tmp`);
  await mkdir(path, { recursive: true });
  return path;
}

/** Removes temporary files (and work folders) a killed writer left behind in `dir` (they are never read), but `keep`. */
export async function removeStaleTemporaries(dir: string, keep?: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => /^\..+\.\d+\.\d+\.tmp$/.test(n) && join(dir, n) !== keep).map((n) => rm(join(dir, n), { force: true, recursive: true })));
}
