// How a plan target is measured from the approved reports of the centres linked to it. A target's
// metric is free text from its source document ("算力规模"); its `measure` says which reported figure
// stands for it. Targets without a measure (e.g. a province-wide penetration rate no centre reports)
// still show their plan and planned-to-date, but no actual.

import type { TargetKind } from "./vocabulary";

export const TARGET_MEASURES = [
  "centres_operational",
  "investment_executed",
  "compute_pflops",
  "firms_incubated",
  "patents_granted",
  "results_converted",
  "tech_contract_value",
  "talent_introduced",
  "compute_utilization",
  "conversion_rate",
] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

type UnitClass = "money" | "compute" | "count" | "percent";

/** Which target kind each measure serves and the class of unit it is reported in. */
export const MEASURE_SPECS: Record<TargetMeasure, { kind: TargetKind; unitClass: UnitClass }> = {
  centres_operational: { kind: "count", unitClass: "count" },
  investment_executed: { kind: "sum", unitClass: "money" },
  compute_pflops: { kind: "sum", unitClass: "compute" },
  firms_incubated: { kind: "sum", unitClass: "count" },
  patents_granted: { kind: "sum", unitClass: "count" },
  results_converted: { kind: "sum", unitClass: "count" },
  tech_contract_value: { kind: "sum", unitClass: "money" },
  talent_introduced: { kind: "sum", unitClass: "count" },
  compute_utilization: { kind: "rate", unitClass: "percent" },
  conversion_rate: { kind: "rate", unitClass: "percent" },
};

// Reported money is in 元 and compute in PFLOPS; a target's unit says how to scale them.
// Maps, not object literals: a unit named "toString" must not find Object.prototype's.
const MONEY_UNITS = new Map([
  ["元", 1],
  ["万元", 1e-4],
  ["亿元", 1e-8],
]);
const COMPUTE_UNITS = new Map([
  ["TFLOPS", 1000],
  ["PFLOPS", 1],
  ["EFLOPS", 1e-3],
]);

/**
 * Factor turning the reported figure into the target's unit (亿元 → 1e-8 per 元, EFLOPS → 0.001 per
 * PFLOPS); null when the unit does not fit the measure (a count in 亿元, a rate not in %).
 */
export function measureUnitFactor(measure: TargetMeasure, unit: string): number | null {
  const trimmed = unit.trim();
  switch (MEASURE_SPECS[measure].unitClass) {
    case "money":
      return MONEY_UNITS.get(trimmed) ?? null;
    case "compute":
      return COMPUTE_UNITS.get(trimmed.toUpperCase()) ?? null;
    case "percent":
      return trimmed === "%" || trimmed === "％" ? 1 : null;
    case "count":
      return MONEY_UNITS.has(trimmed) || COMPUTE_UNITS.has(trimmed.toUpperCase()) || trimmed === "%" || trimmed === "％" ? null : 1;
  }
}

/** Why a measure cannot serve a target of this kind and unit, as a validation message key; null when it can. */
export function measureMismatch(measure: TargetMeasure, kind: TargetKind, unit: string): "measureKind" | "measureUnit" | null {
  if (MEASURE_SPECS[measure].kind !== kind) return "measureKind";
  return measureUnitFactor(measure, unit) === null ? "measureUnit" : null;
}
