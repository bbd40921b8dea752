// Overlapping runs and recipients who changed, with in-memory mailers and a shared fake clock (from the review's repro).
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCentre } from "@/db/centres";
import type { Db } from "@/db/client";
import { setPreference } from "@/db/reminders";
import { mailOutbox, reminders, users } from "@/db/schema";
import { createTestDb, testCentreInput } from "@/db/test-db";
import { createUser } from "@/db/users";
import { DEFAULT_REMINDER_RULES } from "@/lib/domain/reminders";
import type { Mailer } from "@/lib/mail/transport";
import { runReminders } from "./run";

let db: Db;
let file: string;
let close: () => void;
let staff: string;
const MINUTE = 60_000;
// On 10-21 (Beijing) the Q3 update of every centre is one day overdue: one immediate message per centre.
const T0 = new Date("2026-10-21T01:00:00.000Z").getTime();
let t: number;
const clock = () => new Date(t);

beforeEach(() => {
  ({ db, file, close } = createTestDb());
  t = T0;
  staff = createUser(db, { email: "s@zj.cn", name: "s", passwordHash: "h", role: "staff", provinceCode: "330000", locale: "zh" }, { label: "t" });
  setPreference(db, staff, { mode: "immediate", muted: [] });
  for (let i = 0; i < 5; i += 1) createCentre(db, testCentreInput(`中心${i}`), { label: "t" });
});
afterEach(() => close());

const run = (mailer: Mailer) => runReminders(db, { clock, reportingStart: "2026-07-01", rules: DEFAULT_REMINDER_RULES, digestHour: 8, mailer, baseUrl: "http://x" });
const gate = () => {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  return { opened, release };
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("overlapping runs", () => {
  it("deliver each message once when one run's SMTP server is slow", async () => {
    const sent: string[] = [];
    const stall = gate();
    let sends = 0;
    // Each send takes two minutes; the third stalls until the other run has been.
    const slow: Mailer = {
      async send(m) {
        sends += 1;
        if (sends === 3) await stall.opened;
        t += 2 * MINUTE;
        sent.push(m.subject);
      },
    };
    const fast: Mailer = { async send(m) { sent.push(m.subject); } };
    const a = run(slow);
    await settle();
    t = T0 + 11 * MINUTE; // past a claim that would have been taken at T0 for the whole batch
    await run(fast);
    stall.release();
    await a;
    expect(sent).toHaveLength(5);
    expect(new Set(sent).size).toBe(5);
    expect(db.select({ s: mailOutbox.status }).from(mailOutbox).all().map((r) => r.s)).toEqual(Array(5).fill("sent"));
  });

  it("a late failure does not reopen a message another run has sent since", async () => {
    const stall = gate();
    const failing: Mailer = {
      async send() {
        await stall.opened;
        throw new Error("timeout");
      },
    };
    const a = run(failing);
    await settle();
    t = T0 + 11 * MINUTE; // the stalled claim has expired: the other run may send it
    const b = await run({ async send() {} });
    expect(b.sent).toBe(5);
    stall.release();
    const late = await a;
    expect(late).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect(db.select({ s: mailOutbox.status }).from(mailOutbox).all().map((r) => r.s)).toEqual(Array(5).fill("sent"));
  });

  it("stops claiming once its time budget is spent and leaves the rest to the next run", async () => {
    const first = await run({ async send() { t += 3 * MINUTE; } });
    expect(first.sent).toBe(2); // claimed at 0 and 3 minutes; at 6 the 5-minute budget is spent
    expect((await run({ async send() {} })).sent).toBe(3);
  });

  it("records backoff and the sent time from the clock at that moment, not the run's start", async () => {
    let calls = 0;
    const mailer: Mailer = {
      async send() {
        t += MINUTE;
        calls += 1;
        if (calls === 1) throw new Error("451 busy");
      },
    };
    await run(mailer);
    const rows = db.select({ status: mailOutbox.status, next: mailOutbox.nextAttemptAt, sentAt: mailOutbox.sentAt }).from(mailOutbox).all();
    expect(rows.find((r) => r.status === "pending")!.next).toBe(new Date(T0 + 3 * MINUTE).toISOString()); // failed at 1, retry 2 later
    expect(rows.filter((r) => r.status === "sent").map((r) => r.sentAt).sort()[0]).toBe(new Date(T0 + 2 * MINUTE).toISOString());
  });

  it("records an accepted send even if the database is busy at that moment", async () => {
    db.$client.pragma("busy_timeout = 0"); // fail at once instead of waiting, so the lock below is met
    const other = new Database(file);
    let locked = false;
    const mailer: Mailer = {
      async send() {
        if (locked) return;
        locked = true;
        other.prepare("BEGIN IMMEDIATE").run(); // another writer holds the lock as the server accepts the first message
        setTimeout(() => other.prepare("COMMIT").run(), 50);
      },
    };
    const result = await run(mailer);
    other.close();
    expect(result.sent).toBe(5);
    expect(db.select({ s: mailOutbox.status }).from(mailOutbox).all().map((r) => r.s)).toEqual(Array(5).fill("sent"));
  });
});

describe("recipients who changed", () => {
  const digestReader = () => {
    const id = createUser(db, { email: "d@zj.cn", name: "d", passwordHash: "h", role: "staff", provinceCode: "330000", locale: "zh" }, { label: "t" });
    return id;
  };

  it("a staff member moved to another province is not mailed the old province's waiting reminders", async () => {
    const moved = digestReader();
    t = new Date("2026-10-20T23:00:00.000Z").getTime(); // 07:00 in Beijing: the digest waits
    const sent: string[] = [];
    const mailer: Mailer = { async send(m) { sent.push(m.to); } };
    await run(mailer);
    db.update(users).set({ provinceCode: "440000" }).where(eq(users.id, moved)).run();
    t = T0;
    await run(mailer);
    expect(sent.filter((to) => to === "d@zj.cn")).toEqual([]);
    expect(db.select({ s: reminders.emailStatus }).from(reminders).where(eq(reminders.userId, moved)).all().map((r) => r.s)).toEqual(Array(5).fill("skipped"));
  });

  it("a message queued before its recipient was deactivated or moved is not sent", async () => {
    const sent: string[] = [];
    await run({ async send() { throw new Error("451 busy"); } });
    db.update(users).set({ provinceCode: "440000" }).where(eq(users.id, staff)).run();
    t = T0 + 3 * MINUTE;
    const result = await run({ async send(m) { sent.push(m.to); } });
    expect(result.sent).toBe(0);
    expect(sent).toEqual([]);
    const rows = db.select({ status: mailOutbox.status, error: mailOutbox.lastError }).from(mailOutbox).all();
    expect(rows.every((r) => r.status === "failed" && /moved province or role/.test(r.error ?? ""))).toBe(true);
  });
});
