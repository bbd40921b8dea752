import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR, parsePeriod, type Calendar } from "./periods";
import {
  countedPeriods,
  defaultDisciplinePeriod,
  disciplinePeriodChoices,
  periodChoiceRefusal,
  reportingDiscipline,
  statusAsOf,
  type DisciplineCentre,
  type DisciplineInput,
  type UpdateHistory,
} from "./reporting-discipline";

// Times are UTC; Beijing is UTC+8, so a Beijing day D ends at (D)T16:00:00.000Z.
// Default calendar: 2026-Q3 ends 09-30, is due 10-15 (on time until 2026-10-15T16:00Z), overdue from 10-21.
// Monthly calendar below: due 10 days after the month, 5 days' grace (07 due 08-10, 08 due 09-10, 09 due 10-10).
const MONTHLY: Calendar = { cadence: "monthly", dueDays: 10, graceDays: 5 };
const START = "2026-07-01";
const ZJ = "330000";
const AH = "340000";
const BJ = "110000";

const submit = (at: string) => ({ action: "submit" as const, at });
const back = (at: string) => ({ action: "return" as const, at });
const reopen = (at: string) => ({ action: "reopen" as const, at });
const approval = (approvedAt: string, withdrawnAt: string | null = null) => ({ approvedAt, withdrawnAt });

describe("statusAsOf", () => {
  const history: UpdateHistory = {
    // Out of order on purpose: the rule sorts by time.
    events: [submit("2026-10-25T02:00:00.000Z"), submit("2026-10-08T02:00:00.000Z"), back("2026-10-10T02:00:00.000Z")],
    approvals: [approval("2026-10-28T02:00:00.000Z", "2026-11-05T02:00:00.000Z")],
  };
  it.each([
    ["2026-10-08T02:00:00.000Z", "none", null], // exactly at the submission: not yet before it
    ["2026-10-09T00:00:00.000Z", "submitted", "2026-10-08T02:00:00.000Z"],
    ["2026-10-11T00:00:00.000Z", "none", "2026-10-08T02:00:00.000Z"], // returned; the first submission is kept
    ["2026-10-26T00:00:00.000Z", "submitted", "2026-10-08T02:00:00.000Z"], // resubmitted
    ["2026-10-28T02:00:00.000Z", "submitted", "2026-10-08T02:00:00.000Z"], // approval made at the cutoff: not yet
    ["2026-11-01T00:00:00.000Z", "approved", "2026-10-08T02:00:00.000Z"],
    ["2026-11-05T02:00:00.000Z", "approved", "2026-10-08T02:00:00.000Z"], // withdrawn at the cutoff: still stood
  ] as const)("before %s: %s, first submitted %s", (cutoff, status, first) => {
    expect(statusAsOf(history, cutoff)).toEqual({ status, firstSubmittedAt: first });
  });

  it("an approval withdrawn by a reopen leaves the update neither approved nor submitted", () => {
    const reopened = { events: [...history.events, reopen("2026-11-05T02:00:00.000Z")], approvals: history.approvals };
    expect(statusAsOf(reopened, "2026-11-06T00:00:00.000Z").status).toBe("none");
  });

  it("without an update nothing was submitted", () => {
    expect(statusAsOf(undefined, "2027-01-01T00:00:00.000Z")).toEqual({ status: "none", firstSubmittedAt: null });
  });
});

describe("the period choice", () => {
  it.each([
    ["2026-Q3", "monthly", ["2026-07", "2026-08", "2026-09"]],
    ["2026-Q4", "monthly", ["2026-10", "2026-11", "2026-12"]],
    ["2026-Q3", "quarterly", ["2026-Q3"]],
    ["2026-09", "monthly", ["2026-09"]],
    ["2026-09", "quarterly", []], // nothing is due from a quarterly province in a month
  ] as const)("%s counts a %s province over %j", (chosen, cadence, codes) => {
    expect(countedPeriods(parsePeriod(chosen)!, cadence).map((p) => p.code)).toEqual(codes);
  });

  it.each([
    ["2026-11-27", ["2026-Q3"], ["2026-10", "2026-09", "2026-08", "2026-07"], "2026-Q3"],
    ["2026-08-15", [], ["2026-07"], "2026-07"], // no quarter has ended yet: the latest month
    ["2026-07-15", [], [], undefined],
  ] as const)("on %s offers quarters %j and months %j, %s by default", (today, quarters, months, chosen) => {
    const choices = disciplinePeriodChoices(START, today);
    expect(choices).toEqual({ quarters, months });
    expect(defaultDisciplinePeriod(choices)).toBe(chosen);
  });

  it.each([
    ["2026-Q3", null],
    ["2026-10", null],
    ["2026-Q5", "periodUnknown"],
    ["2026-9", "periodUnknown"],
    ["Q3", "periodUnknown"],
    ["2026-Q4", "periodNotEnded"],
    ["2026-11", "periodNotEnded"],
    ["2026-Q2", "periodBeforeReporting"],
  ] as const)("on 2026-11-27, %s → %s", (code, refusal) => {
    expect(periodChoiceRefusal(code, "2026-11-27", START)).toBe(refusal);
  });

  it("a month is not over on its last day", () => {
    expect(periodChoiceRefusal("2026-10", "2026-10-31", START)).toBe("periodNotEnded");
    expect(periodChoiceRefusal("2026-10", "2026-11-01", START)).toBeNull();
  });
});

const centre = (id: string, provinceCode: string, updates: Record<string, UpdateHistory> = {}, startDate = "2025-01-01"): DisciplineCentre => ({
  id,
  provinceCode,
  startDate,
  updates: new Map(Object.entries(updates)),
});

// Zhejiang, quarterly, 2026-Q3 (due 10-15):
//   a submitted in the last millisecond of the due day, approved 10-20: on time, approved
//   b submitted in the first millisecond after the due day: reported, late
//   c submitted 10-08, returned 10-10, resubmitted 10-25: reported, on time (first submission)
//   d never: overdue
//   e submitted 10-08, returned 10-12, not resubmitted: not reported, overdue
//   f started 2026-10-01, after the quarter: not expected
//   g submitted 10-05, approved 10-09, reopened 10-20: not reported now, overdue
// Anhui, monthly, 2026-Q3 counts July, August, September:
//   h submits each month on the 4th and is approved on the 7th; i never reports.
// Beijing has no centres.
const centres: DisciplineCentre[] = [
  centre("a", ZJ, { "2026-Q3": { events: [submit("2026-10-15T15:59:59.999Z")], approvals: [approval("2026-10-20T02:00:00.000Z")] } }),
  centre("b", ZJ, { "2026-Q3": { events: [submit("2026-10-15T16:00:00.000Z")], approvals: [] } }),
  centre("c", ZJ, { "2026-Q3": { events: [submit("2026-10-08T02:00:00.000Z"), back("2026-10-10T02:00:00.000Z"), submit("2026-10-25T02:00:00.000Z")], approvals: [] } }),
  centre("d", ZJ),
  centre("e", ZJ, { "2026-Q3": { events: [submit("2026-10-08T02:00:00.000Z"), back("2026-10-12T02:00:00.000Z")], approvals: [] } }),
  centre("f", ZJ, {}, "2026-10-01"),
  centre("g", ZJ, { "2026-Q3": { events: [submit("2026-10-05T02:00:00.000Z"), reopen("2026-10-20T02:00:00.000Z")], approvals: [approval("2026-10-09T02:00:00.000Z", "2026-10-20T02:00:00.000Z")] } }),
  centre("h", AH, {
    "2026-07": { events: [submit("2026-08-04T02:00:00.000Z")], approvals: [approval("2026-08-07T02:00:00.000Z")] },
    "2026-08": { events: [submit("2026-09-04T02:00:00.000Z")], approvals: [approval("2026-09-07T02:00:00.000Z")] },
    "2026-09": { events: [submit("2026-10-04T02:00:00.000Z")], approvals: [approval("2026-10-07T02:00:00.000Z")] },
  }),
  centre("i", AH),
];

const input = (today: string, cutoff: string, period = "2026-Q3"): DisciplineInput => ({
  period: parsePeriod(period)!,
  today,
  cutoff,
  reportingStart: START,
  provinces: [
    { code: BJ, calendar: DEFAULT_CALENDAR },
    { code: ZJ, calendar: DEFAULT_CALENDAR },
    { code: AH, calendar: MONTHLY },
  ],
  centres,
});

const row = (report: ReturnType<typeof reportingDiscipline>, code: string) => report.provinces.find((p) => p.provinceCode === code)!;

describe("reportingDiscipline", () => {
  const now = reportingDiscipline(input("2026-11-27", "2026-11-27T09:00:00.000Z"));

  it("counts expected, reported, approved, on time and overdue per province", () => {
    expect(row(now, ZJ)).toMatchObject({ centres: 7, periods: ["2026-Q3"], expected: 6, reported: 3, approved: 1, onTime: 2, overdue: 3, completeness: 50 });
    expect(row(now, ZJ).timeliness).toBeCloseTo(100 / 3, 10);
    expect(row(now, AH)).toMatchObject({ periods: ["2026-07", "2026-08", "2026-09"], expected: 6, reported: 3, approved: 3, onTime: 3, overdue: 3, completeness: 50, timeliness: 50 });
  });

  it("shows a province with nothing expected as no rate, not NaN", () => {
    expect(row(now, BJ)).toMatchObject({ centres: 0, expected: 0, completeness: null, timeliness: null });
  });

  it("adds the provinces into a national total over the expected updates", () => {
    expect(now.total).toMatchObject({ expected: 12, reported: 6, approved: 4, onTime: 5, overdue: 6, completeness: 50 });
    expect(now.total.timeliness).toBeCloseTo((5 / 12) * 100, 10);
  });

  it("lists overdue centres by days late since the due date, most first", () => {
    expect(now.overdue.map((o) => [o.centreId, o.period, o.dueDate, o.daysLate])).toEqual([
      ["i", "2026-07", "2026-08-10", 109], // 21 + 30 + 31 + 27
      ["i", "2026-08", "2026-09-10", 78],
      ["i", "2026-09", "2026-10-10", 48],
      ["d", "2026-Q3", "2026-10-15", 43], // 16 + 27
      ["e", "2026-Q3", "2026-10-15", 43],
      ["g", "2026-Q3", "2026-10-15", 43],
    ]);
  });

  it("as of the due day counts only what had happened by its end", () => {
    const then = reportingDiscipline(input("2026-10-15", "2026-10-15T16:00:00.000Z"));
    // a submitted (not yet approved), g approved (not yet reopened); b, c, e not standing; nobody overdue yet.
    expect(row(then, ZJ)).toMatchObject({ expected: 6, reported: 2, approved: 1, onTime: 2, overdue: 0 });
    // i: July overdue (66 days), August overdue (35), September still in its grace (due 10-10, overdue from 10-16).
    expect(row(then, AH)).toMatchObject({ expected: 6, reported: 3, overdue: 2 });
    expect(then.overdue.map((o) => [o.period, o.daysLate])).toEqual([
      ["2026-07", 66],
      ["2026-08", 35],
    ]);
  });

  it("before the quarter ended expects nothing of it; monthly provinces only the months ended", () => {
    const then = reportingDiscipline(input("2026-09-30", "2026-09-30T16:00:00.000Z"));
    expect(row(then, ZJ)).toMatchObject({ expected: 0, completeness: null, timeliness: null });
    expect(row(then, AH)).toMatchObject({ expected: 4, reported: 2, onTime: 2 });
  });

  it("a chosen month counts monthly provinces only", () => {
    const september = reportingDiscipline(input("2026-11-27", "2026-11-27T09:00:00.000Z", "2026-09"));
    expect(row(september, ZJ)).toMatchObject({ periods: [], expected: 0, completeness: null });
    expect(row(september, AH)).toMatchObject({ periods: ["2026-09"], expected: 2, reported: 1, completeness: 50 });
    expect(september.total).toMatchObject({ expected: 2, reported: 1 });
  });

  it("expects nothing for a period that ended before reporting began", () => {
    expect(reportingDiscipline(input("2026-11-27", "2026-11-27T09:00:00.000Z", "2026-Q2")).total).toMatchObject({ expected: 0, completeness: null });
  });

  it.each([
    ["2026-10-14T16:00:00.000Z", 1], // 00:00 on the due day in Beijing
    ["2026-10-15T15:59:59.999Z", 1], // 23:59:59.999 on the due day
    ["2026-10-15T16:00:00.000Z", 0], // the next day
    ["2026-10-16T02:00:00.000Z", 0],
  ] as const)("a submission at %s is on time: %i", (at, onTime) => {
    const one = { ...input("2026-11-27", "2026-11-27T09:00:00.000Z"), centres: [centre("x", ZJ, { "2026-Q3": { events: [submit(at)], approvals: [] } })] };
    expect(row(reportingDiscipline(one), ZJ)).toMatchObject({ expected: 1, reported: 1, onTime });
  });
});
