// The thresholds table as editable fields: each figure's dotted key, allowed range and whether it is
// a whole number, plus the rules between figures that an edit must keep (red stricter than amber).

import { DEFAULT_THRESHOLDS, type RiskThresholds } from "./thresholds";

export interface ThresholdField {
  key: string;
  min: number;
  max: number;
  integer: boolean;
}

const share = (key: string): ThresholdField => ({ key, min: 0, max: 1, integer: false });
const percent = (key: string): ThresholdField => ({ key, min: 0, max: 100, integer: false });
const whole = (key: string, min: number, max: number): ThresholdField => ({ key, min, max, integer: true });

export const THRESHOLD_FIELDS: readonly ThresholdField[] = [
  share("duplicate.sameCityJaccard"),
  share("duplicate.sameLeadJaccard"),
  whole("duplicate.idlePeriods", 1, 12),
  percent("duplicate.idleUtilizationRedBelowPercent"),
  percent("duplicate.idleUtilizationAmberBelowPercent"),
  percent("duplicate.idleOccupancyRedBelowPercent"),
  percent("duplicate.idleOccupancyAmberBelowPercent"),
  whole("scattered.minScaleYuan", 0, 1e13),
  share("scattered.belowScaleShare"),
  whole("scattered.minCentresForScale", 1, 1000),
  whole("scattered.samePrimaryFocusCount", 2, 1000),
  share("conversion.rate"),
  share("conversion.enterpriseRate"),
  whole("conversion.minSample", 1, 100_000),
  { key: "conversion.z", min: 0.5, max: 4, integer: false },
  { key: "schedule.amberBelowIndex", min: 0, max: 2, integer: false },
  { key: "schedule.redBelowIndex", min: 0, max: 2, integer: false },
  whole("milestone.redAfterDaysOverdue", 1, 3650),
  share("funding.redElapsedShare"),
  share("funding.redExecutedShare"),
  share("funding.amberElapsedShare"),
  share("funding.amberShareOfPlannedToDate"),
  whole("stale.redMissedPeriods", 1, 24),
];

export const THRESHOLD_KEYS = THRESHOLD_FIELDS.map((f) => f.key);

export function thresholdField(key: string): ThresholdField | undefined {
  return THRESHOLD_FIELDS.find((f) => f.key === key);
}

export function readThreshold(table: RiskThresholds, key: string): number {
  const [group, name] = key.split(".") as [keyof RiskThresholds, string];
  return (table[group] as unknown as Record<string, number>)[name]!;
}

/** The defaults with stored overrides applied; unknown keys are ignored (a removed threshold left in the table). */
export function withOverrides(overrides: ReadonlyMap<string, number>, base: RiskThresholds = DEFAULT_THRESHOLDS): RiskThresholds {
  const table = Object.fromEntries(Object.entries(base).map(([group, values]) => [group, { ...values }])) as unknown as RiskThresholds;
  for (const [key, value] of overrides) {
    if (!thresholdField(key)) continue;
    const [group, name] = key.split(".") as [keyof RiskThresholds, string];
    (table[group] as unknown as Record<string, number>)[name] = value;
  }
  return table;
}

/** Pairs that must stay ordered: the first (stricter, red) at most the second (amber). */
const ORDERED: readonly [string, string][] = [
  ["schedule.redBelowIndex", "schedule.amberBelowIndex"],
  ["duplicate.idleUtilizationRedBelowPercent", "duplicate.idleUtilizationAmberBelowPercent"],
  ["duplicate.idleOccupancyRedBelowPercent", "duplicate.idleOccupancyAmberBelowPercent"],
  ["funding.amberElapsedShare", "funding.redElapsedShare"],
];

/** The ordered pairs a table breaks, as [lower key, upper key]; empty when consistent. */
export function thresholdOrderViolations(table: RiskThresholds): [string, string][] {
  return ORDERED.filter(([low, high]) => readThreshold(table, low) > readThreshold(table, high));
}
