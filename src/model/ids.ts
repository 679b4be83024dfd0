/**
 * Stable, readable, ASCII identifiers: the same entity gets the same id in every build of
 * every corpus. Gazetteer entities use their English slug; persons and organizations found
 * by structure use the pinyin of their simplified name (pinyin-pro).
 */
import { pinyin } from "pinyin-pro";
import { createHash } from "node:crypto";

/** ASCII slug of any text: pinyin for Han characters, lower case, hyphens. */
export function slugify(text: string): string {
  const parts: string[] = [];
  for (const piece of text.normalize("NFKC").split(/([\u3400-\u9fff\uf900-\ufaff]+)/u)) {
    if (!piece) continue;
    if (/[\u3400-\u9fff\uf900-\ufaff]/u.test(piece)) {
      parts.push(...(pinyin(piece, { toneType: "none", type: "array", v: true }) as string[]));
    } else {
      parts.push(piece.normalize("NFKD").replace(/[\u0300-\u036f]/g, ""));
    }
  }
  const slug = parts
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || `x${shortHash(text)}`;
}

/** A short, stable hash (hex) of a string. */
export function shortHash(text: string, length = 8): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}
