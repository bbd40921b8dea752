import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { addCentre, addUser, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { centreDetail, centreList } from "./centre-api";
import { centreExport } from "./centre-export";
import { centreEditForm, milestoneEditForm, newCentreForm, newMilestoneForm, provinceOptions } from "./centre-forms";
import { centrePage } from "./centre-page";
import { createMilestone } from "./milestone-edits";

let db: Db;
let close: () => void;
let zjCentre: string;
let gdCentre: string;
const ids = {} as Record<"staff" | "zjReviewer" | "national" | "admin", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.staff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.zjReviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  ids.national = addUser(db, "rev@nation.cn", "reviewer", null);
  ids.admin = addUser(db, "admin@nation.cn", "admin", null);
  zjCentre = addCentre(db, "杭州中心");
  gdCentre = addCentre(db, "深圳中心", "440000", "440300");
});
afterEach(() => close());

const get = (userId: string) => callAs(userId, "GET");

describe("the centre page", () => {
  it("shows a centre in scope with the controls the reader may use", async () => {
    const staff = await centrePage.execute(get(ids.staff), { id: zjCentre });
    expect(staff).toMatchObject({ ok: true, value: { registered: true, centre: { name: "杭州中心", cityName: "杭州市" }, canEdit: true, canRate: false } });
    const reviewer = await centrePage.execute(get(ids.zjReviewer), { id: zjCentre, locale: "en" });
    expect(reviewer).toMatchObject({ ok: true, value: { centre: { provinceName: "Zhejiang" }, canEdit: false, canRate: true } });
    const national = await centrePage.execute(get(ids.national), { id: gdCentre });
    expect(national).toMatchObject({ ok: true, value: { canEdit: false, canRate: true } });
  });

  it("answers another province's centre as not found and logs it once; an unknown id without a log", async () => {
    expect(await centrePage.execute(get(ids.zjReviewer), { id: gdCentre })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.zjReviewer).map((e) => [e.reason, e.target])).toEqual([["row_out_of_scope", gdCentre]]);
    expect(await centrePage.execute(get(ids.staff), { id: "nope" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.staff)).toEqual([]);
  });

  it("shows only the heading as of a day before the centre was registered", async () => {
    // The test centre is registered today, so on any past day it did not exist yet.
    const outcome = await centrePage.execute(get(ids.staff), { id: zjCentre, asOf: "2026-06-30" });
    expect(outcome).toMatchObject({ ok: true, value: { registered: false, centre: { name: "杭州中心" } } });
    expect(outcome.ok && "canEdit" in outcome.value).toBe(false);
  });
});

describe("the centre and milestone forms", () => {
  it("open for the editors of the row's province", async () => {
    expect(await centreEditForm.execute(get(ids.staff), { id: zjCentre })).toMatchObject({ ok: true, value: { centre: { name: "杭州中心", targetIds: [] } } });
    expect(await newCentreForm.execute(get(ids.staff), {})).toMatchObject({ ok: true, value: { provinceCode: "330000", provinceName: "浙江省" } });
    expect(await newCentreForm.execute(get(ids.admin), { province: "440000" })).toMatchObject({ ok: true, value: { provinceCode: "440000" } });
    expect(await newMilestoneForm.execute(get(ids.admin), { id: gdCentre })).toMatchObject({ ok: true, value: { centreId: gdCentre, centreName: "深圳中心" } });
    const milestone = await createMilestone.execute(callAs(ids.staff), { centreId: zjCentre, title: "一期", category: "planning", weight: 1, plannedDate: "2027-01-01", evidenceRequired: false });
    if (!milestone.ok) throw new Error("milestone");
    expect(await milestoneEditForm.execute(get(ids.staff), { id: milestone.value.id })).toMatchObject({ ok: true, value: { title: "一期", centreId: zjCentre } });
  });

  it("refuse reviewers (403) and answer another province's rows as not found (404)", async () => {
    expect(await centreEditForm.execute(get(ids.national), { id: zjCentre })).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(await centreEditForm.execute(get(ids.staff), { id: gdCentre })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(await newCentreForm.execute(get(ids.staff), { province: "440000" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(await newCentreForm.execute(get(ids.admin), {})).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(await newMilestoneForm.execute(get(ids.staff), { id: gdCentre })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.staff).map((e) => e.reason)).toEqual(["row_out_of_scope", "row_out_of_scope", "row_out_of_scope"]);
  });

  it("name the provinces in the reader's language", async () => {
    const outcome = await provinceOptions.execute(get(ids.admin), { locale: "en" });
    if (!outcome.ok) throw new Error("options");
    expect(outcome.value).toContainEqual({ value: "330000", label: "Zhejiang (330000)" });
  });
});

describe("the API's reads and the centre download", () => {
  it("list the reader's own scope, and answer a filter outside it as not found (404) and an unknown province as invalid (400)", async () => {
    const own = await centreList.execute(get(ids.staff), {});
    if (!own.ok) throw new Error("list");
    expect(own.value.items.map((c) => c.id)).toEqual([zjCentre]);
    expect(await centreList.execute(get(ids.staff), { province: "440000" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.staff).map((e) => e.target)).toEqual(["440000"]);
    expect(await centreList.execute(get(ids.staff), { province: "990000" })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "province", code: "provinceUnknown" }] } });
    const national = await centreList.execute(get(ids.national), { province: "440000" });
    expect(national.ok && national.value.items.map((c) => c.id)).toEqual([gdCentre]);
  });

  it("answer another province's centre as not found", async () => {
    expect(await centreDetail.execute(get(ids.staff), { id: zjCentre })).toMatchObject({ ok: true, value: { id: zjCentre, name: "杭州中心" } });
    expect(await centreDetail.execute(get(ids.staff), { id: gdCentre })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(await centreExport.execute(get(ids.admin), { id: gdCentre })).toMatchObject({ ok: true, value: { centre: { name: "深圳中心" }, provinceName: "广东省" } });
    expect(await centreExport.execute(get(ids.zjReviewer), { id: gdCentre })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.staff)).toHaveLength(1);
    expect(refusalsOf(db, ids.zjReviewer)).toHaveLength(1);
  });
});
