/** Reading input as it comes from the web: encodings, file kinds, JSON lines, bad files. */
import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { decodeBytes, DecodeError } from "../src/ingest/decode.js";
import { readInputs, type InputItem } from "../src/ingest/read.js";
import { htmlToText } from "../src/ingest/html.js";
import { tempDir } from "./helpers/paths.js";

const TEXT = "新华社北京2020年3月12日电 国家主席习近平12日晚应约同联合国秘书长古特雷斯通电话。";
const TRAD = "新華社北京2020年3月12日電 國家主席習近平12日晚應約同聯合國秘書長古特雷斯通電話。";

async function collect(inputs: string[]): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(inputs)) out.push(item);
  return out;
}

describe("decoding", () => {
  it.each([
    ["UTF-8", Buffer.from(TEXT, "utf8"), TEXT],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")]), TEXT],
    ["UTF-16LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")]), TEXT],
    ["GBK", iconv.encode(TEXT, "gbk"), TEXT],
    ["GB18030", iconv.encode(TEXT, "gb18030"), TEXT],
    ["Big5", iconv.encode(TRAD, "big5"), TRAD],
  ])("%s", (_name, bytes, expected) => {
    expect(decodeBytes(bytes).text).toBe(expected);
  });

  it("refuses empty and binary content with a reason", () => {
    expect(() => decodeBytes(Buffer.alloc(0))).toThrow(new DecodeError("empty file"));
    expect(() => decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toThrow(/binary content/);
  });
});

describe("inputs", () => {
  it("reads folders recursively in a stable order, with ids relative to the folder", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "b"));
    writeFileSync(join(dir, "b", "2.txt"), TEXT);
    writeFileSync(join(dir, "a.html"), `<html><body><p>${TEXT}</p></body></html>`);
    writeFileSync(join(dir, ".hidden.txt"), TEXT);
    const items = await collect([dir]);
    expect(items.map((i) => (i.kind === "document" ? `${i.doc.id}:${i.doc.format}` : i.skipped.reason))).toEqual(["a.html:html", "b/2.txt:text"]);
  });

  it("reads JSON lines with their dates; bad lines are skipped with file, line and reason", async () => {
    const dir = tempDir();
    const file = join(dir, "batch.jsonl");
    writeFileSync(
      file,
      [
        JSON.stringify({ id: "a", text: TEXT, date: "2020-03-13T10:44:00+08:00", url: "https://example.org/a", title: "A" }),
        "{oops",
        JSON.stringify({ id: "b" }),
        JSON.stringify({ id: "a", text: TEXT }),
        "",
      ].join("\n"),
    );
    const items = await collect([file]);
    const docs = items.flatMap((i) => (i.kind === "document" ? [i.doc] : []));
    const skipped = items.flatMap((i) => (i.kind === "skipped" ? [i.skipped] : []));
    expect(docs.map((d) => [d.id, d.date ?? null, d.url ?? null])).toEqual([
      ["a", "2020-03-13", "https://example.org/a"],
      ["batch.jsonl#4", null, null], // a repeated id is made unique
    ]);
    expect(skipped).toEqual([
      { path: `${file}:2`, reason: "not valid JSON" },
      { path: `${file}:3`, reason: 'no "text" string' },
    ]);
  });

  it("names missing paths, unsupported and undecodable files; the others are still read", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "ok.txt"), TEXT);
    writeFileSync(join(dir, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    writeFileSync(join(dir, "blank.txt"), "  \n\t\n");
    writeFileSync(join(dir, "data.csv"), "a,b\n1,2\n");
    const items = await collect([dir, join(dir, "missing.txt")]);
    expect(items.map((i) => (i.kind === "document" ? `doc ${i.doc.id}` : `skip ${i.skipped.path.replace(dir, "DIR")}: ${i.skipped.reason}`))).toEqual([
      "skip DIR/blank.txt: no text (only white space)",
      'skip DIR/data.csv: unsupported file type ".csv" (expected .txt, .html or .jsonl)',
      "skip DIR/image.png: binary content (not text)",
      "doc ok.txt",
      "skip DIR/missing.txt: no such file or folder",
    ]);
  });
});

describe("HTML", () => {
  it("drops scripts, styles, navigation and link lists, keeps offsets into the original", () => {
    const html = `<html><head><title>标题</title><script>var a="<p>x</p>";</script><style>p{}</style></head><body>
<nav>首页 国际</nav><div class="share-box">分享到微博</div>
<p>第一段&amp;文字。</p><ul><li><a href="/1">链接一</a></li><li>列表里的正文，不是链接。</li></ul></body></html>`;
    const { text, title } = htmlToText(html, ["share"]);
    expect(title).toBe("标题");
    expect(text.text.split("\n").filter(Boolean)).toEqual(["第一段&文字。", "列表里的正文，不是链接。"]);
    const at = text.text.indexOf("列表");
    expect(html.slice(text.offsets[at], (text.offsets[at] as number) + 2)).toBe("列表");
  });
});

describe("a build's own output folder", () => {
  it("is not read back as documents, inside a corpus or given as an input", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.txt"), "2024年1月2日，王毅会见法国外长塞茹尔内。");
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out", "build.json"), "{}\n");
    writeFileSync(join(dir, "out", "events.jsonl"), "{}\n");
    const items: InputItem[] = [];
    for await (const item of readInputs([dir, join(dir, "out")])) items.push(item);
    expect(items.filter((i) => i.kind === "document").map((i) => (i.kind === "document" ? i.doc.id : ""))).toEqual(["a.txt"]);
    expect(items.filter((i) => i.kind === "skipped").map((i) => (i.kind === "skipped" ? i.skipped.reason : ""))).toEqual(["a Diplograph build (its outputs), not documents"]);
  });
});
