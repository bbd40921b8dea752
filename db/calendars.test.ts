import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "@/lib/domain/errors";
import { DEFAULT_CALENDAR } from "@/lib/domain/periods";
import { createTestDb } from "./test-db";
import { auditLog, reportingCalendars } from "./schema";
import { getCalendar, getCalendarSetting, listCalendars, setCalendar } from "./calendars";
import type { Db } from "./client";

let db: Db;
let close: () => void;
beforeEach(() => ({ db, close } = createTestDb()));
afterEach(() => close());

const actor = { label: "test" };
const monthly = { cadence: "monthly" as const, dueDays: 10, graceDays: 3 };
const auditOf = (code: string) => db.select().from(auditLog).where(eq(auditLog.entity, "reporting_calendar")).all().filter((a) => a.entityId === code);

describe("reporting calendars", () => {
  it("gives the default calendar to a province without one", () => {
    expect(getCalendar(db, "330000")).toEqual(DEFAULT_CALENDAR);
    expect(getCalendarSetting(db, "330000")).toEqual({ ...DEFAULT_CALENDAR, version: 0, isDefault: true });
    const all = listCalendars(db);
    expect(all).toHaveLength(34);
    expect(all.map((c) => c.code)).toEqual([...all.map((c) => c.code)].sort());
    expect(all[0]).toMatchObject({ code: "110000", nameZh: "北京市", ...DEFAULT_CALENDAR, version: 0, isDefault: true });
  });

  it("creates a calendar from version 0 and audits it", () => {
    setCalendar(db, "330000", 0, monthly, actor);
    expect(getCalendar(db, "330000")).toEqual(monthly);
    expect(listCalendars(db).find((c) => c.code === "330000")).toMatchObject({ ...monthly, version: 1, isDefault: false });
    expect(listCalendars(db).find((c) => c.code === "440000")).toMatchObject({ isDefault: true });
    const [entry] = auditOf("330000");
    expect(entry).toMatchObject({ actorLabel: "test", action: "create", before: null, after: { ...monthly, version: 1 } });
  });

  it("updates with the version read and records before and after", () => {
    setCalendar(db, "330000", 0, monthly, actor);
    setCalendar(db, "330000", 1, { cadence: "quarterly", dueDays: 20, graceDays: 0 }, actor);
    expect(getCalendarSetting(db, "330000")).toEqual({ cadence: "quarterly", dueDays: 20, graceDays: 0, version: 2, isDefault: false });
    const entries = auditOf("330000");
    expect(entries.map((e) => e.action)).toEqual(["create", "update"]);
    expect(entries[1]).toMatchObject({ before: { ...monthly, version: 1 }, after: { cadence: "quarterly", dueDays: 20, graceDays: 0, version: 2 } });
  });

  // Each case: how many saves happened before, then the version the stale form still carries.
  it.each([
    ["a stale version", 2, 1],
    ["a second first save", 1, 0],
    ["a version from the future", 1, 5],
  ])("refuses %s and changes nothing", (_name, saves, staleVersion) => {
    for (let v = 0; v < saves; v++) setCalendar(db, "330000", v, { ...monthly, dueDays: 10 + v }, actor);
    const rowBefore = db.select().from(reportingCalendars).all();
    const auditBefore = db.select().from(auditLog).all().length;
    expect(() => setCalendar(db, "330000", staleVersion, { cadence: "quarterly", dueDays: 1, graceDays: 1 }, actor)).toThrow(ConflictError);
    expect(db.select().from(reportingCalendars).all()).toEqual(rowBefore);
    expect(db.select().from(auditLog).all()).toHaveLength(auditBefore);
  });

  it("refuses a non-zero version while no calendar is stored, with the stored values for the form", () => {
    try {
      setCalendar(db, "330000", 1, monthly, actor);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).current).toEqual({ cadence: "quarterly", dueDays: "15", graceDays: "5" });
    }
    expect(db.select().from(reportingCalendars).all()).toHaveLength(0);
  });

  it("refuses an unknown province", () => {
    expect(() => setCalendar(db, "990000", 0, monthly, actor)).toThrow(NotFoundError);
    expect(db.select().from(auditLog).where(eq(auditLog.entity, "reporting_calendar")).all()).toHaveLength(0);
  });
});
