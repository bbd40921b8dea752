import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/test-db";
import { auditLog, sessions, users } from "@/db/schema";
import { createSession, findSessionUser } from "@/db/sessions";
import { createUser } from "@/db/users";
import type { Db } from "@/db/client";
import { FieldErrors } from "@/lib/domain/errors";
import { changePassword } from "./change-password";
import { hashPassword, verifyPassword } from "./password";

// The default idle timeout: these tests are about other endings.
const IDLE = { idleMs: 30 * 60_000 };

let db: Db;
let close: () => void;
beforeEach(() => ({ db, close } = createTestDb()));
afterEach(() => close());

const OLD = "old horse battery";
const NEW = "new staple battery";
const HOUR = 3_600_000;

async function setUp() {
  const userId = createUser(db, { email: "staff@example.cn", name: "填报员", passwordHash: await hashPassword(OLD), role: "staff", provinceCode: "330000", locale: "zh" }, { label: "test" });
  const here = createSession(db, userId, HOUR);
  const elsewhere = createSession(db, userId, HOUR);
  const hashOf = () => db.select({ h: users.passwordHash }).from(users).where(eq(users.id, userId)).get()!.h;
  return { userId, here, elsewhere, hashOf };
}

describe("changePassword", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const { userId, here, elsewhere, hashOf } = await setUp();
    const before = hashOf();
    const auditCount = db.select().from(auditLog).all().length;
    const attempt = changePassword(db, userId, here, { currentPassword: "not the password", newPassword: NEW, confirmPassword: NEW });
    await expect(attempt).rejects.toBeInstanceOf(FieldErrors);
    await expect(attempt).rejects.toMatchObject({ keys: { currentPassword: "currentPasswordWrong" } });
    expect(hashOf()).toBe(before);
    expect(findSessionUser(db, elsewhere, IDLE)?.id).toBe(userId);
    expect(db.select().from(auditLog).all()).toHaveLength(auditCount);
  });

  it("saves the new hash, keeps this session, ends the others, and audits without secrets", async () => {
    const { userId, here, elsewhere, hashOf } = await setUp();
    const before = hashOf();
    await changePassword(db, userId, here, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW });
    expect(await verifyPassword(hashOf(), NEW)).toBe(true);
    expect(await verifyPassword(hashOf(), OLD)).toBe(false);
    expect(findSessionUser(db, here, IDLE)?.id).toBe(userId);
    expect(findSessionUser(db, elsewhere, IDLE)).toBeUndefined();
    expect(db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)).all()).toEqual([{ id: here }]);

    const entry = db.select().from(auditLog).where(eq(auditLog.entityId, userId)).all().at(-1)!;
    expect(entry.actorId).toBe(userId);
    const text = JSON.stringify(entry);
    for (const secret of [OLD, NEW, before, hashOf(), "argon2"]) expect(text).not.toContain(secret);
  });

  it("leaves another user's sessions alone", async () => {
    const { userId, here } = await setUp();
    const otherId = createUser(db, { email: "other@example.cn", name: "另一位", passwordHash: "h", role: "staff", provinceCode: "330000", locale: "zh" }, { label: "test" });
    const otherSession = createSession(db, otherId, HOUR);
    await changePassword(db, userId, here, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW });
    expect(findSessionUser(db, otherSession, IDLE)?.id).toBe(otherId);
  });
});
