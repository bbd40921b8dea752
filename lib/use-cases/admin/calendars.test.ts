import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getCalendarSetting } from "@/db/calendars";
import { addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { calendarForm } from "./calendar-form";
import { calendarsPage } from "./calendars-page";
import { updateCalendar } from "./update-calendar";

let db: Db;
let close: () => void;
const ids = {} as Record<"admin" | "reviewer", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.admin = addUser(db, "admin@nation.cn", "admin", null);
  ids.reviewer = addUser(db, "rev@nation.cn", "reviewer", null);
});
afterEach(() => close());

const monthly = (version: string) => ({ provinceCode: "330000", version, cadence: "monthly", dueDays: "10", graceDays: "5" });

describe("an administrator sets a province's reporting calendar", () => {
  it("stores the first one over the default, then edits it, each with its audit entry", async () => {
    const before = auditCount(db);
    expect(await updateCalendar.execute(callAs(ids.admin), monthly("0"))).toMatchObject({ ok: true, value: { provinceCode: "330000" } });
    expect(getCalendarSetting(db, "330000")).toEqual({ cadence: "monthly", dueDays: 10, graceDays: 5, version: 1, isDefault: false });
    expect(await updateCalendar.execute(callAs(ids.admin), { ...monthly("1"), graceDays: "7" })).toMatchObject({ ok: true });
    expect(getCalendarSetting(db, "330000").graceDays).toBe(7);
    expect(auditCount(db)).toBe(before + 2);
  });

  it("refuses a stale version with the stored calendar, for the form to show", async () => {
    await updateCalendar.execute(callAs(ids.admin), monthly("0"));
    expect(await updateCalendar.execute(callAs(ids.admin), { ...monthly("0"), cadence: "quarterly" })).toMatchObject({
      ok: false,
      refusal: { kind: "conflict", current: { cadence: "monthly", dueDays: "10", graceDays: "5" } },
    });
  });

  it("refuses a reviewer with 403, logs it once and writes nothing", async () => {
    const before = auditCount(db);
    expect(await updateCalendar.execute(callAs(ids.reviewer), monthly("0"))).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(refusalsOf(db, ids.reviewer).map((e) => e.reason)).toEqual(["role_reviewer"]);
    expect(getCalendarSetting(db, "330000").isDefault).toBe(true);
    expect(auditCount(db)).toBe(before);
  });

  it("names each invalid field, and answers a code that is no province as not found", async () => {
    const invalid = await updateCalendar.execute(callAs(ids.admin), { ...monthly("0"), cadence: "weekly", dueDays: "91" });
    if (invalid.ok || invalid.refusal.kind !== "invalid") throw new Error("expected invalid");
    expect(invalid.refusal.fields.map((f) => f.path).sort()).toEqual(["cadence", "dueDays"]);
    expect(await updateCalendar.execute(callAs(ids.admin), { ...monthly("0"), provinceCode: "990000" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
  });
});

describe("the calendar pages", () => {
  it("list all 34 divisions with the default where none is stored, and open one by its code", async () => {
    await updateCalendar.execute(callAs(ids.admin), monthly("0"));
    const list = await calendarsPage.execute(callAs(ids.admin, "GET"), {});
    if (!list.ok) throw new Error("expected the list");
    expect(list.value.calendars).toHaveLength(34);
    expect(list.value.calendars.find((c) => c.code === "330000")).toMatchObject({ cadence: "monthly", isDefault: false });
    expect(list.value.calendars.find((c) => c.code === "440000")).toMatchObject({ isDefault: true });
    expect(await calendarForm.execute(callAs(ids.admin, "GET"), { code: "330000" })).toMatchObject({ ok: true, value: { province: { code: "330000", nameZh: "浙江省" }, calendar: { version: 1 } } });
  });

  it("answer an unknown code as not found, and other roles with 403", async () => {
    expect(await calendarForm.execute(callAs(ids.admin, "GET"), { code: "990000" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(await calendarsPage.execute(callAs(ids.reviewer, "GET"), {})).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
  });
});
