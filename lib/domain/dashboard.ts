// The national overview's figures per province, from one engine result: what the map colours and
// the province table lists. Pure, so the figures are tested by hand and the browser computes nothing.

import type { EngineResult } from "./engine";
import type { CompletionRollUp, TargetRollUp } from "./progress";
import type { RiskCode, RiskFlag } from "./risk/types";
import { CENTRE_STATUSES, type CentreStatus } from "./vocabulary";

export const MAP_MEASURES = ["completion", "target_progress", "schedule_index", "red_flags"] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

export interface InvestmentRollUp {
  /** Σ of the centres' latest approved cumulative investment (元); centres that have not reported it add nothing. */
  executedYuan: number;
  /** Σ of the centres' straight-line planned spending to date (元). */
  plannedToDateYuan: number;
  budgetYuan: number;
  /** executed ÷ planned to date × 100, 1 decimal; null when nothing is planned yet. */
  executedPctOfPlanned: number | null;
}

export interface ProvinceDashboardRow {
  code: string;
  completion: CompletionRollUp;
  targets: TargetRollUp;
  /** Mean progress of the measured targets, each capped at 0–100 %, 1 decimal; null when none is measured. */
  targetProgressPct: number | null;
  /** Mean schedule index of the targets that have one, 3 decimals; null when none has. */
  scheduleIndex: number | null;
  investment: InvestmentRollUp;
  centresByStatus: Record<CentreStatus, number>;
  /** Open flags (not dismissed or justified) by severity. */
  redFlags: number;
  amberFlags: number;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const mean = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

type EngineFigures = Pick<EngineResult, "centres" | "targets" | "completion" | "targetRollUp" | "flagsByProvince">;

/** One row per province code given; `isOpen` says whether a flag counts (its review state is not the engine's). */
export function provinceDashboardRows(engine: EngineFigures, provinceCodes: readonly string[], isOpen: (flag: RiskFlag) => boolean): ProvinceDashboardRow[] {
  const byProvince = new Map<string, { progress: number[]; index: number[]; investment: InvestmentRollUp; statuses: Record<CentreStatus, number> }>();
  const bucket = (code: string) => {
    let b = byProvince.get(code);
    if (!b) {
      b = {
        progress: [],
        index: [],
        investment: { executedYuan: 0, plannedToDateYuan: 0, budgetYuan: 0, executedPctOfPlanned: null },
        statuses: Object.fromEntries(CENTRE_STATUSES.map((s) => [s, 0])) as Record<CentreStatus, number>,
      };
      byProvince.set(code, b);
    }
    return b;
  };
  for (const centre of engine.centres.values()) {
    const b = bucket(centre.provinceCode);
    b.investment.executedYuan += centre.investmentExecutedYuan ?? 0;
    b.investment.plannedToDateYuan += centre.plannedSpendToDateYuan;
    b.investment.budgetYuan += centre.budgetYuan;
    b.statuses[centre.status] += 1;
  }
  for (const target of engine.targets.values()) {
    const b = bucket(target.provinceCode);
    if (target.progressPct !== null) b.progress.push(Math.min(100, Math.max(0, target.progressPct)));
    if (target.scheduleIndex !== null) b.index.push(target.scheduleIndex);
  }
  return provinceCodes.map((code) => {
    const b = bucket(code);
    const flags = (engine.flagsByProvince.get(code) ?? []).filter(isOpen);
    const progress = mean(b.progress);
    const index = mean(b.index);
    const { plannedToDateYuan, executedYuan } = b.investment;
    return {
      code,
      completion: engine.completion.provinces[code] ?? { centres: 0, meanPct: null, budgetWeightedPct: null },
      targets: engine.targetRollUp.provinces[code] ?? { targets: 0, met: 0, onTrack: 0, atRisk: 0, red: 0, unmeasured: 0 },
      targetProgressPct: progress === null ? null : round(progress, 1),
      scheduleIndex: index === null ? null : round(index, 3),
      investment: { ...b.investment, executedPctOfPlanned: plannedToDateYuan > 0 ? round((executedYuan / plannedToDateYuan) * 100, 1) : null },
      centresByStatus: b.statuses,
      redFlags: flags.filter((f) => f.severity === "red").length,
      amberFlags: flags.filter((f) => f.severity === "amber").length,
    };
  });
}

/** The figure a map measure colours a province by. */
export function measureValue(row: ProvinceDashboardRow, measure: MapMeasure): number | null {
  switch (measure) {
    case "completion":
      return row.completion.centres === 0 ? null : row.completion.meanPct;
    case "target_progress":
      return row.targetProgressPct;
    case "schedule_index":
      return row.scheduleIndex;
    case "red_flags":
      return row.completion.centres === 0 && row.targets.targets === 0 ? null : row.redFlags;
  }
}

/**
 * Fixed class breaks per measure, so a colour means the same in every province and every "as of"
 * view: percentages by 20-point bands, the schedule index at the default red (0.75) and amber (0.9)
 * thresholds and around 1, red flags by count. A value equal to a break falls in the upper class.
 */
export const MEASURE_BREAKS: Record<MapMeasure, readonly number[]> = {
  completion: [20, 40, 60, 80],
  target_progress: [20, 40, 60, 80],
  schedule_index: [0.75, 0.9, 1, 1.1],
  red_flags: [1, 3, 6, 10],
};

/** The class of a value, 0 (lowest) … breaks.length (highest), or null for no data. */
export function measureClass(measure: MapMeasure, value: number | null): number | null {
  if (value === null) return null;
  return MEASURE_BREAKS[measure].filter((b) => value >= b).length;
}

export const SORT_KEYS = ["name", "completion", "target_progress", "schedule_index", "at_risk", "investment", "red_flags", "on_time"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Rows ordered by a column; provinces without the figure go last whichever the direction, ties by code. */
export function sortProvinceRows<T extends { code: string }>(rows: readonly T[], valueOf: (row: T) => number | string | null, direction: "asc" | "desc"): T[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va === null || vb === null) return va === vb ? a.code.localeCompare(b.code) : va === null ? 1 : -1;
    const order = typeof va === "string" && typeof vb === "string" ? va.localeCompare(vb, "zh-CN") : (va as number) - (vb as number);
    return order === 0 ? a.code.localeCompare(b.code) : sign * order;
  });
}

/**
 * The centre filters the province page and the API share: the status the centre has on the day shown,
 * and its open red or amber flags (`any`, or one rule's code).
 */
export function matchesCentreFilter(status: CentreStatus, openWarnings: readonly { code: RiskCode }[], filter: { status?: CentreStatus; flag?: "any" | RiskCode }): boolean {
  if (filter.status !== undefined && status !== filter.status) return false;
  if (filter.flag === undefined) return true;
  return filter.flag === "any" ? openWarnings.length > 0 : openWarnings.some((f) => f.code === filter.flag);
}
