// "As of": the dashboards shown as they stood at the close of an earlier period, with only the
// approvals made by then. The close of a period is the end of its last day in Beijing time.

import { chinaDayStartUtc } from "./china-time";
import { addDays, periodContaining, previousPeriod } from "./periods";

export interface AsOfChoice {
  /** The period's last day: the figures include everything approved before the end of it. */
  date: string;
  /** The quarter when the month closes one ("2026-Q3"), else the month ("2026-08"). */
  period: string;
}

/** The UTC instant at which the Beijing day `date` ends: records and approvals before it count. */
export function asOfCutoff(date: string): string {
  return chinaDayStartUtc(addDays(date, 1));
}

/**
 * The closes of ended months since reporting began, newest first (at most `limit`): quarter ends are
 * named by their quarter, so quarterly and monthly provinces both find their period.
 */
export function asOfChoices(reportingStart: string, today: string, limit = 12): AsOfChoice[] {
  const choices: AsOfChoice[] = [];
  let month = previousPeriod(periodContaining(today, "monthly"));
  while (month.end >= reportingStart && choices.length < limit) {
    const quarter = periodContaining(month.end, "quarterly");
    choices.push({ date: month.end, period: quarter.end === month.end ? quarter.code : month.code });
    month = previousPeriod(month);
  }
  return choices;
}

/** The choice closing the period before the current one (quarter or month), for "compare with last period". */
export function previousClose(today: string, cadence: "quarterly" | "monthly"): string {
  return previousPeriod(periodContaining(today, cadence)).end;
}

/** The period code whose close `date` is, when it is one (a month end), for labels. */
export function closedPeriod(date: string): string | undefined {
  const month = periodContaining(date, "monthly");
  if (month.end !== date) return undefined;
  const quarter = periodContaining(date, "quarterly");
  return quarter.end === date ? quarter.code : month.code;
}

