import { addDays, daysBetween, dueDate, endedPeriods, parsePeriod, periodLabel, type Calendar, type Cadence, type Period } from "../periods";
import { DEFAULT_THRESHOLDS, type RiskThresholds } from "./thresholds";
import { makeFlag, type RiskFlag } from "./types";

export interface ReportingInput {
  centreId: string;
  /** The calendar of the centre's province. */
  calendar: Calendar;
  /** When reporting in the system began: periods that ended before it are never expected. */
  reportingStart: string;
  /** Period codes the centre is expected to report ("2026-Q3", "2026-09"). */
  expectedPeriods: readonly string[];
  /** Period codes with an approved update. */
  approvedPeriods: ReadonlySet<string> | readonly string[];
}

/**
 * Expected periods when the caller has no list of its own: every period of the cadence that has
 * ended before today, back to the one containing `from` (the later of reporting start and the
 * centre's start). Capped at ten years of months so a bad start date cannot run away.
 */
export function expectedPeriodCodes(from: string, today: string, cadence: Cadence): string[] {
  return endedPeriods(from, today, cadence, 120).map((period) => period.code);
}

/**
 * A period without an approved update once its due date plus grace days has passed (the day after
 * is the first overdue day, as in `periodStanding`). Amber for one missed period, red from
 * `redMissedPeriods`. Days overdue are counted from the oldest missed period's due date: grace is a
 * tolerance, not a new deadline.
 */
export function checkStaleReporting(input: ReportingInput, today: string, thresholds: RiskThresholds = DEFAULT_THRESHOLDS): RiskFlag[] {
  const approved = new Set(input.approvedPeriods);
  const missed: Period[] = [];
  for (const code of new Set(input.expectedPeriods)) {
    const period = parsePeriod(code);
    if (!period || period.end < input.reportingStart || approved.has(code)) continue;
    if (today > addDays(dueDate(period, input.calendar), input.calendar.graceDays)) missed.push(period);
  }
  if (missed.length === 0) return [];
  missed.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));

  const oldest = missed[0]!;
  const oldestDue = dueDate(oldest, input.calendar);
  const oldestDaysOverdue = daysBetween(oldestDue, today);
  const severity = missed.length >= thresholds.stale.redMissedPeriods ? "red" : "amber";
  const codes = missed.map((period) => period.code);
  const values = {
    missedCount: missed.length,
    missedPeriods: codes.join(","),
    oldestPeriod: oldest.code,
    oldestDueDate: oldestDue,
    oldestDaysOverdue,
    graceDays: input.calendar.graceDays,
    redMissedPeriods: thresholds.stale.redMissedPeriods,
  };
  const listZh = codes.map((code) => periodLabel(code, "zh")).join("、");
  const plural = missed.length === 1 ? "period has" : "periods have";
  const explanation = {
    zh: `${missed.length} 个报告期（${listZh}）已过截止日期及 ${input.calendar.graceDays} 天宽限期仍无审核通过的更新，最早的${periodLabel(oldest.code, "zh")}自截止日期 ${oldestDue} 起已逾期 ${oldestDaysOverdue} 天。`,
    en: `${missed.length} reporting ${plural} no approved update past the due date and ${input.calendar.graceDays} days' grace (${codes.join(", ")}); the oldest, ${oldest.code}, is ${oldestDaysOverdue} days past its due date of ${oldestDue}.`,
  };
  return [makeFlag("stale_reporting", severity, { kind: "centre", ids: [input.centreId] }, values, explanation)];
}
