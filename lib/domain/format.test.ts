import { describe, expect, it } from "vitest";
import { formatYuan } from "./format";

describe("formatYuan", () => {
  it.each([
    [0, "zh", "0元"],
    [9_999, "zh", "9,999元"],
    [10_000, "zh", "1万元"],
    [123_456, "zh", "12.35万元"],
    [99_990_000, "zh", "9,999万元"],
    [100_000_000, "zh", "1亿元"],
    [123_456_789, "zh", "1.23亿元"],
    [50_000_000_000, "zh", "500亿元"],
    [-250_000_000, "zh", "-2.5亿元"],
    [999_999, "en", "CNY 999,999"],
    [1_000_000, "en", "CNY 1 m"],
    [123_456_789, "en", "CNY 123.46 m"],
    [50_000_000_000, "en", "CNY 50 bn"],
    [1_234_567_890, "en", "CNY 1.23 bn"],
  ] as const)("%d 元 in %s is %s", (amount, locale, expected) => {
    expect(formatYuan(amount, locale)).toBe(expected);
  });
});
