import { describe, expect, it } from "vitest";
import { runEngine, type EngineCentre, type EngineInput, type EngineTarget } from "./engine";
import { combinePartitions, mergeSortedFlags, replacePartitions, runPartition, splitByProvince } from "./engine-partition";
import { DEFAULT_CALENDAR } from "./periods";

const ZJ = "330000";
const GD = "440000";
const TODAY = "2026-11-27";

function centre(id: string, provinceCode: string, budget: number, progress: number): EngineCentre {
  return {
    id,
    provinceCode,
    cityCode: provinceCode === ZJ ? "330100" : "440100",
    status: "under_construction",
    focusTags: [],
    leadInstitution: `牵头单位 ${id}`,
    leadCreditCode: null,
    plannedBudgetYuan: budget,
    startDate: "2026-01-01",
    plannedCompletionDate: "2029-12-31",
    enterpriseLed: false,
    milestones: [{ id: `m-${id}`, title: "里程碑", weight: 1, progress, plannedDate: "2027-12-31" }],
    reports: [],
    expectedPeriods: [],
  };
}

// Zhejiang's target is measured by nothing (unmeasured); Guangdong's counts operational centres and is
// met: baseline 9 + its one operational centre = 10 of 10.
const target = (id: string, provinceCode: string, measured: boolean): EngineTarget => ({
  id,
  provinceCode,
  unit: "个",
  measure: measured ? "centres_operational" : null,
  centreIds: measured ? ["c"] : [],
  spec: { kind: "count", baselineValue: 9, baselineDate: "2026-01-01", targetValue: 10, deadline: "2027-12-31" },
});

const input: EngineInput = {
  reportingStart: "2026-07-01",
  provinces: [ZJ, GD].map((code) => ({ code, calendar: DEFAULT_CALENDAR })),
  centres: [centre("a", ZJ, 100, 50), centre("b", ZJ, 300, 100), { ...centre("c", GD, 100, 20), status: "operational" }],
  targets: [target("t1", ZJ, false), target("t2", GD, true)],
};

const combined = () => combinePartitions([...splitByProvince(input)].map(([code, part]) => runPartition(code, part, TODAY)), TODAY);

describe("combinePartitions: national figures from the provinces' partial sums", () => {
  it("gives the national means over all centres, not the mean of the provinces' means", () => {
    const { completion } = combined();
    // Zhejiang: (50 + 100) ÷ 2 = 75; budget-weighted (100·50 + 300·100) ÷ 400 = 87.5. Guangdong: 20 and 20.
    expect(completion.provinces).toEqual({ [ZJ]: { centres: 2, meanPct: 75, budgetWeightedPct: 87.5 }, [GD]: { centres: 1, meanPct: 20, budgetWeightedPct: 20 } });
    // (50 + 100 + 20) ÷ 3 = 56.67 → 56.7 (the provinces' means would give 47.5);
    // (5,000 + 30,000 + 2,000) ÷ 500 = 74.
    expect(completion.national).toEqual({ centres: 3, meanPct: 56.7, budgetWeightedPct: 74 });
  });

  it("adds the provinces' target counts", () => {
    expect(combined().targetRollUp.national).toEqual({ targets: 2, met: 1, onTrack: 1, atRisk: 0, red: 0, unmeasured: 1 });
  });

  it("uses equal weights nationally when every budget is 0, as the full pass does", () => {
    const zero: EngineInput = { ...input, centres: input.centres.map((c) => ({ ...c, plannedBudgetYuan: 0 })) };
    const parts = [...splitByProvince(zero)].map(([code, part]) => runPartition(code, part, TODAY));
    expect(combinePartitions(parts, TODAY).completion.national).toEqual({ centres: 3, meanPct: 56.7, budgetWeightedPct: 56.7 });
  });

  it("equals the full pass: centres, targets, flags in the same order, roll-ups", () => {
    expect(combined()).toEqual(runEngine(input, TODAY));
    expect(combined().flags.map((f) => f.key)).toEqual(runEngine(input, TODAY).flags.map((f) => f.key));
  });
});

describe("replacePartitions: one province rebuilt into the combined result", () => {
  it("equals combining every partition afresh, roll-ups and flag order included", () => {
    const parts = new Map([...splitByProvince(input)].map(([code, part]) => [code, runPartition(code, part, TODAY)]));
    const previous = combinePartitions([...parts.values()], TODAY);
    // Guangdong's centre reports progress 80 instead of 20: (50 + 100 + 80) ÷ 3 = 76.7.
    const changed: EngineInput = { ...input, centres: input.centres.map((c) => (c.id === "c" ? { ...c, milestones: [{ ...c.milestones[0]!, progress: 80 }] } : c)) };
    const after = runPartition(GD, splitByProvince(changed).get(GD)!, TODAY);
    const all = [parts.get(ZJ)!, after];
    const replaced = replacePartitions(previous, [{ before: parts.get(GD), after }], all);
    expect(replaced).toEqual(combinePartitions(all, TODAY));
    expect(replaced.completion.national.meanPct).toBe(76.7);
    expect(replaced.flags.map((f) => f.key)).toEqual(runEngine(changed, TODAY).flags.map((f) => f.key));
  });
});

describe("mergeSortedFlags", () => {
  it("merges sorted lists as a sort of their union would order them", () => {
    const flags = runEngine({ ...input, centres: input.centres.map((c) => ({ ...c, focusTags: ["large_models"] as const, expectedPeriods: undefined })) }, TODAY).flags;
    expect(flags.length).toBeGreaterThan(2);
    const odd = flags.filter((_, i) => i % 2 === 1);
    const even = flags.filter((_, i) => i % 2 === 0);
    expect(mergeSortedFlags([odd, [], even])).toEqual(flags);
    expect(mergeSortedFlags([])).toEqual([]);
  });
});
