import { describe, expect, it } from "vitest";
import { runEngine, type ApprovedReport, type EngineCentre, type EngineInput, type EngineTarget } from "./engine";
import { DEFAULT_CALENDAR, type Calendar } from "./periods";
import type { TargetSpec } from "./progress";
import { DEFAULT_THRESHOLDS, type RiskThresholds } from "./risk/thresholds";
import type { TargetMeasure } from "./target-measures";

// Day numbers used throughout, counted from 2026-01-01 (day 0; 2026 is not a leap year):
// 01-31 = 30, 02-20 = 50, 03-02 = 60 (31 + 28 + 1), 03-12 = 70, 04-01 = 90, 04-11 = 100, 05-01 = 120.
const ZJ = "330000";
const GD = "440000";
const BJ = "110000";
const TODAY = "2026-11-27";
const DAY70 = "2026-03-12";

const provinces = (calendars: Record<string, Calendar> = {}) => [ZJ, GD, BJ].map((code) => ({ code, calendar: calendars[code] ?? DEFAULT_CALENDAR }));

/**
 * A centre that raises nothing on its own: no focus tags (no overlap, no primary focus), no
 * milestones, no reports, a large budget, a long construction period (elapsed share under 0.25 all
 * through 2026, so the funding rule stays quiet) and no expected periods (no stale reporting).
 */
function centre(id: string, change: Partial<EngineCentre> = {}): EngineCentre {
  return {
    id,
    provinceCode: ZJ,
    cityCode: "330100",
    status: "under_construction",
    focusTags: [],
    leadInstitution: `牵头单位 ${id}`,
    leadCreditCode: null,
    plannedBudgetYuan: 1_000_000_000,
    startDate: "2026-01-01",
    plannedCompletionDate: "2029-12-31",
    enterpriseLed: false,
    milestones: [],
    reports: [],
    expectedPeriods: [],
    ...change,
  };
}

const NO_FIGURES = {
  investmentExecutedYuan: null,
  computePflops: null,
  utilizationPercent: null,
  patentsGranted: null,
  resultsProduced: null,
  resultsConverted: null,
  techContractValueYuan: null,
  firmsIncubated: null,
  talentIntroduced: null,
};

/** An approved report at `periodEnd` (period code = its month unless given). */
const report = (periodEnd: string, figures: Partial<ApprovedReport> = {}): ApprovedReport => ({ period: periodEnd.slice(0, 7), periodEnd, ...NO_FIGURES, ...figures });

const milestone = (id: string, weight: number, progress: number, plannedDate = "2027-12-31") => ({ id, title: `里程碑 ${id}`, plannedDate, weight, progress });

/** Defaults: a sum target from 0 on 2026-01-01 to 10 on 2026-04-11 (100 days). */
function target(id: string, measure: TargetMeasure | null, unit: string, centreIds: string[], spec: Partial<TargetSpec> = {}, provinceCode = ZJ): EngineTarget {
  return { id, provinceCode, unit, measure, centreIds, spec: { kind: "sum", baselineValue: 0, baselineDate: "2026-01-01", targetValue: 10, deadline: "2026-04-11", ...spec } };
}

const input = (centres: EngineCentre[], targets: EngineTarget[] = [], calendars: Record<string, Calendar> = {}): EngineInput => ({
  reportingStart: "2026-07-01",
  provinces: provinces(calendars),
  centres,
  targets,
});

const withThresholds = (change: { [G in keyof RiskThresholds]?: Partial<RiskThresholds[G]> }): RiskThresholds =>
  Object.fromEntries(Object.entries(DEFAULT_THRESHOLDS).map(([group, values]) => [group, { ...values, ...change[group as keyof RiskThresholds] }])) as unknown as RiskThresholds;

const targetOf = (centres: EngineCentre[], t: EngineTarget, today = DAY70, thresholds?: RiskThresholds) => runEngine(input(centres, [t]), today, thresholds).targets.get(t.id)!;

describe("runEngine: centre completion", () => {
  it.each([
    ["no milestones", [], 0],
    ["weights 2, 3, 5 at 100%, 50%, 0%: (200 + 150 + 0) ÷ 10", [milestone("a", 2, 100), milestone("b", 3, 50), milestone("c", 5, 0)], 35],
    ["weights 1, 2 at 33%, 67%: (33 + 134) ÷ 3 = 55.67", [milestone("a", 1, 33), milestone("b", 2, 67)], 55.7],
    ["weights all 0: plain mean (40 + 60) ÷ 2", [milestone("a", 0, 40), milestone("b", 0, 60)], 50],
    ["one milestone done", [milestone("a", 3, 100)], 100],
  ])("%s → %s%", (_, milestones, pct) => {
    expect(runEngine(input([centre("c", { milestones })]), TODAY).centres.get("c")!.completionPct).toBe(pct);
  });
});

describe("runEngine: a centre's dashboard figures", () => {
  it("takes investment from the newest approved report giving it, and plans spending on a straight line", () => {
    // 2026-01-01 → 2029-12-31 is 1,460 days; 2026-11-27 is day 330: 1e9 × 330 ÷ 1460 = 226,027,397.26 → 226,027,397 元.
    const result = runEngine(
      input([centre("c", { reports: [report("2026-09-30", { investmentExecutedYuan: 90_000_000 }), report("2026-06-30", { investmentExecutedYuan: 40_000_000 }), report("2026-10-31")] })]),
      TODAY,
    ).centres.get("c")!;
    expect(result.investmentExecutedYuan).toBe(90_000_000);
    expect(result.latestReport).toEqual({ period: "2026-10", periodEnd: "2026-10-31" });
    expect(result.plannedSpendToDateYuan).toBe(226_027_397);
    expect(result.budgetYuan).toBe(1_000_000_000);
    expect([result.provinceCode, result.status]).toEqual([ZJ, "under_construction"]);
  });

  it("has no investment and no latest report before the first approval", () => {
    const result = runEngine(input([centre("c")]), TODAY).centres.get("c")!;
    expect([result.investmentExecutedYuan, result.latestReport]).toEqual([null, null]);
  });
});

describe("runEngine: computed level of a centre", () => {
  // Low conversion severities (see low-conversion.test.ts): 2/19 info (sample < 20), 2/20 amber, 6/180 red.
  // An overdue milestone planned 2026-11-01 is 26 days late on 2026-11-27: amber (red only after 90).
  // The second milestone, done ahead of its 2027 date, keeps the centre's own schedule index at
  // (50 + 100) ÷ 2 = 75% complete ÷ 50% planned = 1.5, so no schedule flag joins in.
  const overdue = [milestone("late", 1, 50, "2026-11-01"), milestone("ahead", 1, 100)];
  it.each([
    ["no flags", {}, "green", []],
    ["an info flag only", { reports: [report("2026-09-30", { resultsProduced: 19, resultsConverted: 2 })] }, "green", ["info"]],
    ["an amber flag", { reports: [report("2026-09-30", { resultsProduced: 20, resultsConverted: 2 })] }, "amber", ["amber"]],
    ["a red flag", { reports: [report("2026-09-30", { resultsProduced: 180, resultsConverted: 6 })] }, "red", ["red"]],
    ["red and amber", { milestones: overdue, reports: [report("2026-09-30", { resultsProduced: 180, resultsConverted: 6 })] }, "red", ["red", "amber"]],
    ["amber and info", { milestones: overdue, reports: [report("2026-09-30", { resultsProduced: 19, resultsConverted: 2 })] }, "amber", ["amber", "info"]],
  ] as const)("%s → %s", (_, change, level, severities) => {
    const result = runEngine(input([centre("c", change)]), TODAY).centres.get("c")!;
    expect(result.computedLevel).toBe(level);
    expect(result.flags.map((f) => f.severity)).toEqual(severities);
  });

  // Same city 330200, identical tags: Jaccard 2/2 = 1 ≥ 0.5 → amber; red when the lead is shared too.
  it.each([
    ["different leads", "甲研究院", "乙研究院", "amber"],
    ["the same lead", "甲研究院", "甲研究院", "red"],
  ] as const)("counts a pair flag for both centres (%s → %s)", (_, leadA, leadB, level) => {
    const tags = ["healthcare", "education"] as const;
    const result = runEngine(
      input([
        centre("a", { cityCode: "330200", focusTags: tags, leadInstitution: leadA }),
        centre("b", { cityCode: "330200", focusTags: tags, leadInstitution: leadB }),
        // Same tags in another city (primary focus education, so not a third healthcare-first centre).
        centre("c", { cityCode: "330300", focusTags: ["education", "healthcare"] }),
      ]),
      TODAY,
    );
    const [pair] = result.flags;
    expect(result.flags).toHaveLength(1);
    expect(pair).toMatchObject({ code: "duplicate_construction", severity: level, subject: { kind: "centre_pair", ids: ["a", "b"] } });
    expect(result.centres.get("a")).toMatchObject({ computedLevel: level, flags: [pair] });
    expect(result.centres.get("b")).toMatchObject({ computedLevel: level, flags: [pair] });
    expect(result.centres.get("c")).toMatchObject({ computedLevel: "green", flags: [] });
    expect(result.flagsByProvince.get(ZJ)).toEqual([pair]); // once, not once per centre
  });
});

describe("runEngine: target actuals", () => {
  it("counts centres_operational as baseline + operational linked centres", () => {
    // Baseline 2 (count, 个), target 10; linked: two operational, one under construction, one
    // suspended, one id with no centre; an operational centre not linked does not count.
    const centres = [
      centre("op1", { status: "operational" }),
      centre("op2", { status: "operational" }),
      centre("uc"),
      centre("sus", { status: "suspended" }),
      centre("other", { status: "operational" }),
    ];
    const result = targetOf(centres, target("t", "centres_operational", "个", ["op1", "op2", "uc", "sus", "ghost"], { kind: "count", baselineValue: 2 }));
    // actual 2 + 2 = 4; progress (4 − 2) ÷ (10 − 2) = 25%.
    // On day 70 of 100: planned 2 + 8 × 0.7 = 7.6 (70%); schedule index (4 − 2) ÷ (7.6 − 2) = 0.357 → red.
    expect(result).toMatchObject({ unmeasuredReason: null, actual: 4, progressPct: 25, plannedPct: 70, scheduleIndex: 0.357, standing: "at_risk" });
    expect(result.plannedValue).toBeCloseTo(7.6, 9);
    // The trend is the baseline alone: one date is too few for a forecast.
    expect(result.series).toEqual([{ date: "2026-01-01", value: 2 }]);
    expect(result.forecast).toEqual({ kind: "insufficient_data" });
    expect(result.flags.map((f) => [f.code, f.severity])).toEqual([["schedule_slippage", "red"]]);
  });

  it("counts the baseline alone when no linked centre is operational, and a target with no centres too", () => {
    expect(targetOf([centre("uc")], target("t", "centres_operational", "个", ["uc"], { kind: "count", baselineValue: 3 })).actual).toBe(3);
    expect(targetOf([], target("t", "centres_operational", "个", [], { kind: "count" }))).toMatchObject({ actual: 0, unmeasuredReason: null, progressPct: 0 });
  });

  describe("sum measures in the target's unit", () => {
    // A: 1 亿元 by 01-31 and 4 亿元 by 03-02 (cumulative); B: 2 亿元 by 01-31, nothing later.
    const centres = [
      centre("a", { reports: [report("2026-01-31", { investmentExecutedYuan: 100_000_000 }), report("2026-03-02", { investmentExecutedYuan: 400_000_000 })] }),
      centre("b", { reports: [report("2026-01-31", { investmentExecutedYuan: 200_000_000 })] }),
    ];
    const investment = (unit: string, spec: Partial<TargetSpec> = {}) => target("t", "investment_executed", unit, ["a", "b"], spec);

    it("scales 元 into 亿元 (× 1e-8), carries B's last figure forward, and forecasts from baseline + points", () => {
      const result = targetOf(centres, investment("亿元", { baselineValue: 1, targetValue: 11 }));
      // 01-31: 1 + (1 + 2) = 4; 03-02: A 4 and B still 2 → 1 + 6 = 7.
      expect(result.series.map((p) => p.date)).toEqual(["2026-01-01", "2026-01-31", "2026-03-02"]);
      expect(result.series.map((p) => p.value)).toEqual([1, expect.closeTo(4, 9), expect.closeTo(7, 9)]);
      expect(result.actual).toBeCloseTo(7, 9);
      // Progress (7 − 1) ÷ (11 − 1) = 60%; day 70: planned 1 + 10 × 0.7 = 8 (70%); index 6 ÷ 7 = 0.857 → amber.
      expect(result).toMatchObject({ progressPct: 60, plannedValue: 8, plannedPct: 70, scheduleIndex: 0.857, standing: "at_risk", unmeasuredReason: null });
      // Points (0, 1), (30, 4), (60, 7) lie on 1 + 0.1·t: 11 is reached on day 100 = 2026-04-11, the deadline itself.
      expect(result.forecast).toMatchObject({ kind: "on_track", forecastDate: "2026-04-11", pointsUsed: 3 });
      expect(result.forecast.kind === "on_track" && result.forecast.slopePerDay).toBeCloseTo(0.1, 9);
      expect(result.flags.map((f) => [f.code, f.severity, f.values.scheduleIndex])).toEqual([["schedule_slippage", "amber", 0.857]]);
    });

    it.each([
      ["元", 600_000_000], // × 1
      ["万元", 60_000], // × 1e-4: 6 × 10⁸ 元 = 6 × 10⁴ 万元
      [" 亿元 ", 6], // × 1e-8, unit trimmed
    ])("in %j the total is %s", (unit, total) => {
      expect(targetOf(centres, investment(unit, { targetValue: total * 2 })).actual).toBeCloseTo(total, 6);
    });

    it.each([
      ["EFLOPS", 0.5, 2, 1.5, 66.7], // 0.5 + 0.001 × (300 + 700) = 1.5; (1.5 − 0.5) ÷ 1.5 = 66.7%
      ["eflops", 0.5, 2, 1.5, 66.7], // case-insensitive
      ["PFLOPS", 0, 2000, 1000, 50], // × 1
      ["TFLOPS", 0, 2_000_000, 1_000_000, 50], // × 1000
    ])("compute in %s: baseline %s, target %s → actual %s, progress %s%", (unit, baselineValue, targetValue, actual, progress) => {
      const computeCentres = [
        centre("a", { reports: [report("2026-01-31", { computePflops: 100 }), report("2026-03-02", { computePflops: 300 })] }),
        centre("b", { reports: [report("2026-03-02", { computePflops: 700 })] }),
      ];
      const result = targetOf(computeCentres, target("t", "compute_pflops", unit, ["a", "b"], { baselineValue, targetValue }));
      expect(result.actual).toBeCloseTo(actual, 9);
      expect(result.progressPct).toBe(progress);
    });

    it("leaves out centres without the figure, and falls back to a centre's last report that has it", () => {
      const talent = [
        // A reports 10 people by 01-31, then a report without the figure: 10 still counts.
        centre("a", { reports: [report("2026-01-31", { talentIntroduced: 10 }), report("2026-03-02", { firmsIncubated: 1 })] }),
        centre("b", { reports: [report("2026-01-31", { firmsIncubated: 4 })] }), // never reports talent
        centre("c", { reports: [report("2026-03-02", { talentIntroduced: 5 })] }), // first reports later
      ];
      const result = targetOf(talent, target("t", "talent_introduced", "人", ["a", "b", "c"], { targetValue: 30 }));
      // 01-31: A 10 → 10; 03-02: A 10 + C 5 → 15.
      expect(result.series).toEqual([
        { date: "2026-01-01", value: 0 },
        { date: "2026-01-31", value: 10 },
        { date: "2026-03-02", value: 15 },
      ]);
      expect(result.actual).toBe(15);
      expect(result.progressPct).toBe(50); // 15 ÷ 30
    });

    it("takes reports in any order (by period end)", () => {
      const shuffled = [centre("a", { reports: [report("2026-03-02", { firmsIncubated: 6 }), report("2026-01-31", { firmsIncubated: 3 })] })];
      expect(targetOf(shuffled, target("t", "firms_incubated", "家", ["a"])).series).toEqual([
        { date: "2026-01-01", value: 0 },
        { date: "2026-01-31", value: 3 },
        { date: "2026-03-02", value: 6 },
      ]);
    });

    it("drops reports dated on or before the baseline date from the trend (the baseline point stands for that date)", () => {
      const early = [centre("a", { reports: [report("2025-12-31", { patentsGranted: 2 }), report("2026-01-01", { patentsGranted: 3 })] })];
      const result = targetOf(early, target("t", "patents_granted", "项", ["a"]));
      expect(result.series).toEqual([{ date: "2026-01-01", value: 0 }]);
      expect(result.actual).toBe(3); // the latest report still gives the actual
    });
  });

  describe("rates", () => {
    it("compute_utilization: mean of the centres' latest utilization, no baseline point", () => {
      const centres = [
        centre("a", { reports: [report("2026-01-31", { utilizationPercent: 30 }), report("2026-03-02", { utilizationPercent: 50 })] }),
        centre("b", { reports: [report("2026-01-31", { utilizationPercent: 40 }), report("2026-03-02")] }), // 40 carried forward
        centre("c", { reports: [report("2026-01-31"), report("2026-03-02")] }), // never reports utilization: left out
      ];
      const result = targetOf(centres, target("t", "compute_utilization", "%", ["a", "b", "c"], { kind: "rate", baselineValue: 20, targetValue: 65 }));
      // 01-31: (30 + 40) ÷ 2 = 35; 03-02: (50 + 40) ÷ 2 = 45 (not ÷ 3).
      expect(result.series).toEqual([
        { date: "2026-01-31", value: 35 },
        { date: "2026-03-02", value: 45 },
      ]);
      // Progress (45 − 20) ÷ (65 − 20) = 55.6%; planned 20 + 45 × 0.7 = 51.5; index 25 ÷ 31.5 = 0.794.
      expect(result).toMatchObject({ actual: 45, progressPct: 55.6, plannedValue: 51.5, plannedPct: 70, scheduleIndex: 0.794, standing: "at_risk" });
      // Two dates: no forecast (the baseline is not added for a rate).
      expect(result.forecast).toEqual({ kind: "insufficient_data" });
    });

    it("conversion_rate: Σ converted ÷ Σ produced × 100 over the centres that report results", () => {
      const centres = [
        centre("a", { reports: [report("2026-01-31", { resultsProduced: 100, resultsConverted: 10 }), report("2026-03-02", { resultsProduced: 200, resultsConverted: 40 })] }),
        centre("b", { reports: [report("2026-01-31", { resultsProduced: 50, resultsConverted: 20 })] }),
        centre("c", { reports: [report("2026-01-31", { resultsConverted: 5 })] }), // produced not reported: left out
        centre("d", { reports: [report("2026-01-31", { resultsProduced: 0, resultsConverted: 0 })] }), // adds nothing
      ];
      const result = targetOf(centres, target("t", "conversion_rate", "%", ["a", "b", "c", "d"], { kind: "rate", baselineValue: 10, targetValue: 30 }));
      // 01-31: (10 + 20) ÷ (100 + 50) = 20%; 03-02: (40 + 20) ÷ (200 + 50) = 24%.
      expect(result.series).toEqual([
        { date: "2026-01-31", value: 20 },
        { date: "2026-03-02", value: 24 },
      ]);
      expect(result).toMatchObject({ actual: 24, progressPct: 70 }); // (24 − 10) ÷ (30 − 10)
    });

    it("conversion_rate: nothing produced anywhere is no reading at all", () => {
      const centres = [centre("d", { reports: [report("2026-01-31", { resultsProduced: 0, resultsConverted: 0 })] })];
      const result = targetOf(centres, target("t", "conversion_rate", "%", ["d"], { kind: "rate", targetValue: 30 }));
      expect(result).toMatchObject({ actual: null, unmeasuredReason: "no_reports", series: [] });
    });

    it("conversion_rate: leaves out a centre that reports results produced but no conversion mode", () => {
      // A 10/100; B 50 produced, conversions not reported (null, not 0): 10 ÷ 100 = 10%.
      const centres = [
        centre("a", { reports: [report("2026-01-31", { resultsProduced: 100, resultsConverted: 10 })] }),
        centre("b", { reports: [report("2026-01-31", { resultsProduced: 50 })] }),
      ];
      expect(targetOf(centres, target("t", "conversion_rate", "%", ["a", "b"], { kind: "rate", targetValue: 30 })).actual).toBeCloseTo(10, 9);
    });
  });

  it.each([
    ["no measure", target("t", null, "个", ["a"], { kind: "count" }), "no_measure"],
    ["money measure in 个", target("t", "investment_executed", "个", ["a"]), "unit_mismatch"],
    ["compute measure in 亿元", target("t", "compute_pflops", "亿元", ["a"]), "unit_mismatch"],
    ["rate measure on a sum target", target("t", "conversion_rate", "%", ["a"]), "unit_mismatch"],
    ["count measure on a sum target", target("t", "centres_operational", "个", ["a"]), "unit_mismatch"],
    ["linked centres without the figure", target("t", "firms_incubated", "家", ["a"]), "no_reports"],
    ["no linked centres", target("t", "firms_incubated", "家", []), "no_reports"],
  ] as const)("%s → unmeasured (%s), with the plan still shown", (_, t, reason) => {
    // Centre a is operational and reports investment, compute and results, but no firms.
    const a = centre("a", { status: "operational", reports: [report("2026-01-31", { investmentExecutedYuan: 5e8, computePflops: 100, resultsProduced: 10, resultsConverted: 5 })] });
    const result = targetOf([a], t);
    expect(result).toMatchObject({ unmeasuredReason: reason, actual: null, progressPct: null, scheduleIndex: null, standing: "unmeasured", forecast: { kind: "insufficient_data" }, flags: [] });
    // Day 70 of 100 from 0 to 10: planned 7 (70%).
    expect(result.plannedValue).toBe(7);
    expect(result.plannedPct).toBe(70);
    // Count and sum targets start their trend at the baseline even without readings.
    expect(result.series).toEqual([{ date: "2026-01-01", value: 0 }]);
  });
});

describe("runEngine: forecast", () => {
  // Firms incubated (cumulative) 3 by 01-31 and 6 by 03-02: with the baseline (day 0, 0) the points
  // lie on 0.1·t, so 10 is reached on day 100 = 2026-04-11.
  const twoReports = [centre("a", { reports: [report("2026-01-31", { firmsIncubated: 3 }), report("2026-03-02", { firmsIncubated: 6 })] })];

  it("is late by 10 days against a deadline of 2026-04-01 (day 90)", () => {
    const result = targetOf(twoReports, target("t", "firms_incubated", "家", ["a"], { deadline: "2026-04-01" }));
    expect(result.forecast).toMatchObject({ kind: "late", forecastDate: "2026-04-11", daysLate: 10, pointsUsed: 3 });
    // Day 70 of 90: planned 10 × 70 ÷ 90 = 7.78; index 6 ÷ 7.78 = 0.771 → amber, with the late forecast in the flag.
    expect(result.scheduleIndex).toBe(0.771);
    expect(result.flags.map((f) => f.values)).toEqual([expect.objectContaining({ scheduleIndex: 0.771, forecast: "late", forecastDate: "2026-04-11", daysLate: 10 })]);
    expect(result.flags[0]!.severity).toBe("amber");
  });

  it("is on track against a deadline of 2026-05-01 (day 120), with no flag", () => {
    const result = targetOf(twoReports, target("t", "firms_incubated", "家", ["a"], { deadline: "2026-05-01" }));
    // Planned 10 × 70 ÷ 120 = 5.83; index 6 ÷ 5.83 = 1.029 → green.
    expect(result).toMatchObject({ forecast: { kind: "on_track", forecastDate: "2026-04-11" }, scheduleIndex: 1.029, standing: "on_track", flags: [] });
  });

  it("needs three dates: baseline + one report is insufficient", () => {
    const one = [centre("a", { reports: [report("2026-01-31", { firmsIncubated: 3 })] })];
    expect(targetOf(one, target("t", "firms_incubated", "家", ["a"])).forecast).toEqual({ kind: "insufficient_data" });
  });

  it("says already met when the actual reaches the target, and raises no flag", () => {
    const result = targetOf(twoReports, target("t", "firms_incubated", "家", ["a"], { targetValue: 5 }));
    expect(result).toMatchObject({ actual: 6, progressPct: 120, standing: "met", forecast: { kind: "already_met", pointsUsed: 3 }, flags: [] });
  });

  it("forecasts a rate from its own readings: 30, 40, 50% a month apart reach 65% 105 days after the first", () => {
    const a = centre("a", {
      reports: [report("2026-01-31", { utilizationPercent: 30 }), report("2026-03-02", { utilizationPercent: 40 }), report("2026-04-01", { utilizationPercent: 50 })],
    });
    // Origin 01-31, points (0, 30), (30, 40), (60, 50): 30 + t ÷ 3 = 65 at t = 105 → 2026-05-16,
    // 35 days after the 2026-04-11 deadline. On 04-01 (day 90): planned 20 + 45 × 0.9 = 60.5;
    // index (50 − 20) ÷ (60.5 − 20) = 0.741 → red.
    const result = targetOf([a], target("t", "compute_utilization", "%", ["a"], { kind: "rate", baselineValue: 20, targetValue: 65 }), "2026-04-01");
    expect(result.forecast).toMatchObject({ kind: "late", forecastDate: "2026-05-16", daysLate: 35, pointsUsed: 3 });
    expect(result.series[0]).toEqual({ date: "2026-01-31", value: 30 });
    expect(result.flags.map((f) => [f.severity, f.values.scheduleIndex, f.values.daysLate])).toEqual([["red", 0.741, 35]]);
  });
});

describe("runEngine: planned to date", () => {
  // Firms 4 by 03-02; target 0 → 10 from 2026-01-01 to 2026-04-11.
  const centres = [centre("a", { reports: [report("2026-03-02", { firmsIncubated: 4 })] })];

  it.each([
    // [checkpoints, planned on day 70, planned %, index, flag]
    ["a straight line", [], 7, 70, 0.571, "red"], // 10 × 0.7 = 7; 4 ÷ 7 = 0.571 < 0.75
    // Via (02-20 = day 50, 2): 2 + (10 − 2) × (70 − 50) ÷ (100 − 50) = 5.2; 4 ÷ 5.2 = 0.769 (≥ 0.75, < 0.9)
    ["a checkpoint of 2 on 2026-02-20", [{ date: "2026-02-20", value: 2 }], 5.2, 52, 0.769, "amber"],
    // Via (02-20, 8): 8 + 2 × 20 ÷ 50 = 8.8; 4 ÷ 8.8 = 0.455
    ["a checkpoint of 8 on 2026-02-20", [{ date: "2026-02-20", value: 8 }], 8.8, 88, 0.455, "red"],
  ])("on %s", (_, checkpoints, planned, plannedPct, index, severity) => {
    const result = targetOf(centres, target("t", "firms_incubated", "家", ["a"], { checkpoints }));
    expect(result.plannedValue).toBeCloseTo(planned, 9);
    expect(result).toMatchObject({ plannedPct, scheduleIndex: index, standing: "at_risk" });
    expect(result.flags.map((f) => f.severity)).toEqual([severity]);
  });

  it.each([
    ["on the baseline date", "2026-01-01", 0, 0, null, "unmeasured"], // nothing planned beyond the baseline yet
    ["before the baseline date", "2025-12-01", 0, 0, null, "unmeasured"],
    ["on the deadline", "2026-04-11", 10, 100, 0.4, "at_risk"],
    ["after the deadline", "2026-11-27", 10, 100, 0.4, "at_risk"],
  ] as const)("%s (%s): planned %s (%s%), index %s, %s", (_, today, planned, plannedPct, index, standing) => {
    const result = targetOf(centres, target("t", "firms_incubated", "家", ["a"]), today);
    expect(result).toMatchObject({ plannedValue: planned, plannedPct, scheduleIndex: index, standing });
  });

  it("changes the standing with the schedule thresholds passed in", () => {
    // Index 0.857 (see the 亿元 case): amber under 0.9, green when amber starts below 0.85.
    const centres2 = [
      centre("a", { reports: [report("2026-01-31", { investmentExecutedYuan: 100_000_000 }), report("2026-03-02", { investmentExecutedYuan: 400_000_000 })] }),
      centre("b", { reports: [report("2026-01-31", { investmentExecutedYuan: 200_000_000 })] }),
    ];
    const t = target("t", "investment_executed", "亿元", ["a", "b"], { baselineValue: 1, targetValue: 11 });
    expect(targetOf(centres2, t).standing).toBe("at_risk");
    const relaxed = targetOf(centres2, t, DAY70, withThresholds({ schedule: { amberBelowIndex: 0.85 } }));
    expect(relaxed).toMatchObject({ scheduleIndex: 0.857, standing: "on_track", flags: [] });
  });
});

describe("runEngine: flags by subject and province", () => {
  const centres = [
    centre("z1", { reports: [report("2026-09-30", { resultsProduced: 180, resultsConverted: 6 })] }), // low conversion red
    centre("z2", { cityCode: "330200", focusTags: ["healthcare", "education"] }),
    centre("z3", { cityCode: "330200", focusTags: ["healthcare", "education"] }), // same city, same focus with z2: amber
    // Three Guangdong centres in three cities sharing the primary focus: scattered (province flag, amber).
    centre("g1", { provinceCode: GD, cityCode: "440100", focusTags: ["embodied_ai"] }),
    centre("g2", { provinceCode: GD, cityCode: "440300", focusTags: ["embodied_ai", "healthcare"] }),
    centre("g3", { provinceCode: GD, cityCode: "440600", focusTags: ["embodied_ai"] }),
  ];
  // tZ: no centre operational, so 0 of 10 against a positive plan: index 0 → red. tG: no measure.
  const targets = [
    target("tZ", "centres_operational", "个", ["z1"], { kind: "count", baselineDate: "2026-01-01", deadline: "2026-12-31" }),
    target("tG", null, "个", [], { kind: "count", deadline: "2026-12-31" }, GD),
  ];
  const result = runEngine(input(centres, targets), TODAY);

  it("sorts every flag red, amber, info, then by code", () => {
    expect(result.flags.map((f) => [f.severity, f.code, f.subject.ids.join(",")])).toEqual([
      ["red", "low_conversion", "z1"],
      ["red", "schedule_slippage", "tZ"],
      ["amber", "duplicate_construction", "z2,z3"],
      ["amber", "scattered_resources", GD],
    ]);
  });

  it("gives each flag to its centres or target", () => {
    const [lowConversion, slippage, duplicate] = result.flags;
    expect(result.centres.get("z1")).toMatchObject({ computedLevel: "red", flags: [lowConversion] });
    expect(result.centres.get("z2")).toMatchObject({ computedLevel: "amber", flags: [duplicate] });
    expect(result.centres.get("z3")).toMatchObject({ computedLevel: "amber", flags: [duplicate] });
    // A province flag names no centre: the Guangdong centres stay green.
    for (const id of ["g1", "g2", "g3"]) expect(result.centres.get(id)).toMatchObject({ computedLevel: "green", flags: [] });
    expect(result.targets.get("tZ")!.flags).toEqual([slippage]);
    expect(result.targets.get("tZ")!.scheduleIndex).toBe(0);
    expect(result.targets.get("tG")!.flags).toEqual([]);
  });

  it("files each flag under one province: a centre's, a pair's, a target's, or the province itself", () => {
    const [lowConversion, slippage, duplicate, scattered] = result.flags;
    expect(result.flagsByProvince.get(ZJ)).toEqual([lowConversion, slippage, duplicate]);
    expect(result.flagsByProvince.get(GD)).toEqual([scattered]);
    expect(result.flagsByProvince.has(BJ)).toBe(false);
    expect([...result.flagsByProvince.values()].flat()).toHaveLength(result.flags.length);
  });

  it("echoes the day it computed for", () => {
    expect(result.today).toBe(TODAY);
  });
});

describe("runEngine: a centre's own schedule slippage", () => {
  // On 2026-11-27, two equal milestones: "due" planned 2026-11-01 (26 days overdue while under 100%:
  // an amber overdue flag), "later" planned 2027-12-31 at 0%. Planned to date (100 + 0) ÷ 2 = 50%.
  const milestones = (dueProgress: number) => [milestone("due", 1, dueProgress, "2026-11-01"), milestone("later", 1, 0)];
  it.each([
    // [due progress, completion %, index, schedule flag, centre level]
    [100, 50, 1, null, "green"], // no overdue flag either
    [90, 45, 0.9, null, "amber"], // exactly 0.9 is not below it; the overdue milestone is amber
    [80, 40, 0.8, "amber", "amber"],
    [75, 37.5, 0.75, "amber", "amber"], // exactly 0.75 is amber, not red
    [60, 30, 0.6, "red", "red"],
  ] as const)("due milestone at %s%%: completion %s%% of 50%% planned, index %s → %s", (progress, completion, index, severity, level) => {
    const result = runEngine(input([centre("c", { milestones: milestones(progress) })]), TODAY);
    const computed = result.centres.get("c")!;
    expect(computed).toMatchObject({ completionPct: completion, plannedCompletionPct: 50, scheduleIndex: index, computedLevel: level });
    const schedule = result.flags.filter((f) => f.code === "schedule_slippage");
    expect(schedule.map((f) => [f.key, f.severity, f.values.scheduleIndex])).toEqual(severity === null ? [] : [["schedule_slippage|c|centre", severity, index]]);
    // On the centre page and in its province's list, with the figures the page shows.
    for (const flag of schedule) {
      expect(computed.flags).toContain(flag);
      expect(result.flagsByProvince.get(ZJ)).toContain(flag);
      expect(flag.values).toMatchObject({ completionPct: completion, plannedCompletionPct: 50, asOf: TODAY });
    }
  });

  it("raises nothing for a centre without milestones or with none due yet", () => {
    const none = runEngine(input([centre("a"), centre("b", { milestones: [milestone("m", 1, 0)] })]), TODAY);
    expect(none.centres.get("b")!.scheduleIndex).toBeNull();
    expect(none.flags).toEqual([]);
  });

  it("keys a centre's flag apart from a target's with the same id, and sorts it among the others", () => {
    // Target "c": 0 of 10 centres operational against a positive plan → index 0, red (see "flags by subject").
    const t = target("c", "centres_operational", "个", ["c"], { kind: "count", deadline: "2026-12-31" });
    const result = runEngine(input([centre("c", { milestones: milestones(60) })], [t]), TODAY);
    expect(result.flags.map((f) => [f.severity, f.key])).toEqual([
      ["red", "schedule_slippage|c"],
      ["red", "schedule_slippage|c|centre"],
      ["amber", "overdue_milestone|c|due"],
    ]);
    expect(result.targets.get("c")!.flags.map((f) => f.key)).toEqual(["schedule_slippage|c"]);
    expect(result.centres.get("c")!.flags.map((f) => f.key)).toEqual(["schedule_slippage|c|centre", "overdue_milestone|c|due"]);
  });

  it("reads the centre thresholds passed in", () => {
    const relaxed = runEngine(input([centre("c", { milestones: milestones(80) })]), TODAY, withThresholds({ schedule: { centreAmberBelowIndex: 0.8 } }));
    expect(relaxed.flags.filter((f) => f.code === "schedule_slippage")).toEqual([]); // 0.8 is not below 0.8
  });
});

describe("runEngine: inputs the risk rules read from the reports", () => {
  it("judges conversion on the report with the latest period end, whatever the order given", () => {
    const q1 = report("2026-03-31", { period: "2026-Q1", resultsProduced: 180, resultsConverted: 60 });
    const q3 = report("2026-09-30", { period: "2026-Q3", resultsProduced: 180, resultsConverted: 6 });
    for (const reports of [[q1, q3], [q3, q1]]) {
      const [flag] = runEngine(input([centre("c", { reports })]), TODAY).flags;
      expect(flag).toMatchObject({ code: "low_conversion", severity: "red", values: { period: "2026-Q3", converted: 6 } });
    }
    // The other way round (6/180 in Q1, 60/180 in Q3 = 33%): nothing to flag.
    const better = [report("2026-09-30", { period: "2026-Q3", resultsProduced: 180, resultsConverted: 60 }), report("2026-03-31", { period: "2026-Q1", resultsProduced: 180, resultsConverted: 6 })];
    expect(runEngine(input([centre("c", { reports: better })]), TODAY).flags).toEqual([]);
  });

  it("finds idle compute from the two latest reports, newest first", () => {
    // Same city 330100; tags share 1 of 5 (Jaccard 0.2 < 0.5), so only the idle rule can fire.
    const idle = (reports: ApprovedReport[]) =>
      runEngine(
        input([
          centre("idle", { status: "operational", focusTags: ["compute_infrastructure", "large_models", "finance"], reports }),
          centre("new", { status: "under_construction", focusTags: ["compute_infrastructure", "healthcare", "education"] }),
        ]),
        TODAY,
      );
    const q2 = (u: number) => report("2026-06-30", { period: "2026-Q2", utilizationPercent: u });
    const q3 = (u: number) => report("2026-09-30", { period: "2026-Q3", utilizationPercent: u });
    const red = idle([q3(25), q2(20)]); // both below 30%
    expect(red.flags.map((f) => [f.code, f.severity, f.values.rule, f.values.periods])).toEqual([["duplicate_construction", "red", "idle_expanding", "2026-Q3,2026-Q2"]]);
    expect(red.centres.get("idle")!.computedLevel).toBe("red");
    expect(red.centres.get("new")!.computedLevel).toBe("red");
    expect(idle([q2(20), q3(40)]).flags.map((f) => f.severity)).toEqual(["amber"]); // 40 in [30, 50): amber
    expect(idle([q2(20), q3(60)]).flags).toEqual([]); // busy in the latest period
    expect(idle([q3(20)]).flags).toEqual([]); // one period is not two
  });

  it.each([
    // [province calendar, reports, missed count, severity]: reporting starts 2026-07-01, today 2026-11-27.
    // Quarterly (default, due +15, grace 5): 2026-Q3 due 10-15, overdue from 10-21.
    ["quarterly, nothing approved", undefined, [], 1, "amber"],
    ["quarterly, 2026-Q3 approved", undefined, [report("2026-09-30", { period: "2026-Q3" })], 0, null],
    // Monthly (due +10, no grace): July to October ended and are past due (October's was 11-10).
    ["monthly, nothing approved", { cadence: "monthly", dueDays: 10, graceDays: 0 }, [], 4, "red"],
  ] as const)("expects the periods of the province's calendar since reporting start (%s)", (_, calendar, reports, missed, severity) => {
    const c = centre("c", { startDate: "2025-01-01", expectedPeriods: undefined, reports: [...reports] });
    const result = runEngine(input([c], [], calendar ? { [ZJ]: calendar } : {}), TODAY);
    const stale = result.flags.filter((f) => f.code === "stale_reporting");
    expect(stale.map((f) => [f.severity, f.values.missedCount])).toEqual(severity === null ? [] : [[severity, missed]]);
  });

  it("expects nothing from a centre starting after today", () => {
    const c = centre("c", { startDate: "2026-12-01", plannedCompletionDate: "2029-12-31", expectedPeriods: undefined });
    expect(runEngine(input([c]), TODAY).flags).toEqual([]);
  });
});

describe("runEngine: roll-ups", () => {
  const centres = [
    centre("a", { status: "operational", milestones: [milestone("a1", 2, 100), milestone("a2", 3, 50), milestone("a3", 5, 0)] }), // 35%
    centre("b", { plannedBudgetYuan: 3_000_000_000 }), // no milestones: 0%
    centre("c", { provinceCode: GD, cityCode: "440100", milestones: [milestone("c1", 1, 100)] }), // 100%
  ];
  const targets = [
    target("met", "centres_operational", "个", ["a"], { kind: "count", targetValue: 1 }), // 1 of 1: met
    target("late", "centres_operational", "个", ["a"], { kind: "count", targetValue: 10 }), // index 1 ÷ 7 = 0.143: red
    target("open", null, "个", [], { kind: "count" }, GD), // unmeasured
  ];
  const result = runEngine(input(centres, targets), DAY70);

  it("rolls completion up nationally over every centre, not from provincial figures", () => {
    // Mean (35 + 0 + 100) ÷ 3 = 45; budget-weighted (35 × 1 + 0 × 3 + 100 × 1) ÷ 5 = 27 (budgets in 亿元).
    expect(result.completion.national).toEqual({ centres: 3, meanPct: 45, budgetWeightedPct: 27 });
    // Zhejiang: (35 + 0) ÷ 2 = 17.5; (35 × 1 + 0 × 3) ÷ 4 = 8.75 → 8.8. Guangdong: 100.
    expect(result.completion.provinces[ZJ]).toEqual({ centres: 2, meanPct: 17.5, budgetWeightedPct: 8.8 });
    expect(result.completion.provinces[GD]).toEqual({ centres: 1, meanPct: 100, budgetWeightedPct: 100 });
    // A listed province without centres: zero and nulls.
    expect(result.completion.provinces[BJ]).toEqual({ centres: 0, meanPct: null, budgetWeightedPct: null });
  });

  it("counts targets by standing nationally and per province", () => {
    expect(result.targetRollUp.national).toEqual({ targets: 3, met: 1, onTrack: 1, atRisk: 1, red: 1, unmeasured: 1 });
    expect(result.targetRollUp.provinces[ZJ]).toEqual({ targets: 2, met: 1, onTrack: 1, atRisk: 1, red: 1, unmeasured: 0 });
    expect(result.targetRollUp.provinces[GD]).toEqual({ targets: 1, met: 0, onTrack: 0, atRisk: 0, red: 0, unmeasured: 1 });
    expect(result.targetRollUp.provinces[BJ]).toEqual({ targets: 0, met: 0, onTrack: 0, atRisk: 0, red: 0, unmeasured: 0 });
  });

  it("counts a red target as amber when the thresholds passed in say so", () => {
    // Index 0.143 is below 0.75 but not below a red bound of 0.1.
    const lenient = runEngine(input(centres, targets), DAY70, withThresholds({ schedule: { redBelowIndex: 0.1 } }));
    expect(lenient.targetRollUp.national).toMatchObject({ atRisk: 1, red: 0 });
    expect(lenient.targets.get("late")!.flags.map((f) => f.severity)).toEqual(["amber"]);
  });

  it("handles an empty data set", () => {
    const empty = runEngine({ reportingStart: "2026-07-01", provinces: [], centres: [], targets: [] }, TODAY);
    expect(empty).toMatchObject({ today: TODAY, flags: [] });
    expect(empty.centres.size).toBe(0);
    expect(empty.targets.size).toBe(0);
    expect(empty.flagsByProvince.size).toBe(0);
    expect(empty.completion).toEqual({ national: { centres: 0, meanPct: null, budgetWeightedPct: null }, provinces: {} });
    expect(empty.targetRollUp).toEqual({ national: { targets: 0, met: 0, onTrack: 0, atRisk: 0, red: 0, unmeasured: 0 }, provinces: {} });
  });
});

describe("runEngine: thresholds argument", () => {
  const lab = (reports: ApprovedReport[], enterpriseLed = false) => input([centre("c", { enterpriseLed, reports })]);
  const q3 = (produced: number, converted: number) => [report("2026-09-30", { period: "2026-Q3", resultsProduced: produced, resultsConverted: converted })];

  it.each([
    // [converted/produced, enterprise-led, thresholds, severity or null]
    ["6/180 = 3.3% against 20%", q3(180, 6), false, DEFAULT_THRESHOLDS, "red"],
    ["6/180 against conversion.rate 1%", q3(180, 6), false, withThresholds({ conversion: { rate: 0.01 } }), null],
    ["6/180 against conversion.rate 1/30 (3.33…%, not below)", q3(180, 6), false, withThresholds({ conversion: { rate: 6 / 180 } }), null],
    ["5/20 = 25%, not enterprise-led (20%)", q3(20, 5), false, DEFAULT_THRESHOLDS, null],
    ["5/20 = 25%, enterprise-led (30%)", q3(20, 5), true, DEFAULT_THRESHOLDS, "amber"],
    ["5/20 enterprise-led against enterpriseRate 25%", q3(20, 5), true, withThresholds({ conversion: { enterpriseRate: 0.25 } }), null],
    ["2/20 = 10% with minSample 21: insufficient", q3(20, 2), false, withThresholds({ conversion: { minSample: 21 } }), "info"],
  ] as const)("%s → %s", (_, reports, enterpriseLed, thresholds, severity) => {
    const result = runEngine(lab([...reports], enterpriseLed), TODAY, thresholds);
    expect(result.flags.map((f) => f.severity)).toEqual(severity === null ? [] : [severity]);
    expect(result.centres.get("c")!.computedLevel).toBe(severity === "red" || severity === "amber" ? severity : "green");
  });
});
