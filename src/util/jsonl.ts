/** Reads a JSON lines file whole; a missing file or a bad line becomes the caller's error, naming file and line. */
import { readFileSync } from "node:fs";

export function readJsonLinesFile<T>(path: string, error: (message: string) => Error, missing = "missing"): T[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw error(`${path}: ${missing}`);
  }
  const out: T[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      throw error(`${path}:${i + 1}: not JSON`);
    }
  });
  return out;
}
