import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR, type Calendar } from "../periods";
import { checkStaleReporting, expectedPeriodCodes, type ReportingInput } from "./stale-reporting";
import { DEFAULT_THRESHOLDS } from "./thresholds";

// Default calendar: quarterly, due 15 days after the quarter, 5 days' grace.
// 2026-Q3 ends 09-30, is due 10-15 and overdue from 10-21; 2026-Q2 is due 07-15, overdue from 07-21.
const base: ReportingInput = {
  centreId: "c1",
  calendar: DEFAULT_CALENDAR,
  reportingStart: "2026-04-01",
  expectedPeriods: [],
  approvedPeriods: [],
};

describe("stale_reporting", () => {
  it.each([
    // [expected, approved, reportingStart, today, severity, missed, oldest days overdue]
    [["2026-Q3"], [], "2026-04-01", "2026-10-20", null, 0, null], // last day of grace
    [["2026-Q3"], [], "2026-04-01", "2026-10-21", "amber", 1, 6], // 10-15 → 10-21
    [["2026-Q3", "2026-Q2"], [], "2026-04-01", "2026-10-21", "red", 2, 98], // 07-15 → 10-21: 16 + 31 + 30 + 21
    [["2026-Q3", "2026-Q2"], ["2026-Q2"], "2026-04-01", "2026-10-21", "amber", 1, 6],
    [["2026-Q3", "2026-Q2"], [], "2026-07-01", "2026-10-21", "amber", 1, 6], // Q2 ended before reporting began
    [["2026-Q3", "2026-Q2"], ["2026-Q3", "2026-Q2"], "2026-04-01", "2027-01-01", null, 0, null],
    [["2026-Q3", "2026-Q3", "not-a-period"], [], "2026-04-01", "2026-10-21", "amber", 1, 6], // duplicates and junk ignored
    [[], [], "2026-04-01", "2027-01-01", null, 0, null],
  ] as const)("expected %j, approved %j, start %s, on %s → %s", (expected, approved, reportingStart, today, severity, missed, days) => {
    const flags = checkStaleReporting({ ...base, expectedPeriods: expected, approvedPeriods: approved, reportingStart }, today);
    expect(flags.map((f) => f.severity)).toEqual(severity === null ? [] : [severity]);
    if (severity !== null) expect(flags[0]!.values).toMatchObject({ missedCount: missed, oldestDaysOverdue: days });
  });

  it("follows a monthly calendar with no grace", () => {
    const calendar: Calendar = { cadence: "monthly", dueDays: 10, graceDays: 0 };
    // 2026-09 ends 09-30, due 10-10: overdue from 10-11.
    const input = { ...base, calendar, expectedPeriods: ["2026-09"], approvedPeriods: new Set<string>() };
    expect(checkStaleReporting(input, "2026-10-10")).toEqual([]);
    expect(checkStaleReporting(input, "2026-10-11")[0]!.values).toMatchObject({ oldestPeriod: "2026-09", oldestDaysOverdue: 1 });
  });

  it("states the missed periods and the oldest one's delay", () => {
    const [flag] = checkStaleReporting({ ...base, expectedPeriods: ["2026-Q3", "2026-Q2"] }, "2026-10-21");
    expect(flag).toMatchObject({
      key: "stale_reporting|c1",
      values: { missedPeriods: "2026-Q2,2026-Q3", oldestPeriod: "2026-Q2", oldestDueDate: "2026-07-15", graceDays: 5 },
    });
    expect(flag!.explanation.zh).toBe(
      "2 个报告期（2026年第2季度、2026年第3季度）已过截止日期及 5 天宽限期仍无审核通过的更新，最早的2026年第2季度自截止日期 2026-07-15 起已逾期 98 天。",
    );
    expect(flag!.explanation.en).toBe(
      "2 reporting periods have no approved update past the due date and 5 days' grace (2026-Q2, 2026-Q3); the oldest, 2026-Q2, is 98 days past its due date of 2026-07-15.",
    );
  });

  it("uses an edited threshold table", () => {
    const thresholds = { ...DEFAULT_THRESHOLDS, stale: { redMissedPeriods: 3 } };
    expect(checkStaleReporting({ ...base, expectedPeriods: ["2026-Q3", "2026-Q2"] }, "2026-10-21", thresholds)[0]!.severity).toBe("amber");
  });

  it("derives expected periods from a start date", () => {
    expect(expectedPeriodCodes("2026-05-10", "2026-11-27", "quarterly")).toEqual(["2026-Q3", "2026-Q2"]);
    expect(expectedPeriodCodes("2027-01-01", "2026-11-27", "quarterly")).toEqual([]);
  });
});
