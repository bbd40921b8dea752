import { thresholdFigure } from "@/lib/domain/risk/explain";
import type { Locale } from "@/lib/domain/vocabulary";
import { splitKey, THRESHOLDS, type ThresholdRow, type ThresholdSource, type ThresholdUnit } from "@/lib/registry/thresholds";

export interface ThresholdRowModel {
  key: string;
  labelKey: string;
  helpKey: string;
  unit: ThresholdUnit;
  source: ThresholdSource;
  /** The allowed range and step as people read them (20%, 1亿元, 90 天). */
  rangeText: { min: string; max: string };
  step: number;
  defaultValue: number;
  defaultText: string;
  /** In force: the stored override, else the default; entered in the stored unit (0.2, not 20%). */
  value: number;
  valueText: string;
  /** The override's version, 0 when none is stored. */
  version: number;
  overridden: boolean;
}

export interface ThresholdGroupModel {
  group: string;
  titleKey: string;
  rows: ThresholdRowModel[];
}

/**
 * The admin page's tables: one per rule family, one row per registry row, in registry order. A
 * stored override whose key no row defines (a removed threshold) is not shown.
 */
export function thresholdsPageModel(overrides: ReadonlyMap<string, { value: number; version: number }>, locale: Locale, rows: readonly ThresholdRow[] = THRESHOLDS): ThresholdGroupModel[] {
  const groups = new Map<string, ThresholdGroupModel>();
  for (const row of rows) {
    const [group] = splitKey(row.key);
    const override = overrides.get(row.key);
    const value = override?.value ?? row.defaultValue;
    const text = (v: number) => thresholdFigure(row.unit, v, locale);
    let model = groups.get(group);
    if (!model) groups.set(group, (model = { group, titleKey: `thresholds.groups.${group}`, rows: [] }));
    model.rows.push({
      key: row.key,
      labelKey: row.labelKey,
      helpKey: row.helpKey,
      unit: row.unit,
      source: row.source,
      rangeText: { min: text(row.min), max: text(row.max) },
      step: row.step,
      defaultValue: row.defaultValue,
      defaultText: text(row.defaultValue),
      value,
      valueText: text(value),
      version: override?.version ?? 0,
      overridden: override !== undefined,
    });
  }
  return [...groups.values()];
}
