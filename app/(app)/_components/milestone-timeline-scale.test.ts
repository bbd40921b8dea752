import { describe, expect, it } from "vitest";
import { milestoneStanding, nextQuarterStart, positionPct, quarterStart, quarterTicks, timelineDomain } from "./milestone-timeline-scale";

describe("quarterStart / nextQuarterStart", () => {
  it.each([
    ["2026-01-01", "2026-01-01", "2026-04-01"],
    ["2026-03-31", "2026-01-01", "2026-04-01"],
    ["2026-05-20", "2026-04-01", "2026-07-01"],
    ["2026-08-15", "2026-07-01", "2026-10-01"],
    ["2026-12-31", "2026-10-01", "2027-01-01"],
  ])("%s is in the quarter from %s; the next starts %s", (date, start, next) => {
    expect(quarterStart(date)).toBe(start);
    expect(nextQuarterStart(date)).toBe(next);
  });
});

describe("timelineDomain", () => {
  it("runs from the start of the earliest date's quarter to the end of the latest's", () => {
    expect(timelineDomain(["2026-08-15", "2026-03-10", "2026-11-20"])).toEqual({ from: "2026-01-01", to: "2027-01-01", days: 365 });
  });

  it("is one quarter for a single date", () => {
    // 2028 is a leap year: Q1 has 31 + 29 + 31 = 91 days
    expect(timelineDomain(["2028-02-29"])).toEqual({ from: "2028-01-01", to: "2028-04-01", days: 91 });
  });

  it("is null without dates", () => {
    expect(timelineDomain([])).toBeNull();
  });
});

describe("positionPct and quarterTicks", () => {
  const year2026 = { from: "2026-01-01", to: "2027-01-01", days: 365 };

  it.each([
    ["2026-01-01", 0],
    ["2026-07-02", 49.86], // 182 / 365 = 0.49863
    ["2027-01-01", 100],
    ["2025-12-01", 0], // before the axis: pinned to its start
    ["2027-06-01", 100],
  ])("%s sits at %s %%", (date, pct) => {
    expect(positionPct(date, year2026)).toBe(pct);
  });

  it("ticks each quarter's first day", () => {
    expect(quarterTicks(year2026)).toEqual([
      { date: "2026-01-01", year: 2026, quarter: 1, pct: 0 },
      { date: "2026-04-01", year: 2026, quarter: 2, pct: 24.66 }, // 90 / 365
      { date: "2026-07-01", year: 2026, quarter: 3, pct: 49.59 }, // 181 / 365
      { date: "2026-10-01", year: 2026, quarter: 4, pct: 74.79 }, // 273 / 365
    ]);
  });
});

describe("milestoneStanding", () => {
  const today = "2026-10-15";
  it.each([
    ["done late", { plannedDate: "2026-06-30", actualCompletionDate: "2026-08-15", progress: 100 }, { state: "done", daysLate: 46, slipTo: "2026-08-15" }],
    ["done early", { plannedDate: "2026-06-30", actualCompletionDate: "2026-06-20", progress: 100 }, { state: "done", daysLate: -10, slipTo: "2026-06-20" }],
    ["done on the day", { plannedDate: "2026-06-30", actualCompletionDate: "2026-06-30", progress: 100 }, { state: "done", daysLate: 0, slipTo: null }],
    ["100 % without a date", { plannedDate: "2026-06-30", actualCompletionDate: null, progress: 100 }, { state: "done", daysLate: null, slipTo: null }],
    ["overdue", { plannedDate: "2026-09-30", actualCompletionDate: null, progress: 60 }, { state: "overdue", daysLate: 15, slipTo: today }],
    ["due today is not yet overdue", { plannedDate: today, actualCompletionDate: null, progress: 60 }, { state: "in_progress", daysLate: 0, slipTo: null }],
    ["in progress", { plannedDate: "2026-12-31", actualCompletionDate: null, progress: 0 }, { state: "in_progress", daysLate: 0, slipTo: null }],
  ] as const)("%s", (_, milestone, expected) => {
    expect(milestoneStanding(milestone, today)).toEqual(expected);
  });
});
