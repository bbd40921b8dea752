import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { BLANK_UPDATE_VALUES } from "@/db/test-db";
import * as notifications from "@/db/notifications";
import { getUpdate } from "@/db/updates";
import { addCentre, addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { saveUpdate } from "./save-update";
import { submitUpdate } from "./submit-update";

vi.mock("@/db/notifications", async (original) => {
  const real = await original<typeof import("@/db/notifications")>();
  return { ...real, notify: vi.fn(real.notify) };
});

let db: Db;
let close: () => void;
let centreId: string;
const PERIOD = "2026-Q4";
const ids = {} as Record<"staff" | "gdStaff" | "reviewer" | "admin", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.staff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.gdStaff = addUser(db, "staff@gd.cn", "staff", "440000");
  ids.reviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  ids.admin = addUser(db, "admin@nation.cn", "admin", null);
  centreId = addCentre(db, "杭州测试中心");
});
afterEach(() => {
  vi.mocked(notifications.notify).mockReset();
  close();
});

const draft = (change: Record<string, unknown> = {}) => ({ ...BLANK_UPDATE_VALUES, centreId, period: PERIOD, version: 0, intent: "save", milestones: [], ...change });

describe("saving an update", () => {
  it("saves a first draft for the province's staff, with its audit entry", async () => {
    const before = auditCount(db);
    const outcome = await saveUpdate.execute(callAs(ids.staff), draft({ patentsFiled: 2 }));
    expect(outcome).toMatchObject({ ok: true, value: { centreId, period: PERIOD, status: "draft", version: 1, intent: "save" } });
    expect(getUpdate(db, centreId, PERIOD)).toMatchObject({ patentsFiled: 2, status: "draft" });
    expect(auditCount(db)).toBe(before + 1);
  });

  it("refuses a reviewer with 403 before reading the input", async () => {
    expect(await saveUpdate.execute(callAs(ids.reviewer), {})).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(refusalsOf(db, ids.reviewer).map((e) => e.reason)).toEqual(["role_reviewer"]);
  });

  it("answers another province's staff as not found, logs it once and writes nothing", async () => {
    const before = auditCount(db);
    expect(await saveUpdate.execute(callAs(ids.gdStaff), draft())).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.gdStaff).map((e) => [e.reason, e.target])).toEqual([["row_out_of_scope", `${centreId}/${PERIOD}`]]);
    expect(getUpdate(db, centreId, PERIOD)).toBeUndefined();
    expect(auditCount(db)).toBe(before);
  });

  it("names invalid fields, refuses a non-object under indicators, and refuses a non-period at its field (the API answers it 404)", async () => {
    const invalid = await saveUpdate.execute(callAs(ids.staff), draft({ patentsFiled: -1, indicators: "x" }));
    if (invalid.ok || invalid.refusal.kind !== "invalid") throw new Error("expected invalid");
    expect(invalid.refusal.fields.map((f) => f.path).sort()).toEqual(["indicators", "patentsFiled"]);
    expect(await saveUpdate.execute(callAs(ids.staff), draft({ period: "2026-Q9" }))).toMatchObject({ ok: false, refusal: { kind: "refused", messageKey: "invalidPeriod", field: "period" } });
  });

  it("refuses a stale version with the stored one", async () => {
    await saveUpdate.execute(callAs(ids.staff), draft());
    expect(await saveUpdate.execute(callAs(ids.staff), draft({ version: 7 }))).toMatchObject({ ok: false, refusal: { kind: "conflict", version: 1 } });
  });

  it("saves, submits and notifies in one transaction: a failing notification leaves nothing behind", async () => {
    const before = auditCount(db);
    vi.mocked(notifications.notify).mockImplementationOnce(() => {
      throw new Error("injected failure");
    });
    await expect(saveUpdate.execute(callAs(ids.staff), draft({ intent: "submit", investmentExecutedYuan: 1000, narrative: "按计划推进，算力平台一期完成部署。" }))).rejects.toThrow("injected failure");
    expect(getUpdate(db, centreId, PERIOD)).toBeUndefined();
    expect(auditCount(db)).toBe(before);
  });
});

describe("submitting the saved draft", () => {
  it("submits the stored figures, audited, and notifies the province's reviewer", async () => {
    await saveUpdate.execute(callAs(ids.staff), draft({ patentsFiled: 4, investmentExecutedYuan: 1000, narrative: "按计划推进，算力平台一期完成部署。" }));
    const before = auditCount(db);
    const outcome = await submitUpdate.execute(callAs(ids.staff), { centreId, period: PERIOD, version: 1 });
    expect(outcome).toMatchObject({ ok: true, value: { status: "submitted", version: 2 } });
    expect(auditCount(db)).toBe(before + 2); // the save of the stored figures and the submit
    expect(notifications.listNotifications(db, ids.reviewer).map((n) => n.kind)).toEqual(["submitted"]);
  });

  it("refuses a period without a draft as not started, and another province's staff as not found", async () => {
    expect(await submitUpdate.execute(callAs(ids.staff), { centreId, period: PERIOD, version: 1 })).toMatchObject({ ok: false, refusal: { kind: "refused", messageKey: "notStarted" } });
    expect(await submitUpdate.execute(callAs(ids.gdStaff), { centreId, period: PERIOD, version: 1 })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.gdStaff)).toHaveLength(1);
    expect(await submitUpdate.execute(callAs(ids.reviewer), { centreId, period: PERIOD, version: 1 })).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(await submitUpdate.execute(callAs(ids.staff), { centreId, period: PERIOD, version: "one" })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "version" }] } });
  });
});
