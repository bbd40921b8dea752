import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { mailPage } from "./mail-page";
import { retryMail } from "./retry-mail";

let db: Db;
let close: () => void;
const ids = {} as Record<"admin" | "staff", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.admin = addUser(db, "admin@nation.cn", "admin", null);
  ids.staff = addUser(db, "staff@zj.cn", "staff", "330000");
  const message = { userId: ids.staff, toAddress: "staff@zj.cn", locale: "zh" as const, kind: "immediate" as const, subject: "催报提醒", body: "b", attempts: 8, nextAttemptAt: "2026-11-03T00:00:00.000Z", createdAt: "2026-11-03T00:00:00.000Z" };
  db.insert(mailOutbox)
    .values([
      { ...message, id: "failed", status: "failed", lastError: "550 mailbox unavailable" },
      { ...message, id: "waiting", status: "pending", attempts: 1 },
      { ...message, id: "sent", status: "sent" },
    ])
    .run();
});
afterEach(() => close());

const statusOf = (id: string) => db.select({ status: mailOutbox.status }).from(mailOutbox).where(eq(mailOutbox.id, id)).get()!.status;

describe("an administrator retries failed mail", () => {
  it("sends a failed message again, with its audit entry", async () => {
    const before = auditCount(db);
    expect(await retryMail.execute(callAs(ids.admin), { id: "failed" })).toMatchObject({ ok: true, value: { id: "failed" } });
    expect(statusOf("failed")).toBe("pending");
    expect(auditCount(db)).toBe(before + 1);
  });

  it("answers a message that is not a failed one as not found, writing nothing", async () => {
    const before = auditCount(db);
    for (const id of ["sent", "waiting", "no-such-mail"]) expect(await retryMail.execute(callAs(ids.admin), { id })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect([statusOf("sent"), statusOf("waiting")]).toEqual(["sent", "pending"]);
    expect(auditCount(db)).toBe(before);
  });

  it("refuses a member of staff with 403, logs it once and writes nothing", async () => {
    expect(await retryMail.execute(callAs(ids.staff), { id: "failed" })).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(refusalsOf(db, ids.staff).map((e) => e.reason)).toEqual(["role_staff"]);
    expect(statusOf("failed")).toBe("failed");
  });

  it("names a missing id", async () => {
    expect(await retryMail.execute(callAs(ids.admin), { id: "" })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "id" }] } });
  });
});

describe("the mail page", () => {
  it("counts the outbox by status and lists what is not sent", async () => {
    const outcome = await mailPage.execute(callAs(ids.admin, "GET"), {});
    if (!outcome.ok) throw new Error("expected the page");
    expect(outcome.value.counts).toEqual({ failed: 1, pending: 1, sent: 1 });
    expect(outcome.value.rows.map((r) => r.id).sort()).toEqual(["failed", "waiting"]);
    expect(await mailPage.execute(callAs(ids.staff, "GET"), {})).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
  });
});
