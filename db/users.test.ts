import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, DomainError } from "@/lib/domain/errors";
import { createTestDb } from "./test-db";
import { auditLog, sessions, users } from "./schema";
import { createSession, deleteSession, findSessionUser } from "./sessions";
import { createUser, getUser, updateUser } from "./users";
import type { Db } from "./client";

// The default idle timeout: these tests are about other endings.
const IDLE = { idleMs: 30 * 60_000 };

let db: Db;
let close: () => void;
beforeEach(() => ({ db, close } = createTestDb()));
afterEach(() => close());

const staff = { email: "s@example.cn", name: "填报员", passwordHash: "h", role: "staff" as const, provinceCode: "330000", locale: "zh" as const };

function makeAdmin() {
  return createUser(db, { ...staff, email: "admin@example.cn", role: "admin", provinceCode: null }, { label: "test" });
}

describe("users", () => {
  it("creates a user and records who did it in the audit log, without the hash", () => {
    const adminId = makeAdmin();
    const id = createUser(db, staff, { userId: adminId });
    const entries = db.select().from(auditLog).where(eq(auditLog.entityId, id)).all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: adminId, entity: "user", action: "create" });
    expect(JSON.stringify(entries[0]?.after)).not.toContain("passwordHash");
  });

  it("refuses a second account with the same email and writes nothing", () => {
    createUser(db, staff, { label: "test" });
    const auditBefore = db.select().from(auditLog).all().length;
    expect(() => createUser(db, { ...staff, name: "别人" }, { label: "test" })).toThrow(DomainError);
    expect(db.select().from(users).all()).toHaveLength(1);
    expect(db.select().from(auditLog).all()).toHaveLength(auditBefore);
  });

  it("ends every session of a deactivated user at once", () => {
    const adminId = makeAdmin();
    const id = createUser(db, staff, { label: "test" });
    const sessionId = createSession(db, id, 3600_000);
    expect(findSessionUser(db, sessionId, IDLE)?.email).toBe(staff.email);
    updateUser(db, id, 1, { ...staff, active: false }, { userId: adminId });
    expect(findSessionUser(db, sessionId, IDLE)).toBeUndefined();
    expect(getUser(db, id)?.active).toBe(false);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "deactivate")).all()).toHaveLength(1);
  });

  it("refuses an inactive user's session even if its row survived", () => {
    const id = createUser(db, staff, { label: "test" });
    const sessionId = createSession(db, id, 3600_000);
    db.update(users).set({ active: false }).where(eq(users.id, id)).run();
    expect(findSessionUser(db, sessionId, IDLE)).toBeUndefined();
  });

  it("refuses a stale edit and keeps the newer one", () => {
    const adminId = makeAdmin();
    const id = createUser(db, staff, { label: "test" });
    updateUser(db, id, 1, { ...staff, name: "第一次修改", active: true }, { userId: adminId });
    expect(() => updateUser(db, id, 1, { ...staff, name: "过时的修改", active: true }, { userId: adminId })).toThrow(ConflictError);
    expect(getUser(db, id)).toMatchObject({ name: "第一次修改", version: 2 });
  });
});

describe("sessions", () => {
  it("ends on sign-out and on expiry", () => {
    const id = createUser(db, staff, { label: "test" });
    const now = new Date("2026-11-27T08:00:00Z");
    const sessionId = createSession(db, id, 60_000, { now: now });
    expect(findSessionUser(db, sessionId, IDLE, new Date("2026-11-27T08:00:59Z"))).toBeDefined();
    expect(findSessionUser(db, sessionId, IDLE, new Date("2026-11-27T08:01:00Z"))).toBeUndefined();
    deleteSession(db, sessionId);
    expect(findSessionUser(db, sessionId, IDLE, now)).toBeUndefined();
  });

  it("clears the user's expired sessions at the next sign-in", () => {
    const id = createUser(db, staff, { label: "test" });
    createSession(db, id, 60_000, { now: new Date("2026-11-27T08:00:00Z") });
    const live = createSession(db, id, 60_000, { now: new Date("2026-11-27T09:00:00Z") });
    expect(db.select().from(sessions).all().map((s) => s.id)).toEqual([live]);
  });
});
