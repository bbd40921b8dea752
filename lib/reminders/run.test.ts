// The reminders job against a real SQLite file and a real SMTP server (smtp-server) on a random port.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCentre } from "@/db/centres";
import type { Db } from "@/db/client";
import { setPreference } from "@/db/reminders";
import { listUnsentMail } from "@/db/mail-outbox";
import { mailOutbox, reminders } from "@/db/schema";
import { createTestDb, testCentreInput } from "@/db/test-db";
import { createUser } from "@/db/users";
import { DEFAULT_REMINDER_RULES } from "@/lib/domain/reminders";
import { smtpMailer } from "@/lib/mail/transport";
import { runReminders } from "./run";

interface Received {
  to: string;
  subject: string;
  text: string;
}

let db: Db;
let close: () => void;
let server: SMTPServer;
let received: Received[];
/** How many of the next messages the server refuses with a temporary error. */
let refuseNext: number;
let port: number;
const ids: Record<string, string> = {};

function user(email: string, role: "staff" | "reviewer", provinceCode: string | null, locale: "zh" | "en") {
  ids[email] = createUser(db, { email, name: email.split("@")[0]!, passwordHash: "h", role, provinceCode, locale }, { label: "test" });
}

beforeEach(async () => {
  ({ db, close } = createTestDb());
  received = [];
  refuseNext = 0;
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        if (refuseNext > 0) {
          refuseNext -= 1;
          return callback(Object.assign(new Error("mailbox busy, try later"), { responseCode: 451 }));
        }
        const to = Array.isArray(mail.to) ? mail.to[0]!.text : (mail.to?.text ?? "");
        received.push({ to, subject: mail.subject ?? "", text: mail.text ?? "" });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;

  user("staff.zj@example.cn", "staff", "330000", "zh");
  user("staff2.zj@example.cn", "staff", "330000", "en");
  user("reviewer.zj@example.cn", "reviewer", "330000", "zh");
  user("reviewer.cn@example.cn", "reviewer", null, "en");
  user("staff.gd@example.cn", "staff", "440000", "zh");
  setPreference(db, ids["staff2.zj@example.cn"]!, { mode: "immediate", muted: [] });
  createCentre(db, testCentreInput("杭州示例中心甲"), { label: "test" });
  createCentre(db, testCentreInput("杭州示例中心乙", { startDate: "2026-02-01" }), { label: "test" });
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  close();
});

// 2026-Q3 is due 10-15 with 5 grace days under the default calendar: on 10-23 it is 8 days overdue, which
// reaches both escalations with M = 2 and K = 3, each stage recent enough to be mailed (MAIL_RECENT_DAYS).
// 01:00 UTC is 09:00 in Beijing, after the digest hour.
const MORNING = new Date("2026-10-23T01:00:00.000Z");
const RULES = { ...DEFAULT_REMINDER_RULES, escalateProvinceDays: 2, escalateNationalDays: 3 };

function run(now: Date, mail = true) {
  return runReminders(db, {
    clock: () => now,
    reportingStart: "2026-07-01",
    rules: RULES,
    digestHour: 8,
    mailer: mail ? smtpMailer(`smtp://127.0.0.1:${port}`, "平台 <noreply@example.cn>") : undefined,
    baseUrl: "https://tracker.example.cn/",
  });
}

const mailTo = (address: string) => received.filter((m) => m.to === address);

describe("runReminders", () => {
  it("mails each person once, in their language, as a digest or one by one, and a second run sends nothing", async () => {
    const first = await run(MORNING);
    expect(first.sent).toBe(first.queued);

    // Digest reader (default), Chinese: one message holding both centres' overdue reminders.
    const [digest, ...moreDigests] = mailTo("staff.zj@example.cn");
    expect(moreDigests).toEqual([]);
    expect(digest!.subject).toBe("【人工智能创新中心建设监测平台】2026-10-23 提醒汇总（2 条）");
    expect(digest!.text).toContain("杭州示例中心甲 2026年第3季度 的进度报告已逾期 8 天（截止日期 2026-10-15，宽限期已过）。");
    expect(digest!.text).toContain("杭州示例中心乙 2026年第3季度");
    expect(digest!.text).toContain("https://tracker.example.cn/centres/");

    // Immediate reader, English: one message per reminder.
    const immediate = mailTo("staff2.zj@example.cn");
    expect(immediate.map((m) => m.subject).sort()).toEqual([
      "[AI Centre Tracker] The 2026-Q3 update of 杭州示例中心乙 is 8 days overdue (due 2026-10-15, grace days over).",
      "[AI Centre Tracker] The 2026-Q3 update of 杭州示例中心甲 is 8 days overdue (due 2026-10-15, grace days over).",
    ]);

    // Escalations: the province's reviewer (Chinese) and the national reviewer (English), two centres each.
    const provincial = mailTo("reviewer.zj@example.cn");
    expect(provincial).toHaveLength(1);
    expect(provincial[0]!.text.match(/督办：/g)).toHaveLength(2);
    const national = mailTo("reviewer.cn@example.cn");
    expect(national).toHaveLength(1);
    expect(national[0]!.subject).toMatch(/^\[AI Centre Tracker\] Reminders for 2026-10-23/);
    expect(national[0]!.text.match(/National escalation:/g)).toHaveLength(2);

    // Another province's staff hear nothing.
    expect(mailTo("staff.gd@example.cn")).toEqual([]);

    const count = received.length;
    const second = await run(new Date(MORNING.getTime() + 5 * 60_000));
    expect(second).toEqual({ reminders: 0, queued: 0, sent: 0, retrying: 0, failed: 0 });
    expect(received).toHaveLength(count);
  });

  it("holds digests until the digest hour while immediate mail goes at once", async () => {
    await run(new Date("2026-10-22T23:00:00.000Z")); // 07:00 in Beijing on 10-23
    expect(new Set(received.map((m) => m.to))).toEqual(new Set(["staff2.zj@example.cn"]));
    await run(MORNING);
    expect(mailTo("staff.zj@example.cn")).toHaveLength(1);
    expect(mailTo("staff2.zj@example.cn")).toHaveLength(2);
  });

  it("retries a refused send with backoff and delivers it later", async () => {
    refuseNext = 1;
    const first = await run(MORNING);
    expect(first.retrying).toBe(1);
    const waiting = db.select().from(mailOutbox).where(eq(mailOutbox.status, "pending")).all();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ attempts: 1, nextAttemptAt: "2026-10-23T01:02:00.000Z" });
    expect(waiting[0]!.lastError).toMatch(/451/);

    const tooSoon = await run(new Date("2026-10-23T01:01:00.000Z"));
    expect(tooSoon.sent).toBe(0);
    const later = await run(new Date("2026-10-23T01:02:00.000Z"));
    expect(later).toMatchObject({ sent: 1, retrying: 0 });
    expect(db.select().from(mailOutbox).where(eq(mailOutbox.status, "pending")).all()).toEqual([]);
    expect(received.filter((m) => m.to === waiting[0]!.toAddress && m.subject === waiting[0]!.subject)).toHaveLength(1);
  });

  it("gives a message up as failed after the last attempt and keeps it for administrators", async () => {
    refuseNext = Number.POSITIVE_INFINITY;
    let now = MORNING;
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      const result = await run(now);
      expect(result.sent).toBe(0);
      const pending = db.select({ next: mailOutbox.nextAttemptAt }).from(mailOutbox).where(eq(mailOutbox.status, "pending")).all();
      if (attempt < 8) now = new Date(pending.map((p) => p.next).sort().at(-1)!);
      else expect(pending).toEqual([]);
    }
    const { counts, rows } = listUnsentMail(db);
    expect(counts).toEqual({ failed: rows.length });
    expect(rows.every((r) => r.status === "failed" && r.attempts === 8 && /451/.test(r.lastError ?? ""))).toBe(true);
    expect(received).toEqual([]);
  });

  it("does not mail a muted category, but always mails escalations", async () => {
    setPreference(db, ids["staff.zj@example.cn"]!, { mode: "digest", muted: ["overdue", "escalation_province"] });
    setPreference(db, ids["reviewer.zj@example.cn"]!, { mode: "digest", muted: ["escalation_province"] });
    await run(MORNING);
    expect(mailTo("staff.zj@example.cn")).toEqual([]);
    expect(mailTo("reviewer.zj@example.cn")).toHaveLength(1);
  });

  it("keeps reminders in the app without mail when no SMTP server is configured", async () => {
    const result = await run(MORNING, false);
    expect(result.reminders).toBeGreaterThanOrEqual(8);
    expect(db.select().from(mailOutbox).all()).toEqual([]);
    expect(new Set(db.select({ s: reminders.emailStatus }).from(reminders).all().map((r) => r.s))).toEqual(new Set(["skipped"]));
    expect(received).toEqual([]);
  });
});
