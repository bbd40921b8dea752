import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { BLANK_UPDATE_VALUES } from "@/db/test-db";
import { getUpdate, saveUpdate } from "@/db/updates";
import { addCentre, addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { reviewUpdate } from "./review-update";

let db: Db;
let close: () => void;
let centreId: string;
let updateId: string;
const ids = {} as Record<"staff" | "zjReviewer" | "gdReviewer" | "national" | "admin", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.staff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.zjReviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  ids.gdReviewer = addUser(db, "rev@gd.cn", "reviewer", "440000");
  ids.national = addUser(db, "rev@nation.cn", "reviewer", null);
  ids.admin = addUser(db, "admin@nation.cn", "admin", null);
  centreId = addCentre(db, "杭州测试中心");
  const staff = { id: ids.staff, role: "staff" as const, provinceCode: "330000" };
  updateId = saveUpdate(db, { centreId, period: "2026-Q3", version: 0, intent: "submit", values: { ...BLANK_UPDATE_VALUES, patentsFiled: 3 }, milestones: [] }, staff).id;
});
afterEach(() => close());

const versionNow = () => getUpdate(db, centreId, "2026-Q3")!.version;

describe("reviewing an update through the use-case layer", () => {
  it("approves for a reviewer of the centre's province, in one transaction with its audit entry", async () => {
    const before = auditCount(db);
    const outcome = await reviewUpdate.execute(callAs(ids.zjReviewer), { id: updateId, version: versionNow(), decision: "approve", reason: "" });
    expect(outcome).toMatchObject({ ok: true, value: { id: updateId, centreId, period: "2026-Q3", status: "approved", decision: "approve" } });
    expect(getUpdate(db, centreId, "2026-Q3")!.status).toBe("approved");
    expect(auditCount(db)).toBe(before + 1);
  });

  it("finds the update by centre and period as the API names it", async () => {
    const outcome = await reviewUpdate.execute(callAs(ids.national), { centreId, period: "2026-Q3", version: versionNow(), decision: "return", reason: "请补充佐证" });
    expect(outcome).toMatchObject({ ok: true, value: { status: "returned" } });
  });

  it("refuses a role that never reviews with 403 before reading the input, and logs it once", async () => {
    const outcome = await reviewUpdate.execute(callAs(ids.admin), { nonsense: true });
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(refusalsOf(db, ids.admin).map((e) => e.reason)).toEqual(["role_admin"]);
  });

  it("answers another province's reviewer as if the update did not exist, and logs it once", async () => {
    const before = auditCount(db);
    const outcome = await reviewUpdate.execute(callAs(ids.gdReviewer), { id: updateId, version: versionNow(), decision: "approve", reason: "" });
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.gdReviewer).map((e) => [e.reason, e.target])).toEqual([["row_out_of_scope", updateId]]);
    expect(getUpdate(db, centreId, "2026-Q3")!.status).toBe("submitted");
    expect(auditCount(db)).toBe(before);
  });

  it("answers an unknown update and an unknown centre as not found, without a security event", async () => {
    expect(await reviewUpdate.execute(callAs(ids.zjReviewer), { id: "nope", version: 1, decision: "approve", reason: "" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(await reviewUpdate.execute(callAs(ids.zjReviewer), { centreId: "nope", period: "2026-Q3", version: 1, decision: "approve", reason: "" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.zjReviewer)).toEqual([]);
  });

  it("names each invalid field", async () => {
    const outcome = await reviewUpdate.execute(callAs(ids.zjReviewer), { id: updateId, version: 0, decision: "publish", reason: "" });
    expect(outcome.ok).toBe(false);
    if (outcome.ok || outcome.refusal.kind !== "invalid") throw new Error("expected invalid");
    expect(outcome.refusal.fields.map((f) => f.path).sort()).toEqual(["decision", "version"]);
  });

  it("refuses a stale version with the stored one, and a return without a reason at its field", async () => {
    const stale = await reviewUpdate.execute(callAs(ids.zjReviewer), { id: updateId, version: versionNow() + 5, decision: "approve", reason: "" });
    expect(stale).toMatchObject({ ok: false, refusal: { kind: "conflict", version: versionNow() } });
    const noReason = await reviewUpdate.execute(callAs(ids.zjReviewer), { id: updateId, version: versionNow(), decision: "return", reason: "" });
    expect(noReason).toMatchObject({ ok: false, refusal: { kind: "refused", messageKey: "reasonRequired", field: "reason" } });
  });

  it("refuses a period without an update as not started", async () => {
    const outcome = await reviewUpdate.execute(callAs(ids.zjReviewer), { centreId, period: "2026-Q2", version: 1, decision: "approve", reason: "" });
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: "refused", messageKey: "notStarted" } });
  });

  it("treats a deactivated or unknown account as signed out", async () => {
    expect(await reviewUpdate.execute(callAs("no-such-user"), {})).toMatchObject({ ok: false, refusal: { kind: "unauthenticated" } });
  });
});
