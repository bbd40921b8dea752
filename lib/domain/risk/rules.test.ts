import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS, RISK_CODES, evaluateAll, type CentreRiskRecord, type RiskDataSet } from "./rules";

const TODAY = "2026-11-27";
const YI = 100_000_000;
const centre = (id: string, over: Partial<CentreRiskRecord>): CentreRiskRecord => ({
  id,
  provinceCode: "330000",
  cityCode: "330100",
  leadInstitution: `${id} 研究院`,
  status: "operational",
  focusTags: ["large_models"],
  plannedBudgetYuan: 2 * YI,
  startDate: "2026-01-01",
  plannedCompletionDate: "2027-12-31",
  enterpriseLed: false,
  latestApproved: null,
  milestones: [],
  approvedPeriods: [],
  expectedPeriods: [],
  ...over,
});

// Zhejiang reports monthly (due 10 days after the month, 5 days' grace); Guangdong is not listed
// and so uses the default quarterly calendar.
const data: RiskDataSet = {
  reportingStart: "2026-07-01",
  provinces: [{ code: "330000", calendar: { cadence: "monthly", dueDays: 10, graceDays: 5 } }],
  centres: [
    // a: 2025-01-01 → 2026-12-31 is 729 days, 695 elapsed (0.953): 1 亿 of 5 亿 (20%) is red.
    // 10/100 converted: red. Milestone 26 days late: amber. Every month since July approved.
    centre("a", {
      leadInstitution: "浙智研究院（示例）",
      focusTags: ["large_models", "ai_chips"],
      plannedBudgetYuan: 5 * YI,
      startDate: "2025-01-01",
      plannedCompletionDate: "2026-12-31",
      latestApproved: { period: "2026-10", investmentExecutedYuan: YI, resultsProduced: 100, resultsConverted: 10 },
      milestones: [{ id: "m1", title: "大模型发布", plannedDate: "2026-11-01", progress: 50 }],
      approvedPeriods: ["2026-07", "2026-08", "2026-09", "2026-10"],
      expectedPeriods: undefined,
    }),
    // b: same city, focus and lead as a → red pair. Nothing approved since it started in June:
    // July–October are all past due + grace (October's: 11-15) → 4 missed, red.
    centre("b", {
      leadInstitution: "浙智研究院(示例)",
      focusTags: ["ai_chips", "large_models"],
      plannedBudgetYuan: 3 * YI,
      startDate: "2026-06-01",
      plannedCompletionDate: "2028-06-01",
      expectedPeriods: undefined,
    }),
    // c: idle compute in Guangzhou (20%, 25%) while d is under construction → red pair; their
    // identical focus also makes a same-city amber pair. 0/10 converted: insufficient sample.
    // 330/729 elapsed (0.453), floor 0.317 of budget; 0.1 亿 of 2 亿 (5%) → amber.
    centre("c", {
      provinceCode: "440000",
      cityCode: "440100",
      focusTags: ["compute_infrastructure"],
      recentCompute: [
        { period: "2026-Q3", utilizationPercent: 20 },
        { period: "2026-Q2", utilizationPercent: 25 },
      ],
      latestApproved: { period: "2026-Q3", investmentExecutedYuan: 0.1 * YI, resultsProduced: 10, resultsConverted: 0 },
      approvedPeriods: ["2026-Q3"],
      expectedPeriods: undefined,
    }),
    centre("d", { provinceCode: "440000", cityCode: "440100", status: "under_construction", focusTags: ["compute_infrastructure"], plannedBudgetYuan: 0.5 * YI }),
  ],
  targets: [
    { targetId: "t1", scheduleIndex: 0.7, forecast: "late", forecastDate: "2027-03-01", deadline: "2026-12-31" },
    { targetId: "t2", scheduleIndex: 1, forecast: "on_track", forecastDate: "2026-10-01", deadline: "2026-12-31" },
  ],
};

describe("evaluateAll", () => {
  it("runs every rule and sorts red, amber, info, then code, then key", () => {
    const flags = evaluateAll(data, TODAY);
    expect(flags.map((f) => `${f.severity} ${f.key}`)).toEqual([
      "red duplicate_construction|a,b|same_city_focus",
      "red duplicate_construction|c,d|idle_expanding",
      "red funding_under_execution|a",
      "red low_conversion|a",
      "red schedule_slippage|t1",
      "red stale_reporting|b",
      "amber duplicate_construction|c,d|same_city_focus",
      "amber funding_under_execution|c",
      "amber overdue_milestone|a|m1",
      "info low_conversion|c",
    ]);
    expect(flags.find((f) => f.code === "stale_reporting")!.values).toMatchObject({ missedCount: 4, missedPeriods: "2026-07,2026-08,2026-09,2026-10" });
    for (const flag of flags) {
      expect(flag.explanation.zh.length).toBeGreaterThan(0);
      expect(flag.explanation.en).toMatch(/\.$/);
    }
  });

  it("passes an edited threshold table to every rule", () => {
    const thresholds = { ...DEFAULT_THRESHOLDS, conversion: { ...DEFAULT_THRESHOLDS.conversion, minSample: 5 }, stale: { redMissedPeriods: 5 } };
    const flags = evaluateAll(data, TODAY, thresholds);
    // 0/10 is now judged: upper bound z²/(n + z²) = 3.8415/13.8415 = 27.8% ≥ 20% → amber.
    expect(flags.find((f) => f.key === "low_conversion|c")!.severity).toBe("amber");
    expect(flags.find((f) => f.key === "stale_reporting|b")!.severity).toBe("amber");
  });

  it("returns nothing for an empty data set", () => {
    expect(evaluateAll({ reportingStart: "2026-07-01", provinces: [], centres: [], targets: [] }, TODAY)).toEqual([]);
  });

  it("flags only with codes of the risk-code registry", () => {
    const codes = new Set<string>(RISK_CODES);
    expect(evaluateAll(data, TODAY).every((f) => codes.has(f.code))).toBe(true);
  });
});
