/**
 * Atomic file output: content goes to a temporary file in the same folder, then is renamed
 * over the target, so a reader (or a build killed half-way) never sees half a file.
 */
import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import { dirname, join, basename } from "node:path";

/** Writes chunks to `path` atomically. */
export async function writeFileAtomic(path: string, chunks: Iterable<string> | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fh = await open(tmp, "w");
  try {
    if (typeof chunks === "string") await fh.writeFile(chunks, "utf8");
    else {
      let buffer = "";
      for (const c of chunks) {
        buffer += c;
        if (buffer.length > 1 << 20) {
          await fh.write(buffer);
          buffer = "";
        }
      }
      if (buffer) await fh.write(buffer);
    }
    await fh.sync();
    await fh.close();
    await rename(tmp, path);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Removes temporary files a killed writer left behind in `dir` (they are never read). */
export async function removeStaleTemporaries(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => /^\..+\.\d+\.\d+\.tmp$/.test(n)).map((n) => rm(join(dir, n), { force: true })));
}
