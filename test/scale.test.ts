/** Large builds: worker threads and --append give exactly the output of a plain full build. */
import { describe, expect, it } from "vitest";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, BuildError } from "../src/build.js";
import { CORPUS, FIXTURES, tempDir } from "./helpers/paths.js";

function sameFiles(a: string, b: string): void {
  const names = readdirSync(a).sort();
  expect(readdirSync(b).sort()).toEqual(names);
  for (const n of names) expect(readFileSync(join(a, n)).equals(readFileSync(join(b, n))), n).toBe(true);
}

describe("worker threads", () => {
  it("the number of workers does not change a byte of the output", async () => {
    const inputs = [CORPUS, join(FIXTURES, "own"), join(FIXTURES, "holdout")];
    const one = tempDir();
    const two = tempDir();
    await build(inputs, { out: one, workers: 1 });
    const r = await build(inputs, { out: two, workers: 2 });
    expect(r.model.events.length).toBeGreaterThan(50);
    sameFiles(one, two);
  }, 60_000);
});

describe("--append", () => {
  it("adding documents to a build equals building everything at once", async () => {
    const all = tempDir();
    await build([CORPUS, join(FIXTURES, "own")], { out: all });
    const appended = tempDir();
    await build([CORPUS], { out: appended });
    const r = await build([join(FIXTURES, "own")], { out: appended, append: true, workers: 2 });
    expect(r.extracted).toBe(19);
    sameFiles(all, appended);
  }, 60_000);

  it("a document appended again under the same id replaces the old one", async () => {
    const dir = tempDir();
    const src = tempDir();
    writeFileSync(join(src, "a.txt"), "新华社北京2019年5月8日电 国家主席习近平8日应约同南非总统拉马福萨通电话。");
    await build([src], { out: dir });
    writeFileSync(join(src, "a.txt"), "新华社北京2019年5月9日电 国家主席习近平9日会见南非总统拉马福萨。");
    const r = await build([join(src, "a.txt")], { out: dir, append: true });
    expect(r.model.events.map((e) => `${e.relation} ${e.date}`)).toEqual(["met 2019-05-09"]);
    expect(r.model.documents).toHaveLength(1);
  });

  it("refuses to append with other options, or to a folder that is not a build", async () => {
    const dir = tempDir();
    await build([CORPUS], { out: dir });
    await expect(build([join(FIXTURES, "own")], { out: dir, append: true, home: "US" })).rejects.toThrow(/built with home "CN", not "US"/);
    const empty = tempDir();
    await expect(build([CORPUS], { out: empty, append: true })).rejects.toThrow(BuildError);
    await expect(build([CORPUS], { out: empty, append: true })).rejects.toThrow(/not a build folder to append to/);
    const copy = tempDir();
    cpSync(dir, copy, { recursive: true });
    writeFileSync(join(copy, "extractions.jsonl"), "{broken\n");
    await expect(build([CORPUS], { out: copy, append: true })).rejects.toThrow(/extractions\.jsonl:1: not a valid extraction line/);
  });
});
