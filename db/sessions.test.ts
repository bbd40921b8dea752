import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "./test-db";
import { sessions, users } from "./schema";
import { createSession, findSessionUser, listUserSessions, revokeSessions } from "./sessions";
import { createUser, updateUser } from "./users";
import type { Db } from "./client";

let db: Db;
let close: () => void;
beforeEach(() => ({ db, close } = createTestDb()));
afterEach(() => close());

const MIN = 60_000;
const HOUR = 60 * MIN;
const IDLE = { idleMs: 30 * MIN };
const T0 = new Date("2026-11-27T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const staff = { email: "s@example.cn", name: "填报员", passwordHash: "h", role: "staff" as const, provinceCode: "330000", locale: "zh" as const };

function makeUser(email = staff.email) {
  return createUser(db, { ...staff, email }, { label: "test" });
}
const lastSeen = (id: string) => db.select({ v: sessions.lastSeenAt }).from(sessions).where(eq(sessions.id, id)).get()?.v;

describe("session timeouts", () => {
  it("ends after 30 idle minutes, and each request (seen at most once a minute) pushes that back", () => {
    const userId = makeUser();
    const id = createSession(db, userId, 12 * HOUR, { now: T0 });
    expect(findSessionUser(db, id, IDLE, at(29 * MIN + 59_999))?.id).toBe(userId);
    expect(lastSeen(id)).toBe(at(29 * MIN + 59_999).toISOString());
    // Seen again 30 s later: not written, the minute has not passed.
    expect(findSessionUser(db, id, IDLE, at(30 * MIN + 29_999))?.id).toBe(userId);
    expect(lastSeen(id)).toBe(at(29 * MIN + 59_999).toISOString());
    // 30 minutes after the last write: over.
    expect(findSessionUser(db, id, IDLE, at(59 * MIN + 59_999))).toBeUndefined();
  });

  it("ends an idle session at exactly the idle timeout after sign-in", () => {
    const id = createSession(db, makeUser(), 12 * HOUR, { now: T0 });
    expect(findSessionUser(db, id, IDLE, at(30 * MIN))).toBeUndefined();
  });

  it("ends at the absolute lifetime however active it is", () => {
    const userId = makeUser();
    const id = createSession(db, userId, 2 * HOUR, { now: T0 });
    for (let m = 10; m < 120; m += 10) expect(findSessionUser(db, id, IDLE, at(m * MIN))?.id).toBe(userId);
    expect(findSessionUser(db, id, IDLE, at(2 * HOUR))).toBeUndefined();
  });
});

describe("session version", () => {
  it("refuses a session whose version is behind the user's, even if its row survived", () => {
    const userId = makeUser();
    const id = createSession(db, userId, HOUR, { now: T0 });
    db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, userId)).run();
    expect(findSessionUser(db, id, IDLE, at(MIN))).toBeUndefined();
    // A session made after the change carries the new version.
    expect(findSessionUser(db, createSession(db, userId, HOUR, { now: T0 }), IDLE, at(MIN))?.id).toBe(userId);
  });

  it("signs out everywhere, or everywhere but this session, and leaves other users alone", () => {
    const userId = makeUser();
    const otherId = makeUser("other@example.cn");
    const [a, b, c] = [1, 2, 3].map(() => createSession(db, userId, HOUR, { now: T0 }));
    const others = createSession(db, otherId, HOUR, { now: T0 });
    revokeSessions(db, userId, a);
    expect([a, b, c].map((s) => findSessionUser(db, s!, IDLE, at(MIN))?.id)).toEqual([userId, undefined, undefined]);
    revokeSessions(db, userId);
    expect(findSessionUser(db, a!, IDLE, at(MIN))).toBeUndefined();
    expect(findSessionUser(db, others, IDLE, at(MIN))?.id).toBe(otherId);
  });

  it("does not bring a revoked session back when it asks to be kept", () => {
    const userId = makeUser();
    const old = createSession(db, userId, HOUR, { now: T0 });
    db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, userId)).run();
    revokeSessions(db, userId, old);
    expect(findSessionUser(db, old, IDLE, at(MIN))).toBeUndefined();
  });

  it.each([
    ["a role change", { role: "reviewer" as const, provinceCode: "330000" }],
    ["a province change", { provinceCode: "440000" }],
    ["deactivation", { active: false }],
  ])("ends at once on %s by an admin", (_, change) => {
    const userId = makeUser();
    const id = createSession(db, userId, HOUR, { now: T0 });
    updateUser(db, userId, 1, { ...staff, active: true, ...change }, { label: "test" });
    expect(findSessionUser(db, id, IDLE, at(MIN))).toBeUndefined();
    expect(db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId)).get()?.v).toBe(2);
  });

  it("survives an admin's edit of the name only", () => {
    const userId = makeUser();
    const id = createSession(db, userId, HOUR, { now: T0 });
    updateUser(db, userId, 1, { ...staff, name: "新名字", active: true }, { label: "test" });
    expect(findSessionUser(db, id, IDLE, at(MIN))?.name).toBe("新名字");
  });
});

describe("listUserSessions", () => {
  it("lists the user's live sessions with sign-in time, last request and address", () => {
    const userId = makeUser();
    const first = createSession(db, userId, HOUR, { now: T0, address: "203.0.113.7" });
    const second = createSession(db, userId, HOUR, { now: at(5 * MIN), address: "198.51.100.9" });
    createSession(db, makeUser("other@example.cn"), HOUR, { now: T0 });
    const idled = createSession(db, userId, 12 * HOUR, { now: at(-3 * HOUR) });
    expect(idled).toBeTruthy();
    findSessionUser(db, first, IDLE, at(10 * MIN));
    expect(listUserSessions(db, userId, IDLE, at(11 * MIN))).toEqual([
      { id: first, createdAt: T0.toISOString(), lastSeenAt: at(10 * MIN).toISOString(), address: "203.0.113.7" },
      { id: second, createdAt: at(5 * MIN).toISOString(), lastSeenAt: at(5 * MIN).toISOString(), address: "198.51.100.9" },
    ]);
  });
});
