import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getPreference } from "@/db/reminders";
import { auditLog, sessions, users } from "@/db/schema";
import { createSession, findSessionUser } from "@/db/sessions";
import { createUser } from "@/db/users";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { addUser, auditCount, callAs, useTestDatabase } from "../test-support";
import { changePassword } from "./change-password";
import { notificationsPage } from "./notifications-page";
import { saveNotificationPreferences } from "./save-notification-preferences";
import { sessionsPage } from "./sessions-page";
import { signOutSessions } from "./sign-out-sessions";

// The default idle timeout: these tests are about other endings.
const IDLE = { idleMs: 30 * 60_000 };
const HOUR = 3_600_000;
const OLD = "old horse battery";
const NEW = "new staple battery";

let db: Db;
let close: () => void;
let userId: string;
let here: string;
let elsewhere: string;
beforeEach(async () => {
  ({ db, close } = useTestDatabase());
  userId = createUser(db, { email: "staff@example.cn", name: "填报员", passwordHash: await hashPassword(OLD), role: "staff", provinceCode: "330000", locale: "zh" }, { label: "test" });
  here = createSession(db, userId, HOUR);
  elsewhere = createSession(db, userId, HOUR);
});
afterEach(() => close());

const hashOf = () => db.select({ h: users.passwordHash }).from(users).where(eq(users.id, userId)).get()!.h;

describe("changing one's own password", () => {
  it("refuses a wrong current password at its field and changes nothing", async () => {
    const before = [hashOf(), auditCount(db)];
    const outcome = await changePassword.execute(callAs(userId), { currentPassword: "not the password", newPassword: NEW, confirmPassword: NEW, sessionId: here });
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "currentPassword", code: "currentPasswordWrong" }] } });
    expect([hashOf(), auditCount(db)]).toEqual(before);
    expect(findSessionUser(db, elsewhere, IDLE)?.id).toBe(userId);
  });

  it("names the policy's refusals", async () => {
    const outcome = await changePassword.execute(callAs(userId), { currentPassword: OLD, newPassword: NEW, confirmPassword: "different" });
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "confirmPassword", code: "passwordsDiffer" }] } });
  });

  it("saves the new hash, keeps this session, ends the others, and audits without secrets", async () => {
    const before = hashOf();
    const count = auditCount(db);
    expect(await changePassword.execute(callAs(userId), { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW, sessionId: here })).toMatchObject({ ok: true });
    expect(await verifyPassword(hashOf(), NEW)).toBe(true);
    expect(findSessionUser(db, here, IDLE)?.id).toBe(userId);
    expect(findSessionUser(db, elsewhere, IDLE)).toBeUndefined();
    expect(auditCount(db)).toBe(count + 1);
    const entry = db.select().from(auditLog).where(eq(auditLog.entityId, userId)).all().at(-1)!;
    for (const secret of [OLD, NEW, before, hashOf(), "argon2"]) expect(JSON.stringify(entry)).not.toContain(secret);
  });

  it("leaves another user's sessions alone", async () => {
    const otherId = addUser(db, "other@example.cn", "staff", "330000");
    const otherSession = createSession(db, otherId, HOUR);
    await changePassword.execute(callAs(userId), { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW, sessionId: here });
    expect(findSessionUser(db, otherSession, IDLE)?.id).toBe(otherId);
  });
});

describe("one's own sessions", () => {
  it("lists the actor's sessions only, marking the one asking, and never their ids", async () => {
    addUser(db, "other@example.cn", "staff", "330000");
    const outcome = await sessionsPage.execute(callAs(userId, "GET"), { sessionId: here });
    if (!outcome.ok) throw new Error("expected the page");
    expect(outcome.value.sessions.map((s) => s.current).sort()).toEqual([false, true]);
    expect(JSON.stringify(outcome.value)).not.toContain(here);
  });

  it("signs out the others with an audit entry, keeping this one", async () => {
    const count = auditCount(db);
    expect(await signOutSessions.execute(callAs(userId), { scope: "others", sessionId: here })).toMatchObject({ ok: true, value: { scope: "others" } });
    expect(db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)).all()).toEqual([{ id: here }]);
    expect(findSessionUser(db, here, IDLE)?.id).toBe(userId);
    expect(auditCount(db)).toBe(count + 1);
  });

  it("signs out everywhere, and refuses an unknown scope", async () => {
    expect(await signOutSessions.execute(callAs(userId), { scope: "nowhere" })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "scope" }] } });
    expect(await signOutSessions.execute(callAs(userId), { scope: "everywhere", sessionId: here })).toMatchObject({ ok: true });
    expect(findSessionUser(db, here, IDLE)).toBeUndefined();
  });
});

describe("one's own mail settings", () => {
  it("saves them with their audit entry, and shows each user their own", async () => {
    const otherId = addUser(db, "other@example.cn", "staff", "330000");
    const count = auditCount(db);
    expect(await saveNotificationPreferences.execute(callAs(userId), { mode: "digest", muted: ["due_soon"] })).toMatchObject({ ok: true });
    expect(auditCount(db)).toBe(count + 1);
    expect(getPreference(db, userId)).toEqual({ mode: "digest", muted: ["due_soon"] });
    const mine = await notificationsPage.execute(callAs(userId, "GET"), {});
    const theirs = await notificationsPage.execute(callAs(otherId, "GET"), {});
    expect(mine.ok && mine.value.preference.mode).toBe("digest");
    expect(theirs.ok && theirs.value.preference).toEqual(getPreference(db, otherId));
  });

  it("refuses an escalation, which cannot be muted", async () => {
    const outcome = await saveNotificationPreferences.execute(callAs(userId), { mode: "digest", muted: ["escalation_national"] });
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: "invalid" } });
  });
});
