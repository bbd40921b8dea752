import { describe, expect, it } from "vitest";
import { candidatePeriods, DEFAULT_REMINDER_RULES, dueReminders, isForPerson, MAIL_RECENT_DAYS, periodStages, redFlagChanges, type Person, type ReminderInput } from "./reminders";
import { daysBetween, parsePeriod, type Calendar } from "./periods";

const quarterly: Calendar = { cadence: "quarterly", dueDays: 15, graceDays: 5 };
const q3 = parsePeriod("2026-Q3")!;

// 2026-Q3 ends 09-30: due 10-15 (30 + 15), last grace day 10-20, first overdue day 10-21. Thresholds count
// from the end of grace; the days overdue shown count from the due date (as on the discipline page).
describe("periodStages (N = 3, M = 7, K = 14)", () => {
  it.each([
    ["2026-10-11", undefined, []],
    ["2026-10-12", undefined, [["due_soon", { dueDate: "2026-10-15", daysLeft: 3 }]]],
    ["2026-10-14", "draft", [["due_soon", { dueDate: "2026-10-15", daysLeft: 1 }]]],
    ["2026-10-15", undefined, [["due_today", { dueDate: "2026-10-15" }]]],
    ["2026-10-20", "returned", [["due_today", { dueDate: "2026-10-15" }]]],
    ["2026-10-21", undefined, [["overdue", { dueDate: "2026-10-15", daysOverdue: 6 }]]],
    ["2026-10-26", undefined, [["overdue", { dueDate: "2026-10-15", daysOverdue: 11 }]]],
    [
      "2026-10-27",
      undefined,
      [
        ["overdue", { dueDate: "2026-10-15", daysOverdue: 12 }],
        ["escalation_province", { dueDate: "2026-10-15", daysOverdue: 12 }],
      ],
    ],
    [
      "2026-11-03",
      "draft",
      [
        ["overdue", { dueDate: "2026-10-15", daysOverdue: 19 }],
        ["escalation_province", { dueDate: "2026-10-15", daysOverdue: 19 }],
        ["escalation_national", { dueDate: "2026-10-15", daysOverdue: 19 }],
      ],
    ],
    ["2026-11-03", "submitted", []],
    ["2026-11-03", "approved", []],
  ] as const)("on %s with update %s", (today, status, expected) => {
    const stages = periodStages(q3, quarterly, status, today, DEFAULT_REMINDER_RULES);
    expect(stages.map((s) => [s.category, s.params])).toEqual(expected);
  });

  it("follows configured thresholds", () => {
    const rules = { daysBefore: 0, escalateProvinceDays: 1, escalateNationalDays: 2, returnedEveryDays: 1, overdueWindowDays: 2 };
    expect(periodStages(q3, quarterly, undefined, "2026-10-14", rules)).toEqual([]);
    expect(periodStages(q3, quarterly, undefined, "2026-10-22", rules).map((s) => s.category)).toEqual(["overdue", "escalation_province", "escalation_national"]);
    expect(periodStages(q3, quarterly, undefined, "2026-10-23", rules)).toEqual([]); // 3 days overdue, past the window
  });
});

describe("periodStages: when each stage was reached, and the overdue window", () => {
  it("dates each stage from the calendar, not from the day of the run", () => {
    const stages = periodStages(q3, quarterly, undefined, "2026-11-04", DEFAULT_REMINDER_RULES);
    // Last grace day 10-20: overdue from 10-21, M = 7 on 10-27, K = 14 on 11-03.
    expect(stages.map((s) => [s.category, s.reachedOn])).toEqual([
      ["overdue", "2026-10-21"],
      ["escalation_province", "2026-10-27"],
      ["escalation_national", "2026-11-03"],
    ]);
    expect(periodStages(q3, quarterly, undefined, "2026-10-13", DEFAULT_REMINDER_RULES)[0]!.reachedOn).toBe("2026-10-12");
  });

  it("stops overdue stages 60 days after the end of grace (the default window)", () => {
    expect(periodStages(q3, quarterly, undefined, "2026-12-19", DEFAULT_REMINDER_RULES)).toHaveLength(3); // 60 days overdue
    expect(periodStages(q3, quarterly, undefined, "2026-12-20", DEFAULT_REMINDER_RULES)).toEqual([]); // 61
    expect(periodStages(q3, quarterly, undefined, "2026-11-11", { ...DEFAULT_REMINDER_RULES, overdueWindowDays: 21 })).toEqual([]); // 22
  });

  it("does not escalate every past month after a province switches from quarterly to monthly", () => {
    const people: Person[] = [
      { id: "s", role: "staff", provinceCode: "330000" },
      { id: "r", role: "reviewer", provinceCode: "330000" },
      { id: "n", role: "reviewer", provinceCode: null },
    ];
    const centres = [{ id: "c1", provinceCode: "330000", startDate: "2026-01-01", updates: new Map([["2026-Q3", "approved" as const]]) }];
    const base = { today: "2026-11-27", reportingStart: "2026-07-01", centres, returned: [], turnedRed: [], people };
    expect(dueReminders({ ...base, calendarOf: () => quarterly })).toEqual([]);
    const monthly = dueReminders({ ...base, calendarOf: () => ({ cadence: "monthly", dueDays: 15, graceDays: 5 }) });
    // October (last grace day 11-20) is 7 days overdue, September (10-20) 38; July and August are past the 60-day window.
    expect(monthly.map((r) => `${r.userId} ${r.eventKey}`)).toEqual([
      "s overdue|c1|2026-10",
      "r escalation_province|c1|2026-10",
      "s overdue|c1|2026-09",
      "r escalation_province|c1|2026-09",
      "n escalation_national|c1|2026-09",
    ]);
    // Only a stage reached in the last MAIL_RECENT_DAYS is mailed: October's provincial escalation, reached today.
    expect(monthly.filter((r) => daysBetween(r.reachedOn, "2026-11-27") <= MAIL_RECENT_DAYS).map((r) => r.eventKey)).toEqual(["escalation_province|c1|2026-10"]);
  });
});

describe("isForPerson", () => {
  it.each([
    [{ role: "staff", provinceCode: "330000" }, "overdue", "330000", true],
    [{ role: "staff", provinceCode: "440000" }, "overdue", "330000", false],
    [{ role: "reviewer", provinceCode: "330000" }, "overdue", "330000", false],
    [{ role: "staff", provinceCode: "330000" }, "returned", "330000", true],
    [{ role: "reviewer", provinceCode: "330000" }, "escalation_province", "330000", true],
    [{ role: "reviewer", provinceCode: "440000" }, "flag_red", "330000", false],
    [{ role: "reviewer", provinceCode: null }, "escalation_national", "330000", true],
    [{ role: "reviewer", provinceCode: "330000" }, "escalation_national", "330000", false],
    [{ role: "admin", provinceCode: null }, "escalation_national", "330000", false],
    [{ role: "staff", provinceCode: "330000" }, "flag_red", null, false],
  ] as const)("%o, %s about %s: %s", (person, category, province, expected) => {
    expect(isForPerson(person, category, province)).toBe(expected);
  });
});

describe("candidatePeriods", () => {
  const monthlyDueAtEnd: Calendar = { cadence: "monthly", dueDays: 0, graceDays: 0 };
  it("includes the running period, so a due date inside it can be announced", () => {
    expect(candidatePeriods({ startDate: "2026-01-01" }, monthlyDueAtEnd, "2026-09-27", "2026-07-01").map((p) => p.code)).toEqual(["2026-09", "2026-08", "2026-07"]);
  });
  it("starts at the later of the centre's start and the reporting start", () => {
    expect(candidatePeriods({ startDate: "2026-10-05" }, quarterly, "2026-11-01", "2026-07-01").map((p) => p.code)).toEqual(["2026-Q4"]);
  });
});

const people: Person[] = [
  { id: "staff-zj", role: "staff", provinceCode: "330000" },
  { id: "staff-gd", role: "staff", provinceCode: "440000" },
  { id: "rev-zj", role: "reviewer", provinceCode: "330000" },
  { id: "rev-gd", role: "reviewer", provinceCode: "440000" },
  { id: "rev-national", role: "reviewer", provinceCode: null },
  { id: "admin", role: "admin", provinceCode: null },
];

function input(today: string, change: Partial<ReminderInput> = {}): ReminderInput {
  return {
    today,
    reportingStart: "2026-07-01",
    calendarOf: () => quarterly,
    centres: [{ id: "c1", provinceCode: "330000", startDate: "2026-01-01", updates: new Map() }],
    returned: [],
    turnedRed: [],
    people,
    ...change,
  };
}

const summary = (today: string, change: Partial<ReminderInput> = {}) => dueReminders(input(today, change)).map((r) => `${r.userId} ${r.eventKey}`);

describe("dueReminders", () => {
  it("reminds the province's staff before the due date, and nobody else", () => {
    expect(summary("2026-10-12")).toEqual(["staff-zj due_soon|c1|2026-Q3"]);
  });

  it("escalates to the province's reviewers after M days and to national reviewers after K", () => {
    expect(summary("2026-11-03")).toEqual([
      "staff-zj overdue|c1|2026-Q3",
      "rev-zj escalation_province|c1|2026-Q3",
      "rev-national escalation_national|c1|2026-Q3",
    ]);
  });

  it("sends nothing for a submitted update", () => {
    expect(summary("2026-11-03", { centres: [{ id: "c1", provinceCode: "330000", startDate: "2026-01-01", updates: new Map([["2026-Q3", "submitted"]]) }] })).toEqual([]);
  });

  // Returned at 2026-10-20T17:00Z = 01:00 on 10-21 in Beijing; reminders every 3 days from then.
  const returned = [{ updateId: "u1", centreId: "c1", provinceCode: "330000", period: "2026-Q3", submittedBy: "staff-zj", returnedAt: "2026-10-20T17:00:00.000Z" }];
  const centresDone = [{ id: "c1", provinceCode: "330000", startDate: "2026-01-01", updates: new Map([["2026-Q3", "approved" as const]]) }];
  it.each([
    ["2026-10-23", []],
    ["2026-10-24", ["staff-zj returned|u1|2026-10-20T17:00:00.000Z|1"]],
    ["2026-10-26", ["staff-zj returned|u1|2026-10-20T17:00:00.000Z|1"]],
    ["2026-10-27", ["staff-zj returned|u1|2026-10-20T17:00:00.000Z|2"]],
  ])("reminds the submitter of a returned update on %s", (today, expected) => {
    expect(summary(today, { centres: centresDone, returned })).toEqual(expected);
  });

  it("does not remind a submitter whose account is inactive", () => {
    expect(summary("2026-10-27", { centres: centresDone, returned, people: people.filter((p) => p.id !== "staff-zj") })).toEqual([]);
  });

  it("tells the province's reviewers of a flag that turned red", () => {
    const flag = { key: "low_conversion|c9", provinceCode: "440000", code: "low_conversion", subject: { zh: "深圳中心", en: "深圳中心" }, explanation: { zh: "转化率低", en: "Low conversion" } };
    const reminders = dueReminders(input("2026-10-11", { turnedRed: [flag] }));
    expect(reminders.map((r) => `${r.userId} ${r.eventKey}`)).toEqual(["rev-gd flag_red|low_conversion|c9|2026-10-11"]);
    expect(reminders[0]!.params).toEqual({ provinceCode: "440000", code: "low_conversion", subjectZh: "深圳中心", subjectEn: "深圳中心", explanationZh: "转化率低", explanationEn: "Low conversion" });
  });
});

describe("redFlagChanges", () => {
  it("reports new red flags and forgets those no longer red", () => {
    const flag = (key: string) => ({ key, provinceCode: "330000", code: "stale_reporting", subject: { zh: "", en: "" }, explanation: { zh: "", en: "" } });
    expect(redFlagChanges([flag("a"), flag("b")], new Set(["b", "c"]))).toEqual({ turnedRed: [flag("a")], cleared: ["c"] });
  });
});
