import { percentFigure, thresholdFigure } from "./explain";
import { DEFAULT_THRESHOLDS, type RiskThresholds } from "./thresholds";
import { isBelow, makeFlag, type RiskFlag, type RiskSeverity } from "./types";

/** A centre's milestone figures as the engine computes them for its page (lib/domain/progress.ts). */
export interface CentreScheduleFigures {
  /** Weighted milestone completion as approved, percent (1 decimal). */
  completionPct: number;
  /** Weighted share of milestones planned by today, percent (1 decimal). */
  plannedCompletionPct: number;
  /** completion ÷ planned completion (3 decimals); null with no milestones or none due yet. */
  scheduleIndex: number | null;
}

/**
 * A centre's own schedule: its index below `centreRedBelowIndex` (0.75) is red, below
 * `centreAmberBelowIndex` (0.9) amber, strictly below as for targets, so exactly 0.9 is not flagged
 * and exactly 0.75 is amber. No index (no milestones, or none due yet), no flag. The key carries
 * "centre" so it can never meet a target's schedule flag.
 */
export function checkCentreScheduleSlippage(centreId: string, figures: CentreScheduleFigures, today: string, thresholds: RiskThresholds = DEFAULT_THRESHOLDS): RiskFlag[] {
  const index = figures.scheduleIndex;
  if (index === null) return [];
  const { centreAmberBelowIndex: amber, centreRedBelowIndex: red } = thresholds.schedule;
  const severity: RiskSeverity | null = isBelow(index, red) ? "red" : isBelow(index, amber) ? "amber" : null;
  if (severity === null) return [];

  const limit = thresholdFigure("index", severity === "red" ? red : amber, "zh");
  const shown = thresholdFigure("index", index, "zh");
  const done = percentFigure(figures.completionPct);
  const planned = percentFigure(figures.plannedCompletionPct);
  const values = { scheduleIndex: index, completionPct: figures.completionPct, plannedCompletionPct: figures.plannedCompletionPct, asOf: today, amberBelowIndex: amber, redBelowIndex: red };
  const explanation = {
    zh: `截至 ${today}，里程碑完成 ${done}，按计划应完成 ${planned}，进度指数 ${shown}（完成/计划），低于 ${limit} 的${severity === "red" ? "红色" : "黄色"}阈值。`,
    en: `As of ${today} the milestones are ${done} complete against ${planned} planned, a schedule index (complete/planned) of ${shown}, below the ${severity} threshold of ${limit}.`,
  };
  return [makeFlag("schedule_slippage", severity, { kind: "centre", ids: [centreId] }, values, explanation, "centre")];
}

/** The rule over every centre the engine has computed, in the map's order. */
export function checkCentreSchedules(centres: ReadonlyMap<string, CentreScheduleFigures>, today: string, thresholds: RiskThresholds = DEFAULT_THRESHOLDS): RiskFlag[] {
  const flags: RiskFlag[] = [];
  for (const [id, figures] of centres) flags.push(...checkCentreScheduleSlippage(id, figures, today, thresholds));
  return flags;
}
