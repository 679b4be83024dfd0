/** Amounts of money, normalised to a value and an ISO 4217 currency. */
import { describe, expect, it } from "vitest";
import { scanAmounts } from "../src/extract/amounts.js";
import { loadLexiconData } from "../src/lexicon/data.js";

const currencies = loadLexiconData().currencies;
const amounts = (text: string) => scanAmounts(text, currencies).map((a) => `${a.value} ${a.currency}`);

describe("amounts", () => {
  it.each([
    ["捐款2000万美元", ["20000000 USD"]],
    ["提供2亿元人民币紧急援助", ["200000000 CNY"]],
    ["1.5亿欧元", ["150000000 EUR"]],
    ["500万美元和300万欧元", ["5000000 USD", "3000000 EUR"]],
    ["追加捐款3000万美元", ["30000000 USD"]],
    ["50 万美元", ["500000 USD"]],
    ["2000万人", []],
  ])("%s", (text, expected) => {
    expect(amounts(text)).toEqual(expected);
  });
});
