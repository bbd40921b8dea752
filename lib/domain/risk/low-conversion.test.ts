import { describe, expect, it } from "vitest";
import { checkLowConversion, type ConversionInput } from "./low-conversion";
import { DEFAULT_THRESHOLDS } from "./thresholds";

const TODAY = "2026-11-27";
const base: ConversionInput = { centreId: "c1", produced: null, converted: null, enterpriseLed: false, period: "2026-Q3" };
const run = (converted: number | null, produced: number | null, enterpriseLed = false) =>
  checkLowConversion({ ...base, converted, produced, enterpriseLed }, TODAY);

describe("low_conversion", () => {
  it.each([
    // [converted, produced, enterpriseLed, severity or null] — Wilson upper bounds from wilson.test.ts.
    [2, 20, false, "amber"], // domain notes: 10.0% < 20%, upper 30.1% ≥ 20%
    [10, 100, false, "red"], // domain notes: 10.0% < 20%, upper 17.4% < 20%
    [6, 180, false, "red"], // 3.3%, upper 7.1%
    [4, 20, false, null], // exactly 20%: not below
    [3, 20, false, "amber"], // 15.0%, upper 37.3%
    [2, 19, false, "info"], // 19 results: insufficient sample
    [0, 19, false, "info"],
    [10, 19, false, null], // 52.6%: fine even on a small sample
    [5, 20, true, "amber"], // 25% < 30% enterprise threshold, upper 46.9%
    [5, 20, false, null], // 25% ≥ 20%
    [6, 20, true, null], // exactly 30%
    [0, 0, false, null], // nothing produced yet
    [null, 50, false, null],
    [5, null, false, null],
    [60, 50, false, null], // impossible figures are not judged
  ] as const)("%s of %s (enterprise %s) → %s", (converted, produced, enterpriseLed, severity) => {
    const flags = run(converted, produced, enterpriseLed);
    expect(flags.map((f) => f.severity)).toEqual(severity === null ? [] : [severity]);
  });

  it("reports the figures it used and says them in both languages", () => {
    const [flag] = run(6, 180);
    expect(flag).toMatchObject({
      code: "low_conversion",
      key: "low_conversion|c1",
      subject: { kind: "centre", ids: ["c1"] },
      values: { converted: 6, produced: 180, rate: 0.0333, threshold: 0.2, wilsonHigh: 0.0708, wilsonLow: 0.0154, period: "2026-Q3" },
    });
    expect(flag!.explanation.zh).toBe("转化率 3.3%（6/180），低于 20% 的阈值，95% 置信上限 7.1% 仍低于阈值。");
    expect(flag!.explanation.en).toContain("3.3% (6/180)");
    expect(flag!.explanation.en).toContain("7.1%");
  });

  it("explains amber, enterprise-led and insufficient-sample findings with their numbers", () => {
    expect(run(2, 20)[0]!.explanation.zh).toContain("10.0%（2/20）");
    expect(run(2, 20)[0]!.explanation.zh).toContain("30.1%");
    const enterprise = run(5, 20, true)[0]!;
    expect(enterprise.values).toMatchObject({ threshold: 0.3, thresholdBasis: "enterprise_led" });
    expect(enterprise.explanation.zh).toContain("30% 的企业牵头中心阈值");
    expect(enterprise.explanation.en).toContain("30% threshold for enterprise-led centres");
    const info = run(2, 19)[0]!;
    expect(info.explanation.zh).toMatch(/^样本不足：仅产出 19 项成果（转化 2 项，转化率 10.5%）/);
    expect(info.explanation.en).toContain("Insufficient sample");
  });

  it("uses an edited threshold table", () => {
    const thresholds = { ...DEFAULT_THRESHOLDS, conversion: { ...DEFAULT_THRESHOLDS.conversion, rate: 0.1, minSample: 10 } };
    expect(checkLowConversion({ ...base, converted: 2, produced: 20 }, TODAY, thresholds)).toEqual([]); // 10% is not below 10%
    expect(checkLowConversion({ ...base, converted: 1, produced: 15 }, TODAY, thresholds)[0]!.severity).toBe("amber");
  });
});
