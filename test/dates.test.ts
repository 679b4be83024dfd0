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

describe("date precision", () => {
  it("a month or a year alone gives a date of that precision", async () => {
    const { extractText, summaries } = await import("./helpers/extract.js");
    const m = extractText("2025/9/20 08:00\n两国元首于6月初曾通电话。2014年，习近平访问新西兰时会见了新西兰总理约翰·基。去年11月，王毅同美国国务卿布林肯会晤。");
    // 两国元首 is nobody named: no event for the call.
    expect(summaries(m)).toEqual(["met 习近平—约翰·基 2014", "met 王毅—布林肯 2024-11"]);
  });

  it("a month-precision report joins the one report of that contact dated within the month", async () => {
    const { extractText, summaries } = await import("./helpers/extract.js");
    const m = extractText("2019年6月5日，国家主席习近平在莫斯科同俄罗斯总统普京举行会谈。6月，习近平同普京会谈时强调了合作。");
    expect(summaries(m)).toEqual(["met 习近平—普京 2019-06-05"]);
  });

  it("passing mentions of one pair in different months are one past contact dated by what they share", async () => {
    const { extractText, summaries } = await import("./helpers/extract.js");
    const m = extractText("回顾：2013年6月，国家主席习近平同美国总统奥巴马会晤。2013年9月，习近平与奥巴马举行会谈。");
    expect(summaries(m)).toEqual(["met 习近平—奥巴马 2013"]);
  });
});

describe("dates after a full date of the text", () => {
  it("a list goes on in the year of the full date before it, forward or a few weeks back", () => {
    expect(resolveAll("2018年3月23日会见A，10月23日会见B", "2019-01-06")).toEqual(["2018-03-23", "2018-10-23"]);
    expect(resolveAll("2020年2月27日会见A，1月28日会见B", "2020-03-01")).toEqual(["2020-02-27", "2020-01-28"]);
    expect(resolveAll("2018年12月20日会见A，1月5日会见B", "2019-02-01")).toEqual(["2018-12-20", "2019-01-05"]);
  });
});

describe("Taiwan's dates", () => {
  it("Republic of China years (114年01月13日) and 今(13)日 give the day", async () => {
    const { extractText, summaries } = await import("./helpers/extract.js");
    expect(summaries(extractText("114年01月13日\n賴清德總統今(13)日上午接見美國聯邦參議員羅伯茨。"))).toEqual(["met 赖清德—罗伯茨 2025-01-13"]);
    expect(summaries(extractText("中華民國107年10月12日，副總統陳建仁會見義大利總理孔特。"))).toEqual(["met 陈建仁—孔特 2018-10-12"]);
  });
});
