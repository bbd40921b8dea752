import type { Db } from "@/db/client";
import { claimNextMail, CLAIM_MS, recordMailFailure, recordMailSent, type ClaimedMail } from "@/db/mail-claim";
import { queueMail } from "@/db/mail-outbox";
import { loadReminderInput, recordReminders } from "@/db/reminders";
import { chinaToday } from "@/lib/domain/china-time";
import { dueReminders, type ReminderRules } from "@/lib/domain/reminders";
import { reminderMailRenderer } from "@/lib/mail/templates";
import type { Mailer } from "@/lib/mail/transport";

/** A run stops claiming mail after this long, well inside one claim, and leaves the rest to the next run. */
export const RUN_BUDGET_MS = CLAIM_MS / 2;

/** Times between tries of recording a send the SMTP server already accepted, when the database is busy. */
const MARK_SENT_RETRY_MS = [200, 1_000, 5_000];

export interface ReminderJobOptions {
  /** The real clock, read at each step: claims, backoff and sent times use the moment they happen. */
  clock: () => Date;
  reportingStart: string;
  rules: ReminderRules;
  /** Beijing hour from which the day's digests go out. */
  digestHour: number;
  /** Undefined when no SMTP server is configured: reminders then stay in the app. */
  mailer: Mailer | undefined;
  /** The app's public address, for links in mail. */
  baseUrl: string;
}

export interface ReminderJobResult {
  reminders: number;
  queued: number;
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * One run of the reminders job: record the reminders due today (each person and event once), turn those
 * waiting for mail into messages (immediate, or the daily digest), then send due messages one at a time,
 * each claimed just before it is sent, until none is due or the run's budget is spent. Mail is sent
 * outside any transaction; a message is marked sent only after the SMTP server accepted it and only while
 * this run's claim still holds it, so a crash in between can at worst send it again, never lose it.
 */
export async function runReminders(db: Db, options: ReminderJobOptions): Promise<ReminderJobResult> {
  const { clock, mailer } = options;
  const start = clock();
  const input = loadReminderInput(db, chinaToday(start), options.reportingStart);
  const added = recordReminders(db, dueReminders(input, options.rules), input, start, mailer !== undefined);
  const result: ReminderJobResult = { reminders: added, queued: 0, sent: 0, retrying: 0, failed: 0 };
  if (!mailer) return result;

  result.queued = queueMail(db, clock(), options.digestHour, reminderMailRenderer(options.baseUrl));
  const stopAt = start.getTime() + RUN_BUDGET_MS;
  for (let message = claimNext(db, clock, stopAt); message; message = claimNext(db, clock, stopAt)) {
    const attempts = message.attempts + 1;
    try {
      await mailer.send({ to: message.toAddress, subject: message.subject, text: message.body });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const outcome = recordMailFailure(db, message, attempts, text, clock());
      if (outcome !== "lost") result[outcome === "failed" ? "failed" : "retrying"] += 1;
      console.error(JSON.stringify({ event: "mail_send_failed", outboxId: message.id, attempts, outcome, error: text }));
      continue;
    }
    if (await markSent(db, message, attempts, clock)) result.sent += 1;
  }
  return result;
}

function claimNext(db: Db, clock: () => Date, stopAt: number): ClaimedMail | undefined {
  const now = clock();
  return now.getTime() < stopAt ? claimNextMail(db, now) : undefined;
}

/**
 * Records an accepted send, trying again while the database is busy: left unrecorded, the message would be
 * sent again once the claim expires. Giving up is logged loudly, as that duplicate is then likely.
 */
async function markSent(db: Db, message: ClaimedMail, attempts: number, clock: () => Date): Promise<boolean> {
  for (let retry = 0; ; retry += 1) {
    try {
      const recorded = recordMailSent(db, message, attempts, clock());
      if (!recorded) console.error(JSON.stringify({ event: "mail_claim_lost", outboxId: message.id, attempts }));
      return recorded;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (retry >= MARK_SENT_RETRY_MS.length) {
        console.error(JSON.stringify({ event: "mail_sent_not_recorded", outboxId: message.id, attempts, error: text, consequence: "may be sent again after the claim expires" }));
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, MARK_SENT_RETRY_MS[retry]));
    }
  }
}
