import type { Db } from "@/db/client";
import { claimDueMail, queueMail, recordMailFailure, recordMailSent } from "@/db/mail-outbox";
import { loadReminderInput, recordReminders } from "@/db/reminders";
import { chinaToday } from "@/lib/domain/china-time";
import { dueReminders, type ReminderRules } from "@/lib/domain/reminders";
import { reminderMailRenderer } from "@/lib/mail/templates";
import type { Mailer } from "@/lib/mail/transport";

export interface ReminderJobOptions {
  now: Date;
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
 * waiting for mail into messages (immediate, or the daily digest), then attempt every message due. Mail is
 * sent outside any transaction; a message is marked sent only after the SMTP server accepted it, so a
 * crash in between can at worst send it again (at-least-once), never lose it.
 */
export async function runReminders(db: Db, options: ReminderJobOptions): Promise<ReminderJobResult> {
  const { now, mailer } = options;
  const input = loadReminderInput(db, chinaToday(now), options.reportingStart);
  const added = recordReminders(db, dueReminders(input, options.rules), input, now, mailer !== undefined);
  const result: ReminderJobResult = { reminders: added, queued: 0, sent: 0, retrying: 0, failed: 0 };
  if (!mailer) return result;

  result.queued = queueMail(db, now, options.digestHour, reminderMailRenderer(options.baseUrl));
  for (const message of claimDueMail(db, now)) {
    const attempts = message.attempts + 1;
    try {
      await mailer.send({ to: message.toAddress, subject: message.subject, text: message.body });
      recordMailSent(db, message.id, attempts, now);
      result.sent += 1;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const outcome = recordMailFailure(db, message.id, attempts, text, now);
      result[outcome === "failed" ? "failed" : "retrying"] += 1;
      console.error(JSON.stringify({ event: "mail_send_failed", outboxId: message.id, attempts, outcome, error: text }));
    }
  }
  return result;
}
