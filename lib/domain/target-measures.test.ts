import { describe, expect, it } from "vitest";
import { MEASURE_SPECS, TARGET_MEASURES, measureMismatch, measureUnitFactor, type TargetMeasure } from "./target-measures";
import type { TargetKind } from "./vocabulary";

const MONEY: TargetMeasure[] = ["investment_executed", "tech_contract_value"];
const COUNTS: TargetMeasure[] = ["centres_operational", "firms_incubated", "patents_granted", "results_converted", "talent_introduced"];
const RATES: TargetMeasure[] = ["compute_utilization", "conversion_rate"];

describe("measureUnitFactor", () => {
  // Reported money is in 元: 1 万元 = 10⁴ 元 → 1e-4 per 元; 1 亿元 = 10⁸ 元 → 1e-8 per 元.
  describe.each(MONEY)("money measure %s", (measure) => {
    it.each([
      ["元", 1],
      ["万元", 1e-4],
      ["亿元", 1e-8],
      [" 亿元 ", 1e-8], // trimmed
      ["\t万元\n", 1e-4],
      ["亿", null], // a bare 亿 is not a unit of money here
      ["美元", null],
      ["PFLOPS", null],
      ["%", null],
      ["个", null],
      ["", null],
    ] as const)("%j → %s", (unit, factor) => {
      expect(measureUnitFactor(measure, unit)).toBe(factor);
    });
  });

  // Reported compute is in PFLOPS: 1 PFLOPS = 1000 TFLOPS = 0.001 EFLOPS.
  it.each([
    ["TFLOPS", 1000],
    ["PFLOPS", 1],
    ["EFLOPS", 1e-3],
    ["pflops", 1], // case-insensitive
    ["EFlops", 1e-3],
    ["tflops", 1000],
    [" PFLOPS ", 1],
    ["FLOPS", null],
    ["P", null],
    ["亿元", null],
    ["%", null],
    ["个", null],
  ] as const)("compute_pflops in %j → %s", (unit, factor) => {
    expect(measureUnitFactor("compute_pflops", unit)).toBe(factor);
  });

  describe.each(RATES)("rate measure %s", (measure) => {
    it.each([
      ["%", 1],
      [" % ", 1],
      ["percent", null],
      ["个", null],
      ["亿元", null],
      ["PFLOPS", null],
    ] as const)("%j → %s", (unit, factor) => {
      expect(measureUnitFactor(measure, unit)).toBe(factor);
    });
  });

  // A count takes any unit that is not money, compute or a percentage (个, 家, 项, 人 …).
  describe.each(COUNTS)("count measure %s", (measure) => {
    it.each([
      ["个", 1],
      ["家", 1],
      ["项", 1],
      ["人", 1],
      ["万人", 1],
      ["元", null],
      ["万元", null],
      ["亿元", null],
      [" 亿元", null],
      ["TFLOPS", null],
      ["PFLOPS", null],
      ["eflops", null], // refused case-insensitively too
      ["%", null],
    ] as const)("%j → %s", (unit, factor) => {
      expect(measureUnitFactor(measure, unit)).toBe(factor);
    });
  });

  it("covers every measure with one of the four unit classes", () => {
    expect(Object.keys(MEASURE_SPECS).sort()).toEqual([...TARGET_MEASURES].sort());
    expect([...MONEY, "compute_pflops", ...RATES, ...COUNTS].sort()).toEqual([...TARGET_MEASURES].sort());
  });

  // A unit naming an Object.prototype member must not be "found" in the unit tables.
  it("refuses a unit that is an Object.prototype member name", () => {
    expect(measureUnitFactor("investment_executed", "toString")).toBeNull();
  });
});

describe("measureMismatch", () => {
  it.each([
    // [measure, target kind, unit, expected]
    ["centres_operational", "count", "个", null],
    ["centres_operational", "sum", "个", "measureKind"],
    ["centres_operational", "count", "亿元", "measureUnit"],
    ["investment_executed", "sum", "亿元", null],
    ["investment_executed", "sum", "个", "measureUnit"],
    ["investment_executed", "count", "亿元", "measureKind"],
    ["investment_executed", "rate", "%", "measureKind"], // the kind is judged before the unit
    ["tech_contract_value", "sum", "万元", null],
    ["compute_pflops", "sum", "eflops", null],
    ["compute_pflops", "sum", "亿元", "measureUnit"],
    ["firms_incubated", "sum", "家", null],
    ["firms_incubated", "sum", "%", "measureUnit"],
    ["compute_utilization", "rate", "%", null],
    ["compute_utilization", "rate", "PFLOPS", "measureUnit"],
    ["compute_utilization", "sum", "%", "measureKind"],
    ["conversion_rate", "rate", "%", null],
    ["conversion_rate", "count", "个", "measureKind"],
  ] as const)("%s for a %s target in %j → %s", (measure, kind, unit, expected) => {
    expect(measureMismatch(measure, kind, unit)).toBe(expected);
  });

  it.each(TARGET_MEASURES.map((m) => [m] as const))("%s accepts its own kind in a unit of its class", (measure) => {
    const canonical: Record<string, string> = { money: "亿元", compute: "PFLOPS", percent: "%", count: "个" };
    const unitClass = MONEY.includes(measure) ? "money" : measure === "compute_pflops" ? "compute" : RATES.includes(measure) ? "percent" : "count";
    const kind: TargetKind = MEASURE_SPECS[measure].kind;
    expect(measureMismatch(measure, kind, canonical[unitClass]!)).toBeNull();
  });
});
