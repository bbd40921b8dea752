import { describe, expect, it } from "vitest";
import { checkIdleButExpanding, type ComputeCentreInput, type ComputeReading } from "./idle-compute";
import { DEFAULT_THRESHOLDS } from "./thresholds";

const reading = (period: string, utilizationPercent: number | null): ComputeReading => ({ period, utilizationPercent });
const idle = (u: [number | null, number | null], over: Partial<ComputeCentreInput> = {}): ComputeCentreInput => ({
  id: "idle",
  cityCode: "440100",
  status: "operational",
  focusTags: ["compute_infrastructure", "large_models"],
  recentCompute: [reading("2026-Q3", u[0]), reading("2026-Q2", u[1])],
  ...over,
});
const expanding = (over: Partial<ComputeCentreInput> = {}): ComputeCentreInput => ({
  id: "new",
  cityCode: "440100",
  status: "under_construction",
  focusTags: ["compute_infrastructure"],
  ...over,
});
const run = (centres: ComputeCentreInput[]) => checkIdleButExpanding(centres, DEFAULT_THRESHOLDS);

describe("duplicate_construction: idle but expanding", () => {
  it.each([
    // [utilization % latest, previous, severity]
    [25, 28, "red"],
    [29.9, 29.9, "red"],
    [30, 28, "amber"], // 30% is not below 30%: that period is only amber
    [49.9, 20, "amber"],
    [50, 20, null], // 50% is not idle: the two periods are not both idle
    [49.9, 49.9, "amber"],
    [60, 60, null],
    [null, 20, null], // nothing reported for the latest period
    [20, null, null],
  ] as const)("utilization %s/%s → %s", (u1, u2, severity) => {
    const flags = run([idle([u1, u2]), expanding()]);
    expect(flags.map((f) => f.severity)).toEqual(severity === null ? [] : [severity]);
  });

  it("needs two approved periods", () => {
    expect(run([idle([10, 10], { recentCompute: [reading("2026-Q3", 10)] }), expanding()])).toEqual([]);
    expect(run([idle([10, 10], { recentCompute: [] }), expanding()])).toEqual([]);
  });

  it.each([
    ["another city", expanding({ cityCode: "440300" })],
    ["not a compute project", expanding({ focusTags: ["large_models"] })],
    ["already operational", expanding({ status: "operational" })],
    ["suspended", expanding({ status: "suspended" })],
  ] as const)("ignores an expanding project in %s", (_label, other) => {
    expect(run([idle([10, 10]), other])).toEqual([]);
  });

  it("requires the idle centre to be a compute centre, and never pairs a centre with itself", () => {
    expect(run([idle([10, 10], { focusTags: ["large_models"] }), expanding()])).toEqual([]);
    expect(run([idle([10, 10], { status: "under_construction" })])).toEqual([]);
  });

  it("flags each expanding project once, planned ones too, and keeps the worse of a pair met twice", () => {
    const flags = run([idle([10, 10]), expanding({ id: "p1", status: "planned" }), expanding({ id: "p2" })]);
    expect(flags.map((f) => f.key)).toEqual(["duplicate_construction|idle,p1|idle_expanding", "duplicate_construction|idle,p2|idle_expanding"]);
    // Both under construction and both reporting low use: one pair, the worse severity.
    const both = run([
      idle([10, 10], { id: "x", status: "under_construction" }),
      idle([40, 40], { id: "y", status: "under_construction" }),
    ]);
    expect(both.map((f) => [f.key, f.severity])).toEqual([["duplicate_construction|x,y|idle_expanding", "red"]]);
  });

  it("states an amber finding with the amber bound", () => {
    const [flag] = run([idle([45, 30]), expanding()]);
    expect(flag!.values.utilizationBelowPercent).toBe(50);
    expect(flag!.explanation.en).toContain("were all below 50% utilization,");
  });

  it("states the periods, figures and the expanding project", () => {
    const [flag] = run([idle([25, 28]), expanding()]);
    expect(flag).toMatchObject({
      subject: { kind: "centre_pair", ids: ["idle", "new"] },
      values: {
        rule: "idle_expanding",
        idleCentreId: "idle",
        expandingCentreId: "new",
        expandingStatus: "under_construction",
        periods: "2026-Q3,2026-Q2",
        utilizationPercents: "25,28",
        utilizationBelowPercent: 30,
      },
    });
    expect(Object.keys(flag!.values)).not.toContain("occupancyPercents");
    expect(flag!.explanation.zh).toBe(
      "智算中心最近 2 个已审核期（2026-Q3 利用率 25.0%；2026-Q2 利用率 28.0%）均低于利用率 30% 的阈值，而同城广州市（440100）另一智算项目在建。",
    );
    expect(flag!.explanation.en).toBe(
      "The compute centre's last 2 approved periods (2026-Q3 utilization 25.0%; 2026-Q2 utilization 28.0%) were all below 30% utilization, while another compute project in the same city, 广州市 (440100), is under construction.",
    );
  });
});
