import { z } from "zod";
import { ROLES } from "@/lib/domain/vocabulary";

// A sender is an address, optionally after a display name: `noreply@example.cn` or `平台 <noreply@example.cn>`.
const MAIL_ADDRESS = /^(?:[^<>@]*\S\s*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

// Environment variables are parsed here once; nothing else reads process.env for configuration.
const envSchema = z.object({
  DATABASE_PATH: z.string().min(1).default("data/tracker.db"),
  SEED_DEMO: z.enum(["0", "1"]).default("1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_URL: z.url().optional(),
  // Absolute session lifetime from sign-in, and the idle timeout (no request for that long ends it).
  SESSION_MAX_AGE_HOURS: z.coerce.number().min(0.25).max(720).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(2).max(1440).default(30),
  // Failed sign-ins from one client address, across accounts, in 15 minutes before it must wait.
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(5).max(10000).default(30),
  // 1 when a reverse proxy in front appends the client's address to X-Forwarded-For (lib/auth/client-address.ts).
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  EVIDENCE_PATH: z.string().min(1).default("data/evidence"),
  EVIDENCE_MAX_MB: z.coerce.number().positive().max(100).default(20),
  // Periods ending before this date are not expected from anyone: when reporting in this system began.
  REPORTING_START: z.iso.date().default("2026-07-01"),
  // A narrative is required when investment execution is this many percentage points off plan.
  NARRATIVE_DEVIATION_PP: z.coerce.number().min(0).max(100).default(5),
  // Reminders (lib/domain/reminders.ts): N days before the due date, escalation M and K days overdue.
  REMINDER_DAYS_BEFORE: z.coerce.number().int().min(0).max(60).default(3),
  REMINDER_ESCALATE_PROVINCE_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  REMINDER_ESCALATE_NATIONAL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  REMINDER_RETURNED_EVERY_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  // Days overdue after which a period is no longer reminded of (a cadence switch must not escalate every past period).
  REMINDER_OVERDUE_WINDOW_DAYS: z.coerce.number().int().min(1).max(3650).default(60),
  // Minutes between in-process reminder runs under `npm start`; unset leaves scheduling to cron.
  REMINDERS_INTERVAL: z.coerce.number().int().min(1).max(1440).optional(),
  // Mail: without SMTP_URL reminders stay in the app only.
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(MAIL_ADDRESS, "must be an address such as noreply@example.gov.cn, optionally with a name: 监测平台 <noreply@example.gov.cn>")
    .optional(),
  MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  // Roles that must use TOTP two-factor sign-in: a comma list; "" requires it of nobody (staff may still enrol).
  TWO_FACTOR_REQUIRED_ROLES: z
    .string()
    .default("reviewer,admin")
    .transform((list) => list.split(",").map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(z.enum(ROLES, { error: `must be a comma list of ${ROLES.join(", ")}` }))),
});

const checkedEnvSchema = envSchema
  .refine((e) => e.REMINDER_ESCALATE_NATIONAL_DAYS >= e.REMINDER_ESCALATE_PROVINCE_DAYS, {
    path: ["REMINDER_ESCALATE_NATIONAL_DAYS"],
    message: "must not be below REMINDER_ESCALATE_PROVINCE_DAYS",
  })
  .refine((e) => e.REMINDER_OVERDUE_WINDOW_DAYS >= e.REMINDER_ESCALATE_NATIONAL_DAYS, {
    path: ["REMINDER_OVERDUE_WINDOW_DAYS"],
    message: "must not be below REMINDER_ESCALATE_NATIONAL_DAYS",
  })
  .refine((e) => e.SESSION_IDLE_MINUTES <= e.SESSION_MAX_AGE_HOURS * 60, {
    path: ["SESSION_IDLE_MINUTES"],
    message: "must not exceed SESSION_MAX_AGE_HOURS",
  })
  .refine((e) => e.SMTP_URL === undefined || e.MAIL_FROM !== undefined, { path: ["MAIL_FROM"], message: "is required with SMTP_URL" });

export type Env = z.infer<typeof checkedEnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = checkedEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment configuration: ${problems}`);
  }
  return parsed.data;
}

export const env = readEnv();
