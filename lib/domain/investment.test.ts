import { describe, expect, it } from "vitest";
import { executionDeviationPp, plannedShareAt } from "./investment";

describe("investment plan", () => {
  it.each([
    ["2025-12-31", 0], // before the start
    ["2026-01-01", 0],
    ["2026-07-02", 0.5], // 182 of 364 days
    ["2026-12-31", 1],
    ["2027-06-30", 1], // past completion: all of it
  ])("planned share on %s is %d", (date, share) => {
    expect(plannedShareAt("2026-01-01", "2026-12-31", date)).toBeCloseTo(share, 10);
  });

  it("computes the deviation in percentage points of the budget", () => {
    // 4.0 亿 of 10 亿 spent when 50% was planned: 10 points behind.
    expect(executionDeviationPp(400_000_000, 1_000_000_000, 0.5)).toBeCloseTo(10, 10);
    // 5.5 亿 of 10 亿: 5 points ahead.
    expect(executionDeviationPp(550_000_000, 1_000_000_000, 0.5)).toBeCloseTo(5, 10);
    expect(executionDeviationPp(1, 0, 0.5)).toBe(0);
  });
});
