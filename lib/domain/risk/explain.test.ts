import { describe, expect, it } from "vitest";
import { pct, pctLimit, percentFigure, plain, tagList, yuanEn, yuanZh } from "./explain";

describe("explanation figures", () => {
  it.each([
    [0.0333, "3.3%", "3.3%"],
    [0.2, "20.0%", "20%"],
    [0.075, "7.5%", "7.5%"],
    [0.70804, "70.8%", "70.8%"],
    [0, "0.0%", "0%"],
  ])("share %f → measured %s, threshold %s", (share, measured, limit) => {
    expect(pct(share)).toBe(measured);
    expect(pctLimit(share)).toBe(limit);
  });

  it.each([
    [100_000_000, "1亿元", "CNY 100 m"],
    [1_234_567_890, "12.35亿元", "CNY 1.23 bn"],
    [50_000_000, "5,000万元", "CNY 50 m"],
    [9_999, "9,999元", "CNY 9,999"],
  ])("%i 元 → %s / %s, as the pages show amounts", (amount, zh, en) => {
    expect(yuanZh(amount)).toBe(zh);
    expect(yuanEn(amount)).toBe(en);
  });

  it("formats plain numbers, 0–100 figures and tag lists", () => {
    expect(plain(2 / 3)).toBe("0.67");
    expect(plain(0.5)).toBe("0.5");
    expect(percentFigure(28)).toBe("28.0%");
    expect(tagList(["large_models", "ai_chips"], "zh")).toBe("大模型、智能芯片");
    expect(tagList(["large_models", "ai_chips"], "en")).toBe("large models, AI chips");
  });
});
