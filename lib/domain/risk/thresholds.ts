// The thresholds table the risk rules read. Each rule takes a `thresholds` argument that defaults to
// DEFAULT_THRESHOLDS, so an administrator's edited copy can be passed in instead. The figures, their
// units, ranges and sources (docs/domain.md, "Thresholds") are rows of lib/registry/thresholds.ts;
// this file only shapes them.

import { defaultsOf, THRESHOLDS, type ThresholdTable } from "@/lib/registry/thresholds";

/** `table.group.name`, one number per registry row (what each figure means: its row's `basis`). */
export type RiskThresholds = ThresholdTable;

/** Frozen two levels deep, so a caller editing "its" copy in place cannot change every later evaluation. */
function frozen(table: RiskThresholds): RiskThresholds {
  for (const group of Object.values(table)) Object.freeze(group);
  return Object.freeze(table);
}

export const DEFAULT_THRESHOLDS: RiskThresholds = frozen(defaultsOf(THRESHOLDS) as RiskThresholds);
