/** Dates in news copy, resolved against the document's anchor. */
import { describe, expect, it } from "vitest";
import { DateResolver, scanTimeExpressions } from "../src/extract/dates.js";

function resolveAll(text: string, anchor?: string): (string | null)[] {
  const r = new DateResolver(anchor);
  return scanTimeExpressions(text).map((t) => r.resolve(t));
}

describe("dates", () => {
  it.each([
    ["2020年3月12日", undefined, ["2020-03-12"]],
    ["2020-01-22", undefined, ["2020-01-22"]],
    ["3月12日晚", "2020-03-13", ["2020-03-12"]],
    ["22日", "2020-01-23", ["2020-01-22"]],
    ["28日", "2020-03-03", ["2020-02-28"]], // a day well after the reference is last month's
    ["12月30日", "2021-01-02", ["2020-12-30"]], // across the new year
    ["三月十二日", "2020-03-13", ["2020-03-12"]],
    ["昨天", "2020-03-01", ["2020-02-29"]],
    ["22日", undefined, [null]], // no anchor: not guessed
    ["2月30日", "2020-03-01", [null]],
  ])("%s (anchor %s)", (text, anchor, expected) => {
    expect(resolveAll(text, anchor)).toEqual(expected);
  });

  it("a range's second date is marked; 同日 and 当天 follow the last date; 同日本 is not a date", () => {
    const ts = scanTimeExpressions("2018年5月7日至8日");
    expect(ts.map((t) => t.rangeEnd === true)).toEqual([false, true]);
    expect(resolveAll("2019年10月1日。同日，", undefined)).toEqual(["2019-10-01", "2019-10-01"]);
    expect(scanTimeExpressions("同日本首相通电话")).toEqual([]);
  });
});
