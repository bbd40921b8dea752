import { describe, expect, it } from "vitest";
import type { CentreResult, TargetResult } from "./engine";
import { matchesCentreFilter, measureClass, measureValue, provinceDashboardRows, sortProvinceRows } from "./dashboard";
import type { RiskFlag } from "./risk/types";

const centre = (provinceCode: string, status: CentreResult["status"], executed: number | null, planned: number, budget: number): CentreResult => ({
  provinceCode,
  status,
  completionPct: 0,
  plannedCompletionPct: 0,
  scheduleIndex: null,
  latestReport: null,
  investmentExecutedYuan: executed,
  plannedSpendToDateYuan: planned,
  budgetYuan: budget,
  computedLevel: "green",
  flags: [],
});
const target = (provinceCode: string, progressPct: number | null, scheduleIndex: number | null) => ({ provinceCode, progressPct, scheduleIndex }) as TargetResult;
const flag = (key: string, severity: RiskFlag["severity"]) => ({ key, severity }) as RiskFlag;

const engine = {
  centres: new Map([
    ["a", centre("330000", "operational", 300, 400, 1000)],
    ["b", centre("330000", "under_construction", null, 200, 500)],
    ["c", centre("330000", "under_construction", 50, 100, 300)],
    ["d", centre("440000", "planned", null, 0, 800)],
  ]),
  targets: new Map([
    ["t1", target("330000", 120, 1.2)],
    ["t2", target("330000", 40, 0.8)],
    ["t3", target("330000", null, null)],
    ["t4", target("440000", -5, 0.5)],
  ]),
  completion: { national: { centres: 4, meanPct: 10, budgetWeightedPct: 10 }, provinces: { "330000": { centres: 3, meanPct: 55.5, budgetWeightedPct: 50 }, "440000": { centres: 1, meanPct: 0, budgetWeightedPct: 0 } } },
  targetRollUp: { national: { targets: 4, met: 1, onTrack: 1, atRisk: 2, red: 1, unmeasured: 1 }, provinces: {} },
  flagsByProvince: new Map([["330000", [flag("r1", "red"), flag("r2", "red"), flag("a1", "amber"), flag("i1", "info")]]]),
};


describe("provinceDashboardRows", () => {
  const [zj, gd, bj] = provinceDashboardRows(engine, ["330000", "440000", "110000"], (f) => f.key !== "r2");

  it("adds up investment executed against the planned spending to date", () => {
    // 300 + 0 (not reported) + 50 = 350 of 400 + 200 + 100 = 700 planned: 50.0 %.
    expect(zj!.investment).toEqual({ executedYuan: 350, plannedToDateYuan: 700, budgetYuan: 1800, executedPctOfPlanned: 50 });
    // Nothing planned yet: no percentage rather than a division by zero.
    expect(gd!.investment.executedPctOfPlanned).toBeNull();
  });

  it("counts centres by status", () => {
    expect(zj!.centresByStatus).toEqual({ planned: 0, under_construction: 2, operational: 1, suspended: 0 });
    expect(gd!.centresByStatus.planned).toBe(1);
  });

  it("averages target progress capped to 0–100 and the schedule index over measured targets", () => {
    // min(100, 120) = 100 and 40: mean 70; unmeasured t3 left out. Indices 1.2 and 0.8: mean 1.0.
    expect(zj!.targetProgressPct).toBe(70);
    expect(zj!.scheduleIndex).toBe(1);
    // -5 is capped at 0.
    expect(gd!.targetProgressPct).toBe(0);
  });

  it("counts only open red and amber flags", () => {
    expect([zj!.redFlags, zj!.amberFlags]).toEqual([1, 1]);
  });

  it("gives an empty province zeros and no figures", () => {
    expect(bj!.completion.centres).toBe(0);
    expect(bj!.targetProgressPct).toBeNull();
    expect(measureValue(bj!, "completion")).toBeNull();
    expect(measureValue(bj!, "red_flags")).toBeNull();
    expect(measureValue(zj!, "red_flags")).toBe(1);
    expect(measureValue(zj!, "completion")).toBe(55.5);
  });
});

describe("measureClass", () => {
  it("puts percentages in 20-point bands, lowest first, with each break in the upper band", () => {
    expect([0, 19.9, 20, 59.9, 60, 80, 100].map((v) => measureClass("completion", v))).toEqual([0, 0, 1, 2, 3, 4, 4]);
  });

  it("splits the schedule index at the red and amber thresholds", () => {
    expect([0.74, 0.75, 0.89, 0.9, 0.99, 1, 1.1].map((v) => measureClass("schedule_index", v))).toEqual([0, 1, 1, 2, 2, 3, 4]);
  });

  it("counts red flags 0, 1–2, 3–5, 6–9, 10 and more; no data has no class", () => {
    expect([0, 1, 2, 3, 9, 10].map((v) => measureClass("red_flags", v))).toEqual([0, 1, 1, 2, 3, 4]);
    expect(measureClass("completion", null)).toBeNull();
  });
});

describe("sortProvinceRows", () => {
  const rows = [
    { code: "3", v: 2 as number | null },
    { code: "1", v: null },
    { code: "2", v: 5 },
    { code: "4", v: 2 },
  ];
  it("orders both ways, ties by code, missing figures last either way", () => {
    expect(sortProvinceRows(rows, (r) => r.v, "asc").map((r) => r.code)).toEqual(["3", "4", "2", "1"]);
    expect(sortProvinceRows(rows, (r) => r.v, "desc").map((r) => r.code)).toEqual(["2", "3", "4", "1"]);
  });
});

describe("matchesCentreFilter", () => {
  const warnings = [{ code: "low_conversion" as const }];
  it("keeps a centre matching the status and the flag rule", () => {
    expect(matchesCentreFilter("operational", warnings, {})).toBe(true);
    expect(matchesCentreFilter("operational", warnings, { status: "operational", flag: "low_conversion" })).toBe(true);
    expect(matchesCentreFilter("operational", warnings, { flag: "any" })).toBe(true);
  });

  it("drops another status, another rule, and a centre without open flags for `any`", () => {
    expect(matchesCentreFilter("planned", warnings, { status: "operational" })).toBe(false);
    expect(matchesCentreFilter("operational", warnings, { flag: "duplicate_construction" })).toBe(false);
    expect(matchesCentreFilter("operational", [], { flag: "any" })).toBe(false);
  });
});
