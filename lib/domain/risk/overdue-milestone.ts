import { daysBetween } from "../periods";
import { DEFAULT_THRESHOLDS, type RiskThresholds } from "./thresholds";
import { makeFlag, type RiskFlag } from "./types";

export interface MilestoneInput {
  id: string;
  title: string;
  plannedDate: string;
  /** Progress 0–100 as last approved (a submitted but unapproved figure does not count). */
  progress: number;
}

export interface CentreMilestonesInput {
  centreId: string;
  milestones: readonly MilestoneInput[];
}

/**
 * A milestone whose planned date has passed (strictly before today) with approved progress below 100:
 * amber, red once more than `redAfterDaysOverdue` days late. One flag per milestone; the subject is the
 * centre and the key carries the milestone id.
 */
export function checkOverdueMilestones(
  input: CentreMilestonesInput,
  today: string,
  thresholds: RiskThresholds = DEFAULT_THRESHOLDS,
): RiskFlag[] {
  const redAfter = thresholds.milestone.redAfterDaysOverdue;
  const flags: RiskFlag[] = [];
  for (const milestone of input.milestones) {
    if (milestone.plannedDate >= today || milestone.progress >= 100) continue;
    const daysOverdue = daysBetween(milestone.plannedDate, today);
    const severity = daysOverdue > redAfter ? "red" : "amber";
    const values = {
      milestoneId: milestone.id,
      title: milestone.title,
      plannedDate: milestone.plannedDate,
      progress: milestone.progress,
      daysOverdue,
      redAfterDaysOverdue: redAfter,
    };
    const explanation = {
      zh: `里程碑“${milestone.title}”计划于 ${milestone.plannedDate} 完成，已逾期 ${daysOverdue} 天，经审核的进度为 ${milestone.progress}%${severity === "red" ? `，逾期超过 ${redAfter} 天` : ""}。`,
      en: `Milestone "${milestone.title}" was planned for ${milestone.plannedDate} and is ${daysOverdue} days overdue at ${milestone.progress}% approved progress${severity === "red" ? `, more than ${redAfter} days late` : ""}.`,
    };
    flags.push(makeFlag("overdue_milestone", severity, { kind: "centre", ids: [input.centreId] }, values, explanation, milestone.id));
  }
  return flags;
}
