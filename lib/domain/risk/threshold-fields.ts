// The thresholds table as editable fields: reading one figure by its dotted key, applying stored
// overrides, and the order between figures that an edit must keep (red stricter than amber). The
// fields themselves are the rows of lib/registry/thresholds.ts; each function takes the rows so a
// test can hand it a registry with one more row.

import { splitKey, orderedPairs, THRESHOLDS, type ThresholdRow } from "@/lib/registry/thresholds";
import { DEFAULT_THRESHOLDS, type RiskThresholds } from "./thresholds";

export type ThresholdField = ThresholdRow;

export const THRESHOLD_FIELDS: readonly ThresholdField[] = THRESHOLDS;

export const THRESHOLD_KEYS: readonly string[] = THRESHOLDS.map((f) => f.key);

export function thresholdField(key: string, rows: readonly ThresholdRow[] = THRESHOLDS): ThresholdField | undefined {
  return rows.find((f) => f.key === key);
}

/** Whole numbers only: the field's step is 1. */
export const isWholeNumber = (field: Pick<ThresholdRow, "step">): boolean => field.step === 1;

export function readThreshold(table: RiskThresholds, key: string): number {
  const [group, name] = splitKey(key);
  return (table as unknown as Record<string, Record<string, number>>)[group]![name]!;
}

/**
 * The defaults with stored overrides applied. A key no row defines is ignored: an override left in
 * the table for a threshold since removed (the rack-occupancy bounds) must not break the page.
 */
export function withOverrides(overrides: ReadonlyMap<string, number>, base: RiskThresholds = DEFAULT_THRESHOLDS, rows: readonly ThresholdRow[] = THRESHOLDS): RiskThresholds {
  const table = Object.fromEntries(Object.entries(base).map(([group, values]) => [group, { ...values }])) as Record<string, Record<string, number>>;
  for (const [key, value] of overrides) {
    if (!thresholdField(key, rows)) continue;
    const [group, name] = splitKey(key);
    (table[group] ??= {})[name] = value;
  }
  return table as unknown as RiskThresholds;
}

/** The ordered pairs a table breaks, as [lower key, upper key]; empty when consistent. */
export function thresholdOrderViolations(table: RiskThresholds, rows: readonly ThresholdRow[] = THRESHOLDS): [string, string][] {
  return orderedPairs(rows).filter(([low, high]) => readThreshold(table, low) > readThreshold(table, high));
}
