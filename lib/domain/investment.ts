import { daysBetween } from "./periods";

/**
 * Share of a centre's budget planned to be spent by `date`, on a straight line from the start date
 * (0) to the planned completion date (1), clamped to [0, 1].
 */
export function plannedShareAt(startDate: string, plannedCompletionDate: string, date: string): number {
  const total = daysBetween(startDate, plannedCompletionDate);
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, daysBetween(startDate, date) / total));
}

/** Percentage points between executed and planned-to-date spending, both as shares of the budget. */
export function executionDeviationPp(executedYuan: number, budgetYuan: number, plannedShare: number): number {
  if (budgetYuan <= 0) return 0;
  // Rounded to 1e-9 of a point so that a figure exactly on a threshold compares as equal despite binary fractions.
  return Math.round(Math.abs((executedYuan * 100) / budgetYuan - plannedShare * 100) * 1e9) / 1e9;
}
