// Scale maths of the milestone timeline: a time axis snapped to whole quarters, positions as a
// percentage of its width, and each milestone's state and days late. Pure, on ISO dates in UTC.
import { addDays, daysBetween } from "@/lib/domain/periods";

export interface TimelineDomain {
  /** First day of the first quarter shown. */
  from: string;
  /** First day after the last quarter shown (exclusive). */
  to: string;
  days: number;
}

export interface QuarterTick {
  date: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  pct: number;
}

export function quarterStart(date: string): string {
  const month = Number(date.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(first).padStart(2, "0")}-01`;
}

export function nextQuarterStart(date: string): string {
  // 92 days past a quarter's first day always lands inside the next quarter (quarters have 90–92 days).
  return quarterStart(addDays(quarterStart(date), 92));
}

/** Whole quarters from the quarter of the earliest date to the end of the quarter of the latest. */
export function timelineDomain(dates: readonly string[]): TimelineDomain | null {
  if (dates.length === 0) return null;
  const sorted = dates.toSorted();
  const from = quarterStart(sorted[0]!);
  const to = nextQuarterStart(sorted.at(-1)!);
  return { from, to, days: daysBetween(from, to) };
}

/** Where a date falls, 0–100 % of the axis, to two decimals. */
export function positionPct(date: string, domain: TimelineDomain): number {
  const pct = (daysBetween(domain.from, date) / domain.days) * 100;
  return Math.round(Math.min(Math.max(pct, 0), 100) * 100) / 100;
}

export function quarterTicks(domain: TimelineDomain): QuarterTick[] {
  const ticks: QuarterTick[] = [];
  for (let date = domain.from; date < domain.to; date = nextQuarterStart(date)) {
    const quarter = Math.ceil(Number(date.slice(5, 7)) / 3) as QuarterTick["quarter"];
    ticks.push({ date, year: Number(date.slice(0, 4)), quarter, pct: positionPct(date, domain) });
  }
  return ticks;
}

export type MilestoneState = "done" | "in_progress" | "overdue";

export interface MilestoneStanding {
  state: MilestoneState;
  /**
   * Done: days from the planned to the actual date (negative when early; null when the completion
   * date is unknown). Overdue: days from the planned date to today. In progress: 0.
   */
  daysLate: number | null;
  /** The date the slip segment runs to from the planned date, if any. */
  slipTo: string | null;
}

/**
 * Done when a completion date is recorded or progress is 100; otherwise overdue when the planned
 * date is strictly before today (the overdue-milestone risk rule's test), else in progress.
 */
export function milestoneStanding(
  milestone: { plannedDate: string; actualCompletionDate: string | null; progress: number },
  today: string,
): MilestoneStanding {
  const { plannedDate, actualCompletionDate, progress } = milestone;
  if (actualCompletionDate !== null) {
    const daysLate = daysBetween(plannedDate, actualCompletionDate);
    return { state: "done", daysLate, slipTo: daysLate === 0 ? null : actualCompletionDate };
  }
  if (progress >= 100) return { state: "done", daysLate: null, slipTo: null };
  if (plannedDate < today) return { state: "overdue", daysLate: daysBetween(plannedDate, today), slipTo: today };
  return { state: "in_progress", daysLate: 0, slipTo: null };
}
