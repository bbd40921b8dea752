import { describe, expect, it } from "vitest";
import { burnUp } from "./burn-up";
import type { TargetSpec } from "./progress";

const spec: TargetSpec = { kind: "sum", baselineValue: 10, baselineDate: "2025-12-31", targetValue: 50, deadline: "2027-12-31", checkpoints: [{ date: "2026-12-31", value: 25 }] };
const series = [
  { date: "2026-06-30", value: 14 },
  { date: "2026-09-30", value: 18 },
];

describe("burnUp", () => {
  it("plans from the baseline through the checkpoints to the target at the deadline", () => {
    expect(burnUp(spec, series, { kind: "insufficient_data" }).planned).toEqual([
      { date: "2025-12-31", value: 10 },
      { date: "2026-12-31", value: 25 },
      { date: "2027-12-31", value: 50 },
    ]);
  });

  it("draws the forecast along its slope back from the target on the forecast date to the last actual date", () => {
    // 2026-09-30 → 2028-03-31 is 548 days; at 0.05 a day the line starts at 50 − 27.4 = 22.6.
    const result = burnUp(spec, series, { kind: "late", forecastDate: "2028-03-31", slopePerDay: 0.05, pointsUsed: 3, daysLate: 91 });
    expect(result.forecast).toEqual([
      { date: "2026-09-30", value: 22.6 },
      { date: "2028-03-31", value: 50 },
    ]);
    expect(result.actual).toEqual(series);
  });

  it("has no forecast line without a forecast date or without actuals", () => {
    expect(burnUp(spec, series, { kind: "not_reaching", slopePerDay: -0.1, pointsUsed: 3 }).forecast).toEqual([]);
    expect(burnUp(spec, [], { kind: "on_track", forecastDate: "2027-06-30", slopePerDay: 0.1, pointsUsed: 3 }).forecast).toEqual([]);
  });

  it("ignores checkpoints outside the baseline–deadline span", () => {
    const odd = { ...spec, checkpoints: [{ date: "2025-06-30", value: 5 }, { date: "2028-06-30", value: 60 }] };
    expect(burnUp(odd, [], { kind: "insufficient_data" }).planned.map((p) => p.date)).toEqual(["2025-12-31", "2027-12-31"]);
  });
});
