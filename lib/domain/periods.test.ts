import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR, periodRefusal, addDays, daysBetween, dueDate, endedPeriods, parsePeriod, periodContaining, periodLabel, periodStanding, previousPeriod, reportingFrom } from "./periods";

describe("periods", () => {
  it.each([
    ["2026-Q1", "2026-01-01", "2026-03-31"],
    ["2026-Q3", "2026-07-01", "2026-09-30"],
    ["2026-Q4", "2026-10-01", "2026-12-31"],
    ["2024-02", "2024-02-01", "2024-02-29"], // leap year
    ["2026-02", "2026-02-01", "2026-02-28"],
    ["2026-12", "2026-12-01", "2026-12-31"],
  ])("%s runs from %s to %s", (code, start, end) => {
    expect(parsePeriod(code)).toMatchObject({ start, end });
  });

  it.each(["2026-Q0", "2026-Q5", "2026-13", "2026-00", "2026-9", "26-Q1", ""])("refuses %s", (code) => {
    expect(parsePeriod(code)).toBeUndefined();
  });

  it("finds the containing and previous periods across year ends", () => {
    expect(periodContaining("2026-11-27", "quarterly").code).toBe("2026-Q4");
    expect(periodContaining("2026-11-27", "monthly").code).toBe("2026-11");
    expect(previousPeriod(parsePeriod("2026-Q1")!).code).toBe("2025-Q4");
    expect(previousPeriod(parsePeriod("2026-01")!).code).toBe("2025-12");
  });

  it("lists ended periods newest first, back to the centre's start", () => {
    expect(endedPeriods("2026-02-15", "2026-11-27", "quarterly").map((p) => p.code)).toEqual(["2026-Q3", "2026-Q2", "2026-Q1"]);
    expect(endedPeriods("2026-09-01", "2026-11-27", "monthly").map((p) => p.code)).toEqual(["2026-10", "2026-09"]);
    expect(endedPeriods("2020-01-01", "2026-11-27", "monthly", 3)).toHaveLength(3);
  });

  it("adds and counts days", () => {
    expect(addDays("2026-09-30", 15)).toBe("2026-10-15");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-10-15", "2026-10-20")).toBe(5);
  });

  // Q3 2026 ends 09-30; due 15 days later (10-15); 5 days' grace (10-20).
  it.each([
    ["2026-09-30", undefined, "open"],
    ["2026-10-01", undefined, "due"],
    ["2026-10-15", "draft", "due"],
    ["2026-10-20", "returned", "due"],
    ["2026-10-21", undefined, "overdue"],
    ["2026-10-21", "draft", "overdue"],
    ["2026-12-01", "submitted", "submitted"],
    ["2026-12-01", "approved", "done"],
  ] as const)("on %s with update %s the standing is %s", (today, status, standing) => {
    const q3 = parsePeriod("2026-Q3")!;
    expect(dueDate(q3, DEFAULT_CALENDAR)).toBe("2026-10-15");
    expect(periodStanding(q3, DEFAULT_CALENDAR, status, today)).toBe(standing);
  });

  it.each([
    ["2026-Q3", "zh", "2026年第3季度"],
    ["2026-Q3", "en", "2026-Q3"],
    ["2026-09", "zh", "2026年9月"],
    ["2026-09", "en", "Sept 2026"],
  ] as const)("labels %s in %s as %s", (code, locale, label) => {
    expect(periodLabel(code, locale)).toBe(label);
  });
});

describe("periodRefusal", () => {
  const quarterly = DEFAULT_CALENDAR;
  it.each([
    ["2026-Q4", null],
    ["2026-Q3", null],
    ["2027-Q1", "periodInFuture"],
    ["2026-11", "wrongCadence"],
    ["2026-Q2", "beforeReportingStart"],
  ] as const)("%s → %s", (code, refusal) => {
    expect(periodRefusal(parsePeriod(code)!, quarterly, "2026-11-27", "2026-07-01")).toBe(refusal);
  });

  it("opens a period on its first day", () => {
    expect(periodRefusal(parsePeriod("2026-12")!, { ...quarterly, cadence: "monthly" }, "2026-12-01", "2026-07-01")).toBeNull();
  });
});

describe("reportingFrom", () => {
  it.each([
    ["2026-03-01", "2026-07-01", "2026-07-01"], // started before reporting began
    ["2026-09-15", "2026-07-01", "2026-09-15"], // started later
    ["2026-07-01", "2026-07-01", "2026-07-01"],
  ])("centre from %s, reporting from %s → %s", (start, reportingStart, expected) => {
    expect(reportingFrom(start, reportingStart)).toBe(expected);
  });
});
