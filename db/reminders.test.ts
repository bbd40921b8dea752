import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/domain/errors";
import { DEFAULT_REMINDER_RULES, dueReminders } from "@/lib/domain/reminders";
import { runReminders } from "@/lib/reminders/run";
import { createCentre } from "./centres";
import type { Db } from "./client";
import { retryFailedMail } from "./mail-outbox";
import { getPreference, loadReminderInput, recordReminders, setPreference } from "./reminders";
import { auditLog, mailOutbox, redFlagNotices, reminders, updates } from "./schema";
import { createTestDb, testCentreInput } from "./test-db";
import { setThreshold } from "./thresholds";
import { createUser } from "./users";

let db: Db;
let close: () => void;
let staff: string;
let reviewer: string;
let national: string;
let admin: string;
let centreId: string;

beforeEach(() => {
  ({ db, close } = createTestDb());
  const user = (email: string, role: "staff" | "reviewer" | "admin", provinceCode: string | null) =>
    createUser(db, { email, name: email, passwordHash: "h", role, provinceCode, locale: "zh" }, { label: "test" });
  staff = user("staff@zj.cn", "staff", "330000");
  reviewer = user("reviewer@zj.cn", "reviewer", "330000");
  national = user("reviewer@cn.cn", "reviewer", null);
  admin = user("admin@cn.cn", "admin", null);
  centreId = createCentre(db, testCentreInput("嘉兴示例中心"), { label: "test" });
});
afterEach(() => close());

/** A run on a Beijing day (09:00) with reporting from 2026-01-01, without mail. */
const runOn = (day: string) =>
  runReminders(db, { clock: () => new Date(`${day}T01:00:00.000Z`), reportingStart: "2026-01-01", rules: DEFAULT_REMINDER_RULES, digestHour: 8, mailer: undefined, baseUrl: "http://localhost" });

const flagRed = () => db.select({ userId: reminders.userId, eventKey: reminders.eventKey }).from(reminders).where(eq(reminders.category, "flag_red")).all();
/** The flag_red reminders of one flag. */
const redReminders = (flagKey: string) => flagRed().filter((r) => r.eventKey.startsWith(`flag_red|${flagKey}|`));

describe("red flags", () => {
  // Q1, Q2 and Q3 missed by 2026-11-03: the stale-reporting flag is red (two missed periods make it red).
  const key = () => `stale_reporting|${centreId}`;

  it("notify the province's reviewers when a flag turns red, once, and again after it stopped being red", async () => {
    await runOn("2026-11-03");
    expect(redReminders(key())).toEqual([{ userId: reviewer, eventKey: `flag_red|${key()}|2026-11-03` }]);
    expect(db.select().from(redFlagNotices).all().map((r) => r.flagKey)).toContain(key());
    const params = db.select({ params: reminders.params }).from(reminders).where(eq(reminders.flagKey, key())).get()!.params;
    expect(params).toMatchObject({ code: "stale_reporting", subjectZh: "嘉兴示例中心", subjectEn: "嘉兴示例中心" });
    expect(params.explanationEn).toMatch(/^3 reporting periods have no approved update/);

    await runOn("2026-11-04");
    expect(redReminders(key())).toHaveLength(1);

    setThreshold(db, { key: "stale.redMissedPeriods", value: 10, version: 0 }, { userId: admin });
    await runOn("2026-11-05");
    expect(db.select().from(redFlagNotices).all().map((r) => r.flagKey)).not.toContain(key());

    setThreshold(db, { key: "stale.redMissedPeriods", value: null, version: 1 }, { userId: admin });
    await runOn("2026-11-06");
    expect(redReminders(key()).map((r) => r.eventKey)).toEqual([`flag_red|${key()}|2026-11-03`, `flag_red|${key()}|2026-11-06`]);
    expect(flagRed().some((r) => r.userId === national || r.userId === staff)).toBe(false);
  });
});

it("reminds the submitter of a returned update every three days until it is resubmitted", async () => {
  const id = "returned-update";
  // Returned at 10:00 on 2026-10-30 in Beijing.
  const row = { id, centreId, period: "2026-Q3", periodEnd: "2026-09-30", createdBy: staff, submittedBy: staff, returnedAt: "2026-10-30T02:00:00.000Z" };
  db.insert(updates).values({ ...row, status: "returned" }).run();
  const returned = () => db.select({ eventKey: reminders.eventKey }).from(reminders).where(and(eq(reminders.category, "returned"), eq(reminders.userId, staff))).all().map((r) => r.eventKey);

  await runOn("2026-11-01");
  expect(returned()).toEqual([]);
  await runOn("2026-11-02");
  await runOn("2026-11-04");
  expect(returned()).toEqual([`returned|${id}|${row.returnedAt}|1`]);
  await runOn("2026-11-05");
  expect(returned()).toHaveLength(2);
  db.update(updates).set({ status: "submitted" }).where(eq(updates.id, id)).run();
  await runOn("2026-11-08");
  expect(returned()).toHaveLength(2);
});

describe("recording", () => {
  /** Records what is due on a Beijing day with mail configured, as the job does. */
  const recordOn = (day: string) => {
    const input = loadReminderInput(db, day, "2026-01-01");
    return recordReminders(db, dueReminders(input, DEFAULT_REMINDER_RULES), input, new Date(`${day}T01:00:00.000Z`), true);
  };
  const mailStatus = () =>
    db.select({ userId: reminders.userId, category: reminders.category, period: reminders.period, emailStatus: reminders.emailStatus }).from(reminders).all();

  it("mails on a first run only the stages reached in the last few days; older ones stay in the app", () => {
    // 11-03: Q3 overdue since 10-21 and escalated to the province on 10-27 (old), nationally today (new); Q1 and Q2 are past the overdue window.
    expect(recordOn("2026-11-03")).toBeGreaterThan(0);
    const rows = mailStatus();
    const status = (userId: string, category: string) => rows.find((r) => r.userId === userId && r.category === category && r.period === "2026-Q3")?.emailStatus;
    expect(status(staff, "overdue")).toBe("skipped");
    expect(status(reviewer, "escalation_province")).toBe("skipped");
    expect(status(national, "escalation_national")).toBe("pending");
    expect(rows.filter((r) => r.period !== null && r.period !== "2026-Q3")).toEqual([]);
  });

  it("adds nothing when everything due is already recorded", () => {
    const first = recordOn("2026-11-03");
    expect(first).toBeGreaterThan(0);
    expect(recordOn("2026-11-03")).toBe(0);
    expect(mailStatus()).toHaveLength(first);
  });
});

describe("preferences and the outbox", () => {
  it("keeps each person's settings, audited, with the digest as default", () => {
    expect(getPreference(db, staff)).toEqual({ mode: "digest", muted: [] });
    setPreference(db, staff, { mode: "immediate", muted: ["due_soon"] });
    expect(getPreference(db, staff)).toEqual({ mode: "immediate", muted: ["due_soon"] });
    const entry = db.select().from(auditLog).where(eq(auditLog.entity, "notification_preference")).get();
    expect(entry).toMatchObject({ actorId: staff, entityId: staff, before: { mode: "digest", muted: [] }, after: { mode: "immediate", muted: ["due_soon"] } });
  });

  it("lets an administrator send a failed message again, and only a failed one", () => {
    const message = { userId: staff, toAddress: "staff@zj.cn", locale: "zh" as const, kind: "immediate" as const, subject: "s", body: "b", attempts: 8, nextAttemptAt: "2026-11-03T00:00:00.000Z", createdAt: "2026-11-03T00:00:00.000Z" };
    db.insert(mailOutbox).values([
      { ...message, id: "failed", status: "failed", lastError: "550 mailbox unavailable" },
      { ...message, id: "sent", status: "sent" },
    ]).run();
    retryFailedMail(db, "failed", { userId: admin });
    expect(db.select().from(mailOutbox).where(eq(mailOutbox.id, "failed")).get()).toMatchObject({ status: "pending", attempts: 8 });
    expect(db.select().from(auditLog).where(eq(auditLog.entity, "mail")).all()).toHaveLength(1);
    expect(() => retryFailedMail(db, "sent", { userId: admin })).toThrow(NotFoundError);
    expect(() => retryFailedMail(db, "failed", { userId: admin })).toThrow(NotFoundError);
  });
});
