// Reminders and escalation: which reminders are due on a Beijing day. Each reminder has a stable event
// key (stage, centre or update, period): the job records (recipient, key) under a unique index, so a
// reminder is never delivered twice however often the job runs, and a day missed while the job was
// down is caught up on its next run with the stage that applies then (not every stage it slept through).

import { addDays, daysBetween, dueDate, endedPeriods, periodContaining, reportingFrom, type Calendar, type Period, type UpdateStatus } from "./periods";
import { chinaToday } from "./china-time";
import type { Role } from "./vocabulary";

export const REMINDER_CATEGORIES = ["due_soon", "due_today", "overdue", "escalation_province", "escalation_national", "returned", "flag_red"] as const;
export type ReminderCategory = (typeof REMINDER_CATEGORIES)[number];

/** Escalations reach reviewers whatever their settings: a manager must not be able to opt out of them. */
export const UNMUTABLE_CATEGORIES: readonly ReminderCategory[] = ["escalation_province", "escalation_national"];
export const MUTABLE_CATEGORIES = REMINDER_CATEGORIES.filter((c) => !UNMUTABLE_CATEGORIES.includes(c));

export interface ReminderRules {
  /** N: the staff's first reminder comes this many days before the due date. */
  daysBefore: number;
  /** M: days overdue (after due date plus grace) before the province's reviewers are told. */
  escalateProvinceDays: number;
  /** K: days overdue before the national reviewers are told. */
  escalateNationalDays: number;
  /** A returned update reminds its submitter every this many days until it is resubmitted. */
  returnedEveryDays: number;
  /**
   * Days overdue after which a period gets no more overdue stages (at least K). Without it, a province
   * switching from quarterly to monthly reporting would find every past month overdue at once and
   * escalate each nationally; a job running every few minutes records every stage well inside it.
   */
  overdueWindowDays: number;
}

export const DEFAULT_REMINDER_RULES: ReminderRules = { daysBefore: 3, escalateProvinceDays: 7, escalateNationalDays: 14, returnedEveryDays: 3, overdueWindowDays: 60 };

/**
 * A reminder is mailed only if its stage was reached this many days ago at most; older ones (a new account,
 * the first run on an existing database, a job that was down) are shown in the app only.
 */
export const MAIL_RECENT_DAYS = 3;

export interface ReminderCentre {
  id: string;
  provinceCode: string;
  startDate: string;
  /** Status of each period's update, by period code; a period without an update is absent. */
  updates: ReadonlyMap<string, UpdateStatus>;
}

export interface ReturnedUpdate {
  updateId: string;
  centreId: string;
  period: string;
  submittedBy: string | null;
  /** ISO-8601 UTC instant of the return. */
  returnedAt: string;
}

export interface RedFlag {
  key: string;
  provinceCode: string;
  code: string;
  /** What the flag is about (centres, target or province by name) and its own sentence, kept with the reminder so the message says what turned red. */
  subject: { zh: string; en: string };
  explanation: { zh: string; en: string };
}

export interface Person {
  id: string;
  role: Role;
  provinceCode: string | null;
}

export interface ReminderInput {
  /** The Beijing day. */
  today: string;
  reportingStart: string;
  calendarOf: (provinceCode: string) => Calendar;
  centres: readonly ReminderCentre[];
  returned: readonly ReturnedUpdate[];
  /** Red flags that were not red at the previous run (see `redFlagChanges`). */
  turnedRed: readonly RedFlag[];
  /** Active accounts. */
  people: readonly Person[];
}

/** One reminder for one person; (userId, eventKey) is unique. */
export interface Reminder {
  userId: string;
  eventKey: string;
  category: ReminderCategory;
  centreId: string | null;
  period: string | null;
  flagKey: string | null;
  /** Figures the message shows: due date, days overdue. */
  params: Record<string, string | number>;
  /** The Beijing day its stage was reached (decides whether it is still news worth a mail). */
  reachedOn: string;
}

interface Stage {
  category: ReminderCategory;
  params: Record<string, string | number>;
  reachedOn: string;
}

/**
 * The stages a missing update is at on `today`: the staff's one current stage (due soon from N days
 * before the due date, due from the due date through the grace days, overdue after), plus each
 * escalation whose threshold of days overdue has been reached. Submitted and approved updates need none.
 */
export function periodStages(period: Period, calendar: Calendar, status: UpdateStatus | undefined, today: string, rules: ReminderRules): Stage[] {
  if (status === "submitted" || status === "approved") return [];
  const due = dueDate(period, calendar);
  const lastGraceDay = addDays(due, calendar.graceDays);
  const soonFrom = addDays(due, -rules.daysBefore);
  if (today < soonFrom) return [];
  if (today < due) return [{ category: "due_soon", params: { dueDate: due, daysLeft: daysBetween(today, due) }, reachedOn: soonFrom }];
  if (today <= lastGraceDay) return [{ category: "due_today", params: { dueDate: due }, reachedOn: due }];
  const daysOverdue = daysBetween(lastGraceDay, today);
  if (daysOverdue > rules.overdueWindowDays) return [];
  // Thresholds count from the end of grace; the message shows days since the due date, as the discipline page does.
  const params = { dueDate: due, daysOverdue: daysBetween(due, today) };
  const stages: Stage[] = [{ category: "overdue", params, reachedOn: addDays(lastGraceDay, 1) }];
  if (daysOverdue >= rules.escalateProvinceDays) stages.push({ category: "escalation_province", params, reachedOn: addDays(lastGraceDay, rules.escalateProvinceDays) });
  if (daysOverdue >= rules.escalateNationalDays) stages.push({ category: "escalation_national", params, reachedOn: addDays(lastGraceDay, rules.escalateNationalDays) });
  return stages;
}

/** Periods a centre may be reminded of: those ended since it had to report, and the running one (due within N days when due days are short). */
export function candidatePeriods(centre: Pick<ReminderCentre, "startDate">, calendar: Calendar, today: string, reportingStart: string): Period[] {
  const from = reportingFrom(centre.startDate, reportingStart);
  const running = periodContaining(today, calendar.cadence);
  const periods = endedPeriods(from, today, calendar.cadence, 120);
  return running.end >= from ? [running, ...periods] : periods;
}

/**
 * Whether a reminder of `category` about `provinceCode` is for this person: province staff for their own
 * province's deadlines and returns, its reviewers for its escalations and red flags, national reviewers for
 * national escalations. Checked again before mailing, so a person moved or re-roled since is not mailed.
 */
export function isForPerson(person: Pick<Person, "role" | "provinceCode">, category: ReminderCategory, provinceCode: string | null): boolean {
  if (category === "escalation_national") return person.role === "reviewer" && person.provinceCode === null;
  if (provinceCode === null || person.provinceCode !== provinceCode) return false;
  return person.role === (category === "escalation_province" || category === "flag_red" ? "reviewer" : "staff");
}

/** The province a reminder is about: its centre's, or for a red flag the one recorded with it. */
export function reminderProvince(row: { centreProvince: string | null; params: Record<string, string | number> }): string | null {
  const flagProvince = row.params.provinceCode;
  return row.centreProvince ?? (typeof flagProvince === "string" ? flagProvince : null);
}

function audience(category: ReminderCategory, provinceCode: string, people: readonly Person[]): string[] {
  return people.filter((p) => isForPerson(p, category, provinceCode)).map((p) => p.id);
}

export function dueReminders(input: ReminderInput, rules: ReminderRules = DEFAULT_REMINDER_RULES): Reminder[] {
  const reminders: Reminder[] = [];
  const active = new Set(input.people.map((p) => p.id));
  for (const centre of input.centres) {
    const calendar = input.calendarOf(centre.provinceCode);
    for (const period of candidatePeriods(centre, calendar, input.today, input.reportingStart)) {
      for (const { category, params, reachedOn } of periodStages(period, calendar, centre.updates.get(period.code), input.today, rules)) {
        const eventKey = `${category}|${centre.id}|${period.code}`;
        for (const userId of audience(category, centre.provinceCode, input.people)) {
          reminders.push({ userId, eventKey, category, centreId: centre.id, period: period.code, flagKey: null, params, reachedOn });
        }
      }
    }
  }
  for (const r of input.returned) {
    if (r.submittedBy === null || !active.has(r.submittedBy)) continue;
    const days = daysBetween(chinaToday(new Date(r.returnedAt)), input.today);
    // The return itself is already in the submitter's notifications; reminders follow every R days.
    const round = Math.floor(days / rules.returnedEveryDays);
    if (round < 1) continue;
    const eventKey = `returned|${r.updateId}|${r.returnedAt}|${round}`;
    const reachedOn = addDays(chinaToday(new Date(r.returnedAt)), round * rules.returnedEveryDays);
    reminders.push({ userId: r.submittedBy, eventKey, category: "returned", centreId: r.centreId, period: r.period, flagKey: null, params: { daysReturned: days }, reachedOn });
  }
  for (const flag of input.turnedRed) {
    const eventKey = `flag_red|${flag.key}|${input.today}`;
    for (const userId of audience("flag_red", flag.provinceCode, input.people)) {
      // The province travels with the reminder so the check before mailing can tell whose flag it is.
      const params = { provinceCode: flag.provinceCode, code: flag.code, subjectZh: flag.subject.zh, subjectEn: flag.subject.en, explanationZh: flag.explanation.zh, explanationEn: flag.explanation.en };
      reminders.push({ userId, eventKey, category: "flag_red", centreId: null, period: null, flagKey: flag.key, params, reachedOn: input.today });
    }
  }
  return reminders;
}

/**
 * Which red flags are new since the last run (`known`: keys recorded as red then) and which are no
 * longer red (to forget, so turning red again is news again).
 */
export function redFlagChanges<F extends { key: string }>(current: readonly F[], known: ReadonlySet<string>): { turnedRed: F[]; cleared: string[] } {
  const now = new Set(current.map((f) => f.key));
  return { turnedRed: current.filter((f) => !known.has(f.key)), cleared: [...known].filter((key) => !now.has(key)) };
}
