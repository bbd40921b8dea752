// Reporting periods: quarters ("2026-Q3") or months ("2026-09"). Pure date arithmetic on ISO
// `YYYY-MM-DD` strings in UTC, so a period's days never shift with the server's time zone.

import type { CADENCES, UPDATE_STATUSES } from "./vocabulary";

export type Cadence = (typeof CADENCES)[number];

export interface Period {
  /** "2026-Q3" or "2026-09". */
  code: string;
  cadence: Cadence;
  /** First and last day, inclusive. */
  start: string;
  end: string;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function utc(year: number, monthIndex: number, day: number): Date {
  return new Date(Date.UTC(year, monthIndex, day));
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function parsePeriod(code: string): Period | undefined {
  const q = QUARTER.exec(code);
  if (q) {
    const year = Number(q[1]);
    const quarter = Number(q[2]);
    return { code, cadence: "quarterly", start: iso(utc(year, (quarter - 1) * 3, 1)), end: iso(utc(year, quarter * 3, 0)) };
  }
  const m = MONTH.exec(code);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return { code, cadence: "monthly", start: iso(utc(year, month - 1, 1)), end: iso(utc(year, month, 0)) };
  }
  return undefined;
}

/** The period of the given cadence that contains `date`. */
export function periodContaining(date: string, cadence: Cadence): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const code = cadence === "quarterly" ? `${year}-Q${Math.ceil(month / 3)}` : `${year}-${String(month).padStart(2, "0")}`;
  return parsePeriod(code)!;
}

export function previousPeriod(period: Period): Period {
  return periodContaining(addDays(period.start, -1), period.cadence);
}

/** Periods that have ended on or before `today`, newest first, back to the one containing `from`. */
export function endedPeriods(from: string, today: string, cadence: Cadence, limit = 12): Period[] {
  const result: Period[] = [];
  let period = previousPeriod(periodContaining(today, cadence));
  while (period.end >= from && result.length < limit) {
    result.push(period);
    period = previousPeriod(period);
  }
  return result;
}

export interface Calendar {
  cadence: Cadence;
  /** Days after the period's end by which the update is due. */
  dueDays: number;
  /** Further days before a missing update counts as overdue. */
  graceDays: number;
}

/** Until an administrator sets a province's calendar: quarterly, due 15 days after the quarter, 5 days' grace. */
export const DEFAULT_CALENDAR: Calendar = { cadence: "quarterly", dueDays: 15, graceDays: 5 };

export function dueDate(period: Period, calendar: Calendar): string {
  return addDays(period.end, calendar.dueDays);
}

export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

/**
 * Where a centre stands for one period: `done` once approved, `submitted` while in review; otherwise
 * `open` while the period runs, `due` from its end until the due date plus grace, then `overdue`.
 */
export type PeriodStanding = "open" | "due" | "overdue" | "submitted" | "done";

export function periodStanding(period: Period, calendar: Calendar, status: UpdateStatus | undefined, today: string): PeriodStanding {
  if (status === "approved") return "done";
  if (status === "submitted") return "submitted";
  if (today <= period.end) return "open";
  return today <= addDays(dueDate(period, calendar), calendar.graceDays) ? "due" : "overdue";
}

/** "2026年第3季度" / "2026-Q3", "2026年9月" / "Sep 2026". */
export function periodLabel(code: string, locale: "zh" | "en"): string {
  const q = QUARTER.exec(code);
  if (q) return locale === "zh" ? `${q[1]}年第${q[2]}季度` : code;
  const m = MONTH.exec(code);
  if (m) {
    if (locale === "zh") return `${m[1]}年${Number(m[2])}月`;
    return new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" }).format(utc(Number(m[1]), Number(m[2]) - 1, 1));
  }
  return code;
}

export type PeriodRefusal = "periodInFuture" | "wrongCadence" | "beforeReportingStart";

/**
 * Whether a new update may be started for this period: it must have begun, follow the province's
 * current cadence, and end on or after the date reporting in the system began.
 */
export function periodRefusal(period: Period, calendar: Calendar, today: string, reportingStart: string): PeriodRefusal | null {
  if (period.start > today) return "periodInFuture";
  if (period.cadence !== calendar.cadence) return "wrongCadence";
  if (period.end < reportingStart) return "beforeReportingStart";
  return null;
}

/** The day a centre's reporting obligation starts: the later of its start and the system's reporting start. */
export function reportingFrom(centreStart: string, reportingStart: string): string {
  return centreStart > reportingStart ? centreStart : reportingStart;
}
