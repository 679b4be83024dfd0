/**
 * Atomic file output: content goes to a temporary file in the same folder, then is renamed
 * over the target, so a reader (or a build killed half-way) never sees half a file.
 */
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { dirname, join, basename } from "node:path";

/**
 * Text written to an open file through a buffer. Text is encoded into the buffer as it comes
 * (Buffer#write, which reads a string made by concatenation without flattening it first:
 * cheaper than joining the pieces, then encoding the joined string), and written out when full.
 * Synchronous: the streaming stages call it for every record, and have nothing to do meanwhile.
 */
export class BufferedWriter {
  private buffer: Buffer | undefined;
  private used = 0;

  constructor(readonly fd: number) {}

  /** Adds text (or pieces of text); it reaches the disk once two megabytes or so have gathered. */
  write(text: string | string[]): void {
    if (typeof text === "string") this.add(text);
    else for (const t of text) this.add(t);
  }

  private add(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const room = text.length * 3;
    this.buffer ??= Buffer.allocUnsafe(BUFFER_BYTES);
    if (this.used + room > this.buffer.length) {
      this.flush();
      if (room > this.buffer.length) {
        writeSync(this.fd, text);
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, "utf8");
  }

  /** Writes out what is buffered. */
  flush(): void {
    if (!this.used || !this.buffer) return;
    writeAll(this.fd, this.buffer, this.used);
    this.used = 0;
  }

  /** Writes out what is buffered and lets the buffer go. */
  release(): void {
    this.flush();
    this.buffer = undefined;
  }
}

/** A file being written under a temporary name; `commit` renames it into place. Writes are buffered. */
export class AtomicFile {
  private out: BufferedWriter | undefined;

  private constructor(
    readonly path: string,
    private readonly tmp: string,
    private fd: number | undefined,
  ) {
    if (fd !== undefined) this.out = new BufferedWriter(fd);
  }

  static async open(path: string): Promise<AtomicFile> {
    await mkdir(dirname(path), { recursive: true });
    const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
    return new AtomicFile(path, tmp, openSync(tmp, "w"));
  }

  /**
   * Adds text (or pieces of text); it reaches the disk once two megabytes or so have gathered.
   * Synchronous: the streaming stages call it for every record, and have nothing to do meanwhile.
   */
  write(text: string | string[]): void {
    this.out?.write(text);
  }

  private flush(): void {
    this.out?.flush();
  }

  /**
   * Writes out what is buffered and gives the open file, for another thread of this process to
   * write the next part of it (file descriptors are the process's): nothing must be written
   * here until that thread is done.
   */
  lend(): number {
    this.flush();
    if (this.fd === undefined) throw new Error(`diplograph: internal error: ${this.path} is closed`);
    return this.fd;
  }

  /** Writes everything and closes the file without renaming it: another thread commits it (AtomicFile.adopt). */
  handOver(): { path: string; tmp: string } {
    this.close();
    return { path: this.path, tmp: this.tmp };
  }

  /** Writes out what is buffered, syncs and closes the temporary file. */
  private close(): void {
    this.flush();
    if (this.fd !== undefined) {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
    }
    this.out = undefined;
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
    this.close();
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
    this.out = undefined;
    await rm(this.tmp, { force: true });
  }
}

const BUFFER_BYTES = 2 << 20;

/** writeSync of a buffer's first `length` bytes, all of them (it may write fewer at once). */
function writeAll(fd: number, buffer: Buffer, length: number): void {
  for (let done = 0; done < length; ) done += writeSync(fd, buffer, done, length - done);
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
