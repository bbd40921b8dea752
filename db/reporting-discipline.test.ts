import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asOfCutoff } from "@/lib/domain/as-of";
import { DEFAULT_CALENDAR, parsePeriod, type Calendar } from "@/lib/domain/periods";
import type { Actor } from "@/lib/domain/permissions";
import { reportingDiscipline } from "@/lib/domain/reporting-discipline";
import type { CentreInput } from "@/lib/validation/centre";
import { setCalendar } from "./calendars";
import { createCentre, getCentre, updateCentre } from "./centres";
import type { Db } from "./client";
import { loadReportingDiscipline } from "./reporting-discipline";
import { centres } from "./schema";
import { BLANK_UPDATE_VALUES, createTestDb, testCentreInput } from "./test-db";
import { reviewUpdate, saveUpdate } from "./updates";
import { createUser } from "./users";

const ZJ = "330000";
const AH = "340000";
const GD = "440000";
const MONTHLY: Calendar = { cadence: "monthly", dueDays: 10, graceDays: 5 };
const START = "2026-07-01";
const PERIODS = ["2026-Q3", "2026-07", "2026-08", "2026-09"];
const test = { label: "test" };

const blank = BLANK_UPDATE_VALUES;

let db: Db;
let close: () => void;
let now: string;
const ids: Record<string, string> = {};

const centreInput = (name: string, provinceCode: string, change: Partial<CentreInput> = {}) =>
  testCentreInput(name, { provinceCode, cityCode: `${provinceCode.slice(0, 2)}0100`, leadInstitution: "示例研究院（示例）", plannedBudgetYuan: 500_000_000, startDate: "2025-01-01", ...change });

// Zhejiang (quarterly, 2026-Q3 due 10-15, on time until 2026-10-15T16:00Z, overdue from 10-21):
//   A submitted 10-15 23:59 Beijing, approved 10-20 · B submitted 10-16 09:00 Beijing · C submitted 10-08,
//   returned 10-10, resubmitted 10-25 · D never · E submitted 10-05, approved 10-09, reopened 10-20 ·
//   F registered 11-01 · G started 2026-10-01 until today's edit moved its start to 2025-01-01.
// Anhui (monthly, due 10 days after the month): H submits on the 4th, approved on the 7th; I never.
// Guangdong: one centre, out of a Zhejiang reader's scope.
beforeAll(() => {
  ({ db, close } = createTestDb());
  const user = (email: string, role: Actor["role"], provinceCode: string | null): Actor => ({ id: createUser(db, { email, name: email, passwordHash: "h", role, provinceCode, locale: "zh" }, test), role, provinceCode });
  const zjStaff = user("staff@zj.cn", "staff", ZJ);
  const ahStaff = user("staff@ah.cn", "staff", AH);
  const reviewer = user("rev@nation.cn", "reviewer", null);
  setCalendar(db, AH, 0, MONTHLY, test);

  const register = (key: string, provinceCode: string, createdAt = "2026-06-30T02:00:00.000Z", change: Partial<CentreInput> = {}) => {
    ids[key] = createCentre(db, centreInput(`中心${key}`, provinceCode, change), test);
    db.update(centres).set({ createdAt }).where(eq(centres.id, ids[key]!)).run();
  };
  for (const key of ["A", "B", "C", "D", "E"]) register(key, ZJ);
  register("F", ZJ, "2026-11-01T00:00:00.000Z");
  register("G", ZJ, undefined, { startDate: "2026-10-01" });
  register("H", AH);
  register("I", AH);
  register("J", GD);

  const submit = (key: string, period: string, at: string, version = 0, actor = zjStaff) =>
    saveUpdate(db, { centreId: ids[key]!, period, version, intent: "submit", values: blank, milestones: [] }, actor, at).id;
  const review = (id: string, version: number, action: "approve" | "return" | "reopen", at: string) =>
    reviewUpdate(db, { id, version, action, reason: action === "approve" ? null : "请核对" }, reviewer, at);

  review(submit("A", "2026-Q3", "2026-10-15T15:59:00.000Z"), 1, "approve", "2026-10-20T02:00:00.000Z");
  submit("B", "2026-Q3", "2026-10-16T01:00:00.000Z");
  review(submit("C", "2026-Q3", "2026-10-08T02:00:00.000Z"), 1, "return", "2026-10-10T02:00:00.000Z");
  submit("C", "2026-Q3", "2026-10-25T02:00:00.000Z", 2);
  const e = submit("E", "2026-Q3", "2026-10-05T02:00:00.000Z");
  review(e, 1, "approve", "2026-10-09T02:00:00.000Z");
  review(e, 2, "reopen", "2026-10-20T02:00:00.000Z");
  for (const [month, next] of [["2026-07", "2026-08"], ["2026-08", "2026-09"], ["2026-09", "2026-10"]] as const) {
    review(submit("H", month, `${next}-04T02:00:00.000Z`, 0, ahStaff), 1, "approve", `${next}-07T02:00:00.000Z`);
  }
  // An edit made today (after every "as of" cutoff below): the view of an earlier day keeps the old start.
  const g = getCentre(db, ids.G!)!;
  updateCentre(db, ids.G!, g.version, centreInput("中心G", ZJ, { startDate: "2025-01-01" }), test);
  // Strictly after the edit: an event stamped exactly at a cutoff counts as after it.
  now = new Date(Date.now() + 1).toISOString();
});
afterAll(() => close());

const figures = (scope: "all" | string, today: string, cutoff: string, period = "2026-Q3") => {
  const data = loadReportingDiscipline(db, { scope, periods: PERIODS, cutoff });
  return { data, report: reportingDiscipline({ period: parsePeriod(period)!, today, cutoff, reportingStart: START, provinces: data.provinces.map(({ code, calendar }) => ({ code, calendar })), centres: data.centres }) };
};
const row = (report: ReturnType<typeof reportingDiscipline>, code: string) => report.provinces.find((p) => p.provinceCode === code)!;

describe("loadReportingDiscipline", () => {
  it("lists every province in scope with its calendar", () => {
    const { data } = figures("all", "2026-11-27", now);
    expect(data.provinces).toHaveLength(34);
    expect(data.provinces.find((p) => p.code === AH)!.calendar).toEqual(MONTHLY);
    expect(data.provinces.find((p) => p.code === ZJ)!.calendar).toEqual(DEFAULT_CALENDAR);
  });

  it("reads each update's submissions, returns and reopens from the audit log and its approvals", () => {
    const { data } = figures("all", "2026-11-27", now);
    const history = (key: string) => data.centres.find((c) => c.id === ids[key])!.updates.get("2026-Q3");
    expect(history("C")!.events).toEqual([
      { action: "submit", at: "2026-10-08T02:00:00.000Z" },
      { action: "return", at: "2026-10-10T02:00:00.000Z" },
      { action: "submit", at: "2026-10-25T02:00:00.000Z" },
    ]);
    expect(history("E")!.approvals).toEqual([{ approvedAt: "2026-10-09T02:00:00.000Z", withdrawnAt: "2026-10-20T02:00:00.000Z" }]);
    expect(history("D")).toBeUndefined();
  });

  it("keeps a province reader to that province", () => {
    const { data } = figures(ZJ, "2026-11-27", now);
    expect(data.provinces.map((p) => p.code)).toEqual([ZJ]);
    expect(new Set(data.centres.map((c) => c.provinceCode))).toEqual(new Set([ZJ]));
    expect(data.centres).toHaveLength(7);
  });
});

describe("reporting discipline from the workflow's records", () => {
  it("now: first submissions decide timeliness, returned and reopened updates are overdue", () => {
    const { report } = figures("all", "2026-11-27", now);
    expect(row(report, ZJ)).toMatchObject({ centres: 7, expected: 7, reported: 3, approved: 1, onTime: 2, overdue: 4 });
    expect(row(report, AH)).toMatchObject({ expected: 6, reported: 3, approved: 3, onTime: 3, overdue: 3, completeness: 50, timeliness: 50 });
    expect(row(report, GD)).toMatchObject({ expected: 1, reported: 0, completeness: 0, timeliness: 0 });
    expect(report.total).toMatchObject({ expected: 14, reported: 6, approved: 4, onTime: 5, overdue: 8 });
    expect(report.overdue.slice(0, 3).map((o) => [o.centreId, o.period, o.daysLate])).toEqual([
      [ids.I, "2026-07", 109],
      [ids.I, "2026-08", 78],
      [ids.I, "2026-09", 48],
    ]);
  });

  it("as of 2026-10-31: F not yet registered, G not yet expected, E's approval withdrawn, C resubmitted", () => {
    const { report, data } = figures("all", "2026-10-31", asOfCutoff("2026-10-31"));
    expect(data.centres.some((c) => c.id === ids.F)).toBe(false);
    expect(data.centres.find((c) => c.id === ids.G)!.startDate).toBe("2026-10-01");
    expect(row(report, ZJ)).toMatchObject({ centres: 6, expected: 5, reported: 3, approved: 1, onTime: 2, overdue: 2 });
    // Due 10-15, seen on 10-31: 16 days late.
    const zhejiangOverdue = report.overdue.filter((o) => o.provinceCode === ZJ);
    expect(zhejiangOverdue.map((o) => o.daysLate)).toEqual([16, 16]);
    expect(new Set(zhejiangOverdue.map((o) => o.centreId))).toEqual(new Set([ids.D, ids.E]));
  });

  it("as of the due day: A in by its last minute, B not yet, C returned, E approved; nobody overdue yet", () => {
    const { report } = figures("all", "2026-10-15", asOfCutoff("2026-10-15"));
    expect(row(report, ZJ)).toMatchObject({ expected: 5, reported: 2, approved: 1, onTime: 2, overdue: 0 });
  });
});
