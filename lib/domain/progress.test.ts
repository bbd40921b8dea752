import { describe, expect, it } from "vitest";
import {
  budgetWeightedCompletionPct,
  centreCompletionPct,
  meanCompletionPct,
  plannedProgressPct,
  plannedValueAt,
  rollUpByProvince,
  rollUpCompletion,
  rollUpTargets,
  roundHalfAway,
  SCHEDULE_THRESHOLDS,
  scheduleIndex,
  scheduleLevel,
  targetActual,
  targetMet,
  targetProgressPct,
  targetStanding,
  type CentreRollUpItem,
  type MilestoneProgress,
  type TargetSpec,
  centrePlannedCompletionPct,
  centreScheduleIndex,
} from "./progress";

/** Freezes a value and everything in it, so any mutation by the code under test throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const m = (weight: number, progress: number): MilestoneProgress => ({ weight, progress });

// 20 → 50 over 2026-01-01 … 2026-12-31 (364 days). On 2026-07-02 (day 182) 35 is planned: 15 above the baseline.
const spec: TargetSpec = { kind: "sum", baselineValue: 20, baselineDate: "2026-01-01", targetValue: 50, deadline: "2026-12-31" };
// PUE falling 1.5 → 1.25 over the same year; on 2026-07-02 1.375 is planned.
const pue: TargetSpec = { kind: "rate", baselineValue: 1.5, baselineDate: "2026-01-01", targetValue: 1.25, deadline: "2026-12-31" };
const flat: TargetSpec = { kind: "rate", baselineValue: 10, baselineDate: "2026-01-01", targetValue: 10, deadline: "2026-12-31" };

describe("roundHalfAway", () => {
  it.each([
    [1.005, 2, 1.01], // 100.49999999999999 in binary: trimmed to 100.5, then up
    [2.25, 1, 2.3],
    [-2.25, 1, -2.3], // half away from zero, not towards +∞
    [0.1 + 0.2, 1, 0.3],
    [12.3449, 1, 12.3],
    [0.8995, 3, 0.9],
    [42.5, 0, 43],
    [-42.5, 0, -43],
  ])("%d at %d decimals → %d", (value, decimals, expected) => {
    expect(roundHalfAway(value, decimals)).toBe(expected);
  });

  it("never returns −0", () => {
    expect(Object.is(roundHalfAway(-0.04, 1), 0)).toBe(true);
  });
});

describe("centreCompletionPct", () => {
  it.each([
    ["no milestones", [], 0],
    ["weighted", [m(2, 100), m(1, 40), m(1, 0)], 60], // (2×100 + 1×40 + 1×0) / 4 = 60
    ["one milestone", [m(1, 50)], 50],
    ["all done", [m(1, 100), m(3, 100)], 100],
    ["all weights 0: equal weights", [m(0, 80), m(0, 20)], 50], // (80 + 20) / 2 = 50
    ["a weight of 0 does not count", [m(0, 100), m(1, 30)], 30], // (0×100 + 1×30) / 1 = 30
    ["a negative weight counts as 0", [m(-1, 100), m(1, 30)], 30],
    ["one third", [m(1, 100), m(1, 0), m(1, 0)], 33.3], // 100 / 3 = 33.33…
    ["two thirds", [m(1, 100), m(1, 100), m(1, 0)], 66.7], // 200 / 3 = 66.66…
    ["eighths", [m(3, 10), m(5, 15)], 13.1], // (30 + 75) / 8 = 13.125
    ["half rounds up", [m(3, 1), m(1, 0)], 0.8], // 3 / 4 = 0.75
  ])("%s", (_, milestones, expected) => {
    expect(centreCompletionPct(deepFreeze(milestones))).toBe(expected);
  });
});

describe("targetActual", () => {
  it.each([
    ["count", { kind: "count", reached: [true, false, true, true] }, 3],
    ["count of none", { kind: "count", reached: [] }, 0],
    ["sum", { kind: "sum", values: [1.5, 2.25, 0] }, 3.75], // 1.5 + 2.25 + 0
    ["sum of no centres", { kind: "sum", values: [] }, 0],
    // Latest by date, whatever the order listed: 2026-06-30 → 45.
    ["rate", { kind: "rate", series: [{ date: "2026-03-31", value: 40 }, { date: "2026-06-30", value: 45 }, { date: "2025-12-31", value: 50 }] }, 45],
    ["rate, two values on one date: the last listed", { kind: "rate", series: [{ date: "2026-06-30", value: 45 }, { date: "2026-06-30", value: 47 }] }, 47],
    ["rate with no values", { kind: "rate", series: [] }, null],
  ] as const)("%s", (_, input, expected) => {
    expect(targetActual(deepFreeze(input))).toBe(expected);
  });
});

describe("targetProgressPct", () => {
  it.each([
    [0, 10, 4, 40], // 4 / 10
    [0, 10, 0, 0],
    [0, 10, 12, 120], // exceeded: shown as such, not clipped
    [0, 3, 1, 33.3], // 1 / 3
    [0, 3, 2, 66.7], // 2 / 3
    [20, 50, 35, 50], // (35 − 20) / (50 − 20) = 15 / 30
    [20, 50, 20, 0], // at the baseline
    [20, 50, 10, -33.3], // below the baseline: (10 − 20) / 30 = −33.33…, negative allowed
    [1.5, 1.25, 1.3, 80], // falling target: (1.3 − 1.5) / (1.25 − 1.5) = −0.2 / −0.25
    [1.5, 1.25, 1.6, -40], // (1.6 − 1.5) / −0.25 = −0.4
    [10, 10, 12, null], // target = baseline: no span to measure against
    [10, 10, 8, null],
    [0, 10, null, null], // no approved value yet
  ])("baseline %d, target %d, actual %d → %d%", (baselineValue, targetValue, actual, expected) => {
    expect(targetProgressPct({ baselineValue, targetValue }, actual)).toBe(expected);
  });
});

describe("targetMet", () => {
  it.each([
    [0, 10, 10, true],
    [0, 10, 9.99, false],
    [0, 10, 12, true],
    [1.5, 1.25, 1.25, true], // falling: at or below the target
    [1.5, 1.25, 1.26, false],
    [1.5, 1.25, 1.2, true],
    [10, 10, 10, true], // flat target is a floor
    [10, 10, 11, true],
    [10, 10, 9, false],
    [0, 10, null, false],
  ])("baseline %d, target %d, actual %d → %s", (baselineValue, targetValue, actual, expected) => {
    expect(targetMet({ baselineValue, targetValue }, actual)).toBe(expected);
  });
});

describe("plannedValueAt", () => {
  const linear: TargetSpec = { ...spec, baselineValue: 0, targetValue: 100 };
  it.each([
    ["2025-12-31", 0], // before the baseline date: baseline value
    ["2026-01-01", 0],
    ["2026-04-02", 25], // 91 / 364 × 100
    ["2026-07-02", 50], // 182 / 364 × 100
    ["2026-12-31", 100],
    ["2027-06-30", 100], // after the deadline: target value
  ])("linear 0 → 100 on %s is %d", (date, expected) => {
    expect(plannedValueAt(linear, date)).toBeCloseTo(expected, 10);
  });

  it("starts from the baseline value", () => {
    expect(plannedValueAt(spec, "2026-07-02")).toBeCloseTo(35, 10); // 20 + 30 × 182 / 364
    expect(plannedValueAt(pue, "2026-07-02")).toBeCloseTo(1.375, 10); // 1.5 − 0.25 × 0.5
  });

  // 0 on 2025-01-01, planned 10 on 2026-01-01 and 40 on 2027-01-01, 100 by 2028-01-01.
  const yearly: TargetSpec = {
    kind: "sum",
    baselineValue: 0,
    baselineDate: "2025-01-01",
    targetValue: 100,
    deadline: "2028-01-01",
    checkpoints: [
      { date: "2027-01-01", value: 40 },
      { date: "2026-01-01", value: 10 },
    ],
  };
  it.each([
    ["2024-06-30", 0],
    ["2025-03-15", 2], // 73 / 365 of the way from 0 to 10
    ["2026-01-01", 10],
    ["2026-03-15", 16], // 10 + 30 × 73 / 365
    ["2027-01-01", 40],
    ["2027-03-15", 52], // 40 + 60 × 73 / 365
    ["2028-01-01", 100],
  ])("with yearly checkpoints (listed out of order) on %s is %d", (date, expected) => {
    expect(plannedValueAt(deepFreeze(yearly), date)).toBeCloseTo(expected, 10);
  });

  it("ignores checkpoints outside (baseline date, deadline) and keeps the last of a repeated date", () => {
    const outside = { ...linear, checkpoints: [{ date: "2025-06-01", value: 999 }, { date: "2026-12-31", value: 5 }, { date: "2027-06-01", value: 999 }] };
    expect(plannedValueAt(outside, "2026-07-02")).toBeCloseTo(50, 10);
    const repeated = { ...yearly, checkpoints: [{ date: "2026-01-01", value: 99 }, { date: "2026-01-01", value: 10 }, { date: "2027-01-01", value: 40 }] };
    expect(plannedValueAt(repeated, "2026-01-01")).toBe(10);
  });

  it("with the deadline on the baseline date: baseline before it, target from it", () => {
    const instant = { ...linear, deadline: "2026-01-01" };
    expect(plannedValueAt(instant, "2025-12-31")).toBe(0);
    expect(plannedValueAt(instant, "2026-01-01")).toBe(100);
  });
});

describe("plannedProgressPct", () => {
  it.each([
    [spec, "2025-06-01", 0],
    [spec, "2026-04-02", 25], // (27.5 − 20) / 30; 27.5 = 20 + 30 × 91 / 364
    [spec, "2026-07-02", 50],
    [spec, "2027-01-01", 100],
    [pue, "2026-07-02", 50], // (1.375 − 1.5) / (1.25 − 1.5)
    [flat, "2026-07-02", null],
  ])("%o on %s → %d%", (target, date, expected) => {
    expect(plannedProgressPct(target, date)).toBe(expected);
  });
});

describe("scheduleIndex", () => {
  it.each([
    // On 2026-07-02, 35 planned: 15 above the baseline of 20.
    [spec, 35, "2026-07-02", 1], // 15 / 15
    [spec, 33.5, "2026-07-02", 0.9], // 13.5 / 15: on the amber threshold
    [spec, 33.485, "2026-07-02", 0.899], // 13.485 / 15: just below it
    [spec, 31.25, "2026-07-02", 0.75], // 11.25 / 15: on the red threshold
    [spec, 31.235, "2026-07-02", 0.749], // 11.235 / 15: just below it
    [spec, 30, "2026-07-02", 0.667], // 10 / 15 = 0.6666…
    [spec, 50, "2026-07-02", 2], // 30 / 15: ahead
    [spec, 20, "2026-07-02", 0],
    [spec, 17, "2026-07-02", -0.2], // −3 / 15: below the baseline
    [spec, 44, "2027-03-01", 0.8], // deadline passed: 24 / 30
    [spec, 25, "2026-01-01", null], // at the baseline date nothing is planned yet: 5 / 0
    [spec, 25, "2025-06-01", null], // before it
    [spec, null, "2026-07-02", null],
    [flat, 12, "2026-07-02", null], // target = baseline: planned − baseline is always 0
    [pue, 1.4, "2026-07-02", 0.8], // falling: (1.4 − 1.5) / (1.375 − 1.5) = −0.1 / −0.125
  ])("%o, actual %d on %s → %d", (target, actual, today, expected) => {
    expect(scheduleIndex(target, actual, today)).toBe(expected);
  });
});

describe("scheduleLevel", () => {
  it("uses the exported thresholds", () => {
    expect(SCHEDULE_THRESHOLDS).toEqual({ amberBelowIndex: 0.9, redBelowIndex: 0.75 });
  });

  it.each([
    [null, null],
    [1.2, "green"],
    [0.9, "green"], // on the amber threshold: not below it
    [0.8995, "green"], // shown as 0.900
    [0.8994, "amber"], // shown as 0.899
    [0.899, "amber"],
    [0.75, "amber"], // on the red threshold: not below it
    [0.749, "red"],
    [0, "red"],
    [-0.2, "red"],
  ] as const)("%d → %s", (index, expected) => {
    expect(scheduleLevel(index)).toBe(expected);
  });

  it.each([
    [0.95, "green"],
    [0.9, "amber"],
    [0.8, "amber"],
    [0.79, "red"],
  ] as const)("with thresholds 0.95 / 0.8, %d → %s", (index, expected) => {
    expect(scheduleLevel(index, { amberBelowIndex: 0.95, redBelowIndex: 0.8 })).toBe(expected);
  });
});

describe("targetStanding", () => {
  it.each([
    [spec, 50, "2026-07-02", "met"],
    [spec, 55, "2026-07-02", "met"],
    [spec, 35, "2026-07-02", "on_track"], // index 1
    [spec, 33.5, "2026-07-02", "on_track"], // 0.9
    [spec, 33.485, "2026-07-02", "at_risk"], // 0.899
    [spec, 31.235, "2026-07-02", "at_risk"], // 0.749
    [spec, null, "2026-07-02", "unmeasured"],
    [spec, 25, "2026-01-01", "unmeasured"], // at the baseline date
    [spec, 49, "2027-01-15", "on_track"], // deadline passed, 29 / 30 = 0.967: the index drifts back to 1
    [flat, 10, "2026-07-02", "met"],
    [flat, 9, "2026-07-02", "unmeasured"],
    [pue, 1.2, "2026-07-02", "met"],
    [pue, 1.45, "2026-07-02", "at_risk"], // −0.05 / −0.125 = 0.4
  ] as const)("%o, actual %d on %s → %s", (target, actual, today, expected) => {
    expect(targetStanding(target, actual, today)).toBe(expected);
  });
});

describe("completion roll-ups", () => {
  const a: CentreRollUpItem = { milestones: [m(1, 100), m(1, 50)], budgetYuan: 300 }; // 75%
  const b: CentreRollUpItem = { milestones: [m(1, 20)], budgetYuan: 100 }; // 20%
  const c: CentreRollUpItem = { milestones: [], budgetYuan: 0 }; // 0%

  it.each([
    ["no centres", [], null, null],
    ["one centre", [a], 75, 75],
    ["three centres", [a, b, c], 31.7, 61.3], // (75 + 20 + 0) / 3 = 31.67; (300×75 + 100×20 + 0) / 400 = 61.25
    ["all budgets 0: equal weights", [{ ...a, budgetYuan: 0 }, { ...b, budgetYuan: 0 }], 47.5, 47.5], // (75 + 20) / 2
    // Raw 0.04, 0.04 and 0.07: mean 0.05 → 0.1. Rounding each centre first would give (0 + 0 + 0.1) / 3 = 0.0.
    ["rounded once, at the end", [{ milestones: [m(1, 1), m(24, 0)], budgetYuan: 1 }, { milestones: [m(1, 1), m(24, 0)], budgetYuan: 1 }, { milestones: [m(7, 1), m(93, 0)], budgetYuan: 1 }], 0.1, 0.1],
  ])("%s", (_, items, mean, weighted) => {
    const frozen = deepFreeze(items);
    expect(meanCompletionPct(frozen)).toBe(mean);
    expect(budgetWeightedCompletionPct(frozen)).toBe(weighted);
    expect(rollUpCompletion(frozen)).toEqual({ centres: items.length, meanPct: mean, budgetWeightedPct: weighted });
  });

  it("rolls up by province and nationally over all centres", () => {
    const items = deepFreeze([
      { provinceCode: "330000", ...a },
      { provinceCode: "440000", milestones: [m(1, 60)], budgetYuan: 200 },
      { provinceCode: "330000", ...b },
    ]);
    expect(rollUpByProvince(items, rollUpCompletion, ["110000", "330000", "440000"])).toEqual({
      // (75 + 60 + 20) / 3 = 51.67, not the mean of provincial means (47.5 + 60) / 2 = 53.75;
      // (300×75 + 200×60 + 100×20) / 600 = 36500 / 600 = 60.83
      national: { centres: 3, meanPct: 51.7, budgetWeightedPct: 60.8 },
      provinces: {
        "110000": { centres: 0, meanPct: null, budgetWeightedPct: null }, // listed, no centres
        "330000": { centres: 2, meanPct: 47.5, budgetWeightedPct: 61.3 }, // (75 + 20) / 2; (22500 + 2000) / 400 = 61.25
        "440000": { centres: 1, meanPct: 60, budgetWeightedPct: 60 },
      },
    });
    expect(rollUpByProvince([], rollUpCompletion)).toEqual({ national: { centres: 0, meanPct: null, budgetWeightedPct: null }, provinces: {} });
  });
});

describe("rollUpTargets", () => {
  const today = "2026-07-02";
  // Indices on 2026-07-02: 50 met; 35 → 1; 33.5 → 0.9; 33.485 → 0.899; 31.235 → 0.749; null unmeasured.
  const items = deepFreeze([50, 35, 33.5, 33.485, 31.235, null].map((actual) => ({ spec, actual })));

  it.each([
    ["no targets", [], { targets: 0, met: 0, onTrack: 0, atRisk: 0, red: 0, unmeasured: 0 }],
    // on track = met (50) + index ≥ 0.9 (35, 33.5); at risk = 33.485, 31.235, of which red 31.235.
    ["six targets", items, { targets: 6, met: 1, onTrack: 3, atRisk: 2, red: 1, unmeasured: 1 }],
    ["a flat target reached", [{ spec: flat, actual: 10 }], { targets: 1, met: 1, onTrack: 1, atRisk: 0, red: 0, unmeasured: 0 }],
  ])("%s", (_, list, expected) => {
    expect(rollUpTargets(list, today)).toEqual(expected);
  });

  it("takes other thresholds", () => {
    // With 0.95 / 0.8: 35 (1) on track; 33.5 (0.9), 33.485 (0.899) amber; 31.235 (0.749) red.
    expect(rollUpTargets(items, today, { amberBelowIndex: 0.95, redBelowIndex: 0.8 })).toEqual({ targets: 6, met: 1, onTrack: 2, atRisk: 3, red: 1, unmeasured: 1 });
  });

  it("rolls up by province", () => {
    const tagged = items.map((item, i) => ({ ...item, provinceCode: i < 2 ? "330000" : "440000" }));
    const result = rollUpByProvince(tagged, (group) => rollUpTargets(group, today));
    expect(result.national).toEqual(rollUpTargets(items, today));
    expect(result.provinces).toEqual({
      "330000": { targets: 2, met: 1, onTrack: 2, atRisk: 0, red: 0, unmeasured: 0 }, // 50 met, 35 on track
      "440000": { targets: 4, met: 0, onTrack: 1, atRisk: 2, red: 1, unmeasured: 1 }, // 33.5 on track; 33.485, 31.235 at risk; null
    });
  });
});

describe("centrePlannedCompletionPct and centreScheduleIndex", () => {
  const m = (weight: number, plannedDate: string, progress = 0) => ({ weight, plannedDate, progress });
  it("counts the weight of milestones due on or before today, each whole", () => {
    // Weights 2 (due 2026-03-31), 3 (due today), 5 (later): (2 + 3) ÷ 10 = 50%.
    expect(centrePlannedCompletionPct([m(2, "2026-03-31"), m(3, "2026-11-27"), m(5, "2026-11-28")], "2026-11-27")).toBe(50);
    // Weights 1 and 2, only the first due: 1 ÷ 3 = 33.3%.
    expect(centrePlannedCompletionPct([m(1, "2026-01-01"), m(2, "2027-01-01")], "2026-11-27")).toBe(33.3);
    expect(centrePlannedCompletionPct([], "2026-11-27")).toBe(0);
  });

  it("divides completion by the planned share, and has no index while nothing is due", () => {
    expect(centreScheduleIndex(35, 50)).toBe(0.7);
    expect(centreScheduleIndex(55.7, 33.3)).toBe(1.673);
    expect(centreScheduleIndex(20, 0)).toBeNull();
  });
});
