import type { Env } from "@/lib/env";
import { smtpMailer } from "@/lib/mail/transport";
import type { ReminderJobOptions } from "./run";

/** The job's settings from the environment (lib/env.ts), shared by `npm run reminders` and the in-process schedule. */
export function reminderJobOptions(env: Env): ReminderJobOptions {
  return {
    clock: () => new Date(),
    reportingStart: env.REPORTING_START,
    rules: {
      daysBefore: env.REMINDER_DAYS_BEFORE,
      escalateProvinceDays: env.REMINDER_ESCALATE_PROVINCE_DAYS,
      escalateNationalDays: env.REMINDER_ESCALATE_NATIONAL_DAYS,
      returnedEveryDays: env.REMINDER_RETURNED_EVERY_DAYS,
      overdueWindowDays: env.REMINDER_OVERDUE_WINDOW_DAYS,
    },
    digestHour: env.MAIL_DIGEST_HOUR,
    mailer: env.SMTP_URL && env.MAIL_FROM ? smtpMailer(env.SMTP_URL, env.MAIL_FROM) : undefined,
    baseUrl: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
  };
}
