/**
 * Extraction quality on annotated articles: the two seed articles (bundled corpus), the
 * project's own set and a held-out set, all scored with the product's own scorer.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { build } from "../src/build.js";
import { readGold, score } from "../src/eval/score.js";
import { CORPUS, FIXTURES, GOLD } from "./helpers/paths.js";

async function scoreOn(inputs: string[], goldFile: string) {
  const { model } = await build(inputs);
  return score(readGold(join(GOLD, goldFile)), model.events, model.entities);
}

describe("gold sets", () => {
  it("seed articles: every event, initiator, amount, source, entity and role; no furniture", async () => {
    const r = await scoreOn([CORPUS], "seeds.gold.json");
    expect(r.missed).toEqual([]);
    expect(r.spurious).toEqual([]);
    expect(r.events.f1).toBe(1);
    expect(r.initiator).toEqual({ correct: 16, of: 16 });
    expect(r.amount).toEqual({ correct: 1, of: 1 });
    expect(r.sources).toEqual({ complete: 23, of: 23 });
    expect(r.entities).toEqual({ found: 44, of: 44 });
    expect(r.roles).toEqual({ correct: 21, of: 21 });
    expect(r.boilerplateNoise).toEqual([]);
  });

  it("own articles (other leaders and years, both scripts, GBK/Big5, HTML, JSONL) score F1 ≥ 0.95", async () => {
    const r = await scoreOn([join(FIXTURES, "own")], "own.gold.json");
    expect(r.events.f1).toBeGreaterThanOrEqual(0.95);
    expect(r.entities.found / r.entities.of).toBeGreaterThanOrEqual(0.9);
    expect(r.initiator.correct).toBe(r.initiator.of);
    expect(r.amount.correct).toBe(r.amount.of);
    expect(r.boilerplateNoise).toEqual([]);
  });

  it("the second blind set keeps its first score (F1 0.947: one spurious letter to 中国 for 中国国家原子能机构)", async () => {
    const r = await scoreOn([join(FIXTURES, "blind2")], "blind2.gold.json");
    expect(r.events.f1).toBeGreaterThanOrEqual(0.94);
    expect(r.events.matched).toBe(r.events.gold);
    expect(r.boilerplateNoise).toEqual([]);
  });

  it("held-out articles score F1 ≥ 0.95", async () => {
    const r = await scoreOn([join(FIXTURES, "holdout")], "holdout.gold.json");
    expect(r.events.f1).toBeGreaterThanOrEqual(0.95);
    expect(r.boilerplateNoise).toEqual([]);
  });
});
