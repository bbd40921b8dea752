import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { BLANK_UPDATE_VALUES } from "@/db/test-db";
import { listNotifications } from "@/db/notifications";
import { saveUpdate } from "@/db/updates";
import { myReporting } from "../reporting/my-reporting";
import { markRead } from "../notifications/mark-read";
import { notificationsPage } from "../notifications/notifications-page";
import { reviewQueue } from "../reviews/review-queue";
import { addCentre, addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { updatePage } from "./update-page";

let db: Db;
let close: () => void;
let zjCentre: string;
let gdCentre: string;
const ids = {} as Record<"staff" | "gdStaff" | "zjReviewer" | "gdReviewer" | "national", string>;
const submitted = { ...BLANK_UPDATE_VALUES, investmentExecutedYuan: 1000, narrative: "按计划推进，算力平台一期完成部署。" };

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.staff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.gdStaff = addUser(db, "staff@gd.cn", "staff", "440000");
  ids.zjReviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  ids.gdReviewer = addUser(db, "rev@gd.cn", "reviewer", "440000");
  ids.national = addUser(db, "rev@nation.cn", "reviewer", null);
  zjCentre = addCentre(db, "杭州测试中心");
  gdCentre = addCentre(db, "广州测试中心", "440000", "440100");
  const staff = (id: string, provinceCode: string) => ({ id, role: "staff" as const, provinceCode });
  saveUpdate(db, { centreId: zjCentre, period: "2026-Q4", version: 0, intent: "submit", values: submitted, milestones: [] }, staff(ids.staff, "330000"));
  saveUpdate(db, { centreId: gdCentre, period: "2026-Q4", version: 0, intent: "submit", values: submitted, milestones: [] }, staff(ids.gdStaff, "440000"));
});
afterEach(() => close());

describe("the update page", () => {
  it("shows a reviewer of the province the review form, and its author none", async () => {
    const forReviewer = await updatePage.execute(callAs(ids.zjReviewer, "GET"), { centreId: zjCentre, period: "2026-Q4" });
    expect(forReviewer).toMatchObject({ ok: true, value: { centre: { name: "杭州测试中心" }, update: { status: "submitted" }, canEdit: false, canReview: true, canApprove: true, canReopen: false, names: { submittedBy: "staff@zj.cn" } } });
    const forAuthor = await updatePage.execute(callAs(ids.staff, "GET"), { centreId: zjCentre, period: "2026-Q4" });
    expect(forAuthor).toMatchObject({ ok: true, value: { canEdit: false, canReview: false } });
  });

  it("answers another province's reader as not found, logged once; a period that is none as not found", async () => {
    expect(await updatePage.execute(callAs(ids.gdReviewer, "GET"), { centreId: zjCentre, period: "2026-Q4" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.gdReviewer).map((e) => [e.reason, e.target])).toEqual([["row_out_of_scope", `${zjCentre}/2026-Q4`]]);
    expect(await updatePage.execute(callAs(ids.staff, "GET"), { centreId: zjCentre, period: "2026-Q9" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
  });
});

describe("the review queue and the reporting overview", () => {
  it("lists only the reviewer's own scope; a national reviewer sees both", async () => {
    const zj = await reviewQueue.execute(callAs(ids.zjReviewer, "GET"), {});
    expect(zj.ok && zj.value.items.map((i) => [i.centreName, i.province?.nameZh])).toEqual([["杭州测试中心", "浙江省"]]);
    const national = await reviewQueue.execute(callAs(ids.national, "GET"), {});
    expect(national.ok && national.value.items.map((i) => i.centreName).sort()).toEqual(["广州测试中心", "杭州测试中心"]);
    expect(await reviewQueue.execute(callAs(ids.staff, "GET"), {})).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
  });

  it("shows staff only their province's centres, with the current period in review", async () => {
    const outcome = await myReporting.execute(callAs(ids.staff, "GET"), {});
    if (!outcome.ok) throw new Error("refused");
    expect(outcome.value.centres.map((c) => c.name)).toEqual(["杭州测试中心"]);
    expect(outcome.value.centres[0]!.periods[0]).toEqual({ code: "2026-Q4", standing: "submitted" });
    expect(outcome.value.mine).toEqual([]);
  });
});

describe("notifications", () => {
  it("lists the reader's own and marks them read, audited once; nothing unread writes nothing", async () => {
    const page = await notificationsPage.execute(callAs(ids.zjReviewer, "GET"), {});
    expect(page.ok && page.value.items.map((n) => [n.kind, n.centreName])).toEqual([["submitted", "杭州测试中心"]]);
    expect(page.ok && page.value.anyUnread).toBe(true);
    const before = auditCount(db);
    expect(await markRead.execute(callAs(ids.zjReviewer), {})).toMatchObject({ ok: true, value: { notifications: 1, reminders: 0 } });
    expect(listNotifications(db, ids.zjReviewer).every((n) => n.readAt)).toBe(true);
    expect(listNotifications(db, ids.national).some((n) => !n.readAt)).toBe(true);
    expect(await markRead.execute(callAs(ids.zjReviewer), {})).toMatchObject({ ok: true, value: { notifications: 0 } });
    expect(auditCount(db)).toBe(before + 1);
  });

  it("treats an unknown account as signed out", async () => {
    expect(await markRead.execute(callAs("nobody"), {})).toMatchObject({ ok: false, refusal: { kind: "unauthenticated" } });
  });
});
