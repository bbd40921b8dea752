import { describe, expect, it } from "vitest";
import { checkFundingUnderExecution, type FundingInput } from "./funding-under-execution";
import { DEFAULT_THRESHOLDS } from "./thresholds";

// A 10 亿元 centre planned over 400 days: 2026-01-01 → 2027-02-05.
// Day 100 (2026-04-11) is 25% of the period, day 300 (2026-10-28) is 75%.
const base: FundingInput = {
  centreId: "c1",
  plannedBudgetYuan: 1_000_000_000,
  startDate: "2026-01-01",
  plannedCompletionDate: "2027-02-05",
  executedYuan: null,
  period: "2026-Q3",
};
const run = (today: string, executedYuan: number | null) => checkFundingUnderExecution({ ...base, executedYuan }, today);

describe("funding_under_execution", () => {
  it.each([
    // [today, executed 元, severity] — elapsed share, executed share, amber floor = 0.7 × elapsed
    ["2026-10-28", 499_000_000, "red"], // 0.75 elapsed exactly, 49.9% < 50%
    ["2026-10-27", 499_000_000, "amber"], // 299/400 = 0.7475: red not yet; floor 0.52325 > 0.499
    ["2026-10-28", 500_000_000, "amber"], // 50% is not below 50%; floor 0.525 > 0.5
    ["2026-10-28", 525_000_000, null], // exactly on the amber floor 0.525
    ["2026-10-28", 524_000_000, "amber"],
    ["2026-04-11", 0, "amber"], // 0.25 elapsed exactly, floor 0.175
    ["2026-04-11", 175_000_000, null], // exactly on the floor
    ["2026-04-11", 174_000_000, "amber"],
    ["2026-04-10", 0, null], // 99/400 = 0.2475: too early to judge
    ["2025-12-01", 0, null], // before the start
    ["2027-06-01", 400_000_000, "red"], // past completion: elapsed 1, 40% < 50%
    ["2027-06-01", 690_000_000, "amber"], // floor 0.7
    ["2027-06-01", 700_000_000, null],
    ["2027-06-01", null, null], // no approved figure: not judged here
  ] as const)("on %s with %s 元 executed → %s", (today, executed, severity) => {
    expect(run(today, executed).map((f) => f.severity)).toEqual(severity === null ? [] : [severity]);
  });

  it("does not judge a centre without a budget", () => {
    expect(checkFundingUnderExecution({ ...base, plannedBudgetYuan: 0, executedYuan: 0 }, "2027-06-01")).toEqual([]);
  });

  it("states the red finding with its figures", () => {
    const [flag] = run("2026-10-28", 400_000_000);
    expect(flag).toMatchObject({
      key: "funding_under_execution|c1",
      subject: { kind: "centre", ids: ["c1"] },
      values: { executedYuan: 400_000_000, budgetYuan: 1_000_000_000, executedShare: 0.4, elapsedShare: 0.75, redExecutedShare: 0.5, period: "2026-Q3" },
    });
    expect(flag!.explanation.zh).toBe("计划建设期已过 75.0%，已执行投资 4亿元，占计划投资 10亿元 的 40.0%，低于建设期过 75% 后应达到的 50%。");
    expect(flag!.explanation.en).toBe(
      "With 75.0% of the planned construction period elapsed, executed investment of CNY 400 m is 40.0% of the CNY 1 bn budget, below the 50% expected once 75% of the period has passed.",
    );
  });

  it("states the amber finding against planned-to-date spending", () => {
    // Day 200 of 400: 50% planned; floor 35%; 3 亿 executed = 30%.
    const [flag] = run("2026-07-20", 300_000_000);
    expect(flag!.values).toMatchObject({ plannedShareToDate: 0.5, amberFloorShare: 0.35, executedShare: 0.3 });
    expect(flag!.explanation.zh).toBe("计划建设期已过 50.0%，按计划应已投资 50.0%；已执行投资 3亿元，占计划投资 10亿元 的 30.0%，低于计划进度的 70%（35.0%）。");
    expect(flag!.explanation.en).toContain("below 70% of plan (35.0%)");
  });

  it("uses an edited threshold table", () => {
    const thresholds = { ...DEFAULT_THRESHOLDS, funding: { ...DEFAULT_THRESHOLDS.funding, amberElapsedShare: 0.6 } };
    expect(checkFundingUnderExecution({ ...base, executedYuan: 0 }, "2026-07-20", thresholds)).toEqual([]);
  });
});
