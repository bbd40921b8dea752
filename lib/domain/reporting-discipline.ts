// Reporting discipline as DHIS2 reports it: per province, the updates expected for a period, how many
// came in (completeness, or "reporting rate") and how many came in on time (timeliness), both over the
// updates expected; and the centres overdue. Everything is read "as of" an instant, from the update's
// event history, so an earlier day's figures count only what had happened by then.

import { asOfCutoff } from "./as-of";
import { daysBetween, dueDate, endedPeriods, parsePeriod, periodStanding, reportingFrom, type Cadence, type Calendar, type Period } from "./periods";
import { expectedPeriodCodes } from "./risk/stale-reporting";

/** Workflow events of one update that decide whether it stands submitted (audit entries, entity "update"). */
export interface UpdateEvent {
  action: "submit" | "return" | "reopen";
  /** ISO-8601 UTC. */
  at: string;
}

/** One approval of an update: it stands from `approvedAt` until it is withdrawn (by a reopen). */
export interface ApprovalSpan {
  approvedAt: string;
  withdrawnAt: string | null;
}

export interface UpdateHistory {
  events: readonly UpdateEvent[];
  approvals: readonly ApprovalSpan[];
}

export type StatusAsOf = "approved" | "submitted" | "none";

/** An approval stands at `cutoff` if it was made before it and not withdrawn before it. */
export function approvalStands(approval: ApprovalSpan, cutoff: string): boolean {
  return approval.approvedAt < cutoff && (approval.withdrawnAt === null || approval.withdrawnAt >= cutoff);
}

/**
 * Where an update stood just before `cutoff`: approved while an approval stands; else submitted if its
 * latest submission before the cutoff was not followed by a return or reopen before the cutoff. The first
 * submission is kept for timeliness: a returned and resubmitted update was on time if its first one was.
 */
export function statusAsOf(history: UpdateHistory | undefined, cutoff: string): { status: StatusAsOf; firstSubmittedAt: string | null } {
  if (!history) return { status: "none", firstSubmittedAt: null };
  let submitted = false;
  let firstSubmittedAt: string | null = null;
  // Array.prototype.sort is stable: events at the same instant keep the order they were recorded in.
  for (const event of [...history.events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    if (event.at >= cutoff) break;
    if (event.action === "submit") {
      submitted = true;
      firstSubmittedAt ??= event.at;
    } else submitted = false;
  }
  if (history.approvals.some((a) => approvalStands(a, cutoff))) return { status: "approved", firstSubmittedAt };
  return { status: submitted ? "submitted" : "none", firstSubmittedAt };
}

/**
 * The periods of a province's cadence that a chosen period stands for. A chosen quarter counts a monthly
 * province over the quarter's three months (expected = centres × months); a chosen month asks nothing of a
 * quarterly province (nothing is due in a month), which the page shows as "—".
 */
export function countedPeriods(chosen: Period, cadence: Cadence): Period[] {
  if (chosen.cadence === cadence) return [chosen];
  if (chosen.cadence === "monthly") return [];
  const year = Number(chosen.start.slice(0, 4));
  const first = Number(chosen.start.slice(5, 7));
  return [0, 1, 2].map((i) => parsePeriod(`${year}-${String(first + i).padStart(2, "0")}`)!);
}

/** The period selector: ended quarters and months since reporting began, newest first. */
export function disciplinePeriodChoices(reportingStart: string, today: string, limit = 12): { quarters: string[]; months: string[] } {
  return {
    quarters: endedPeriods(reportingStart, today, "quarterly", limit).map((p) => p.code),
    months: endedPeriods(reportingStart, today, "monthly", limit).map((p) => p.code),
  };
}

/** The most recent quarter that has ended, else the most recent month; undefined before any period ended. */
export function defaultDisciplinePeriod(choices: { quarters: readonly string[]; months: readonly string[] }): string | undefined {
  return choices.quarters[0] ?? choices.months[0];
}

export type PeriodChoiceRefusal = "periodUnknown" | "periodNotEnded" | "periodBeforeReporting";

/** Why a requested period cannot be shown: not a period code, not ended by `today`, or over before reporting began. */
export function periodChoiceRefusal(code: string, today: string, reportingStart: string): PeriodChoiceRefusal | null {
  const period = parsePeriod(code);
  if (!period) return "periodUnknown";
  if (period.end >= today) return "periodNotEnded";
  if (period.end < reportingStart) return "periodBeforeReporting";
  return null;
}

export interface DisciplineCentre {
  id: string;
  provinceCode: string;
  startDate: string;
  /** Each period's update history, by period code; a period without an update is absent. */
  updates: ReadonlyMap<string, UpdateHistory>;
}

export interface DisciplineInput {
  /** The chosen period. */
  period: Period;
  /** The Beijing day the standings are for: today, or the "as of" day. */
  today: string;
  /** Events before this instant count (now, or asOfCutoff of the "as of" day). */
  cutoff: string;
  reportingStart: string;
  provinces: readonly { code: string; calendar: Calendar }[];
  centres: readonly DisciplineCentre[];
}

export interface DisciplineFigures {
  expected: number;
  /** Submitted or approved as of the cutoff (approved ones included). */
  reported: number;
  approved: number;
  /** Reported, and first submitted by the end of the due day. */
  onTime: number;
  overdue: number;
  /** reported ÷ expected × 100; null when nothing is expected. */
  completeness: number | null;
  /** onTime ÷ expected × 100 (DHIS2's denominator); null when nothing is expected. */
  timeliness: number | null;
}

export interface ProvinceDiscipline extends DisciplineFigures {
  provinceCode: string;
  cadence: Cadence;
  /** Centres registered in the province (by the cutoff, as given). */
  centres: number;
  /** The province's periods counted for the chosen one; empty when none is due (a quarterly province in a month). */
  periods: string[];
}

export interface OverdueCentre {
  centreId: string;
  provinceCode: string;
  period: string;
  dueDate: string;
  daysLate: number;
}

export interface DisciplineReport {
  provinces: ProvinceDiscipline[];
  total: DisciplineFigures;
  /** Most days late first. */
  overdue: OverdueCentre[];
}

const rate = (count: number, expected: number): number | null => (expected === 0 ? null : (count / expected) * 100);

function figures(counts: Omit<DisciplineFigures, "completeness" | "timeliness">): DisciplineFigures {
  return { ...counts, completeness: rate(counts.reported, counts.expected), timeliness: rate(counts.onTime, counts.expected) };
}

export function reportingDiscipline(input: DisciplineInput): DisciplineReport {
  // The same rule as the reporting page and the stale-reporting flag: every ended period of the
  // province's cadence from the later of reporting start and the centre's start. Cached per start.
  const expectedSets = new Map<string, Set<string>>();
  const isExpected = (centre: DisciplineCentre, cadence: Cadence, code: string) => {
    const from = reportingFrom(centre.startDate, input.reportingStart);
    const key = `${cadence}|${from}`;
    let codes = expectedSets.get(key);
    if (!codes) expectedSets.set(key, (codes = new Set(expectedPeriodCodes(from, input.today, cadence))));
    return codes.has(code);
  };
  const centresOf = new Map<string, DisciplineCentre[]>();
  for (const c of input.centres) {
    const list = centresOf.get(c.provinceCode);
    if (list) list.push(c);
    else centresOf.set(c.provinceCode, [c]);
  }

  const overdue: OverdueCentre[] = [];
  const provinces = input.provinces.map(({ code, calendar }): ProvinceDiscipline => {
    const periods = countedPeriods(input.period, calendar.cadence);
    const counts = { expected: 0, reported: 0, approved: 0, onTime: 0, overdue: 0 };
    const centres = centresOf.get(code) ?? [];
    for (const centre of centres) {
      for (const period of periods) {
        if (!isExpected(centre, calendar.cadence, period.code)) continue;
        counts.expected += 1;
        const due = dueDate(period, calendar);
        const { status, firstSubmittedAt } = statusAsOf(centre.updates.get(period.code), input.cutoff);
        if (status !== "none") {
          counts.reported += 1;
          if (status === "approved") counts.approved += 1;
          // On time: first submitted before the due day ended in Beijing.
          if (firstSubmittedAt !== null && firstSubmittedAt < asOfCutoff(due)) counts.onTime += 1;
        } else if (periodStanding(period, calendar, undefined, input.today) === "overdue") {
          counts.overdue += 1;
          overdue.push({ centreId: centre.id, provinceCode: code, period: period.code, dueDate: due, daysLate: daysBetween(due, input.today) });
        }
      }
    }
    return { provinceCode: code, cadence: calendar.cadence, centres: centres.length, periods: periods.map((p) => p.code), ...figures(counts) };
  });

  const sum = (field: "expected" | "reported" | "approved" | "onTime" | "overdue") => provinces.reduce((n, p) => n + p[field], 0);
  const total = figures({ expected: sum("expected"), reported: sum("reported"), approved: sum("approved"), onTime: sum("onTime"), overdue: sum("overdue") });
  overdue.sort((a, b) => b.daysLate - a.daysLate || a.provinceCode.localeCompare(b.provinceCode) || a.period.localeCompare(b.period) || a.centreId.localeCompare(b.centreId));
  return { provinces, total, overdue };
}
