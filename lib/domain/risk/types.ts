// The shape every risk rule returns, and the helpers that build, key and order flags.

import type { RiskCode, RiskSubjectKind } from "@/lib/registry/risk-codes";

// The codes and subject kinds are rows of lib/registry/risk-codes.ts.
export { RISK_CODES, RISK_SUBJECT_KINDS, type RiskCode, type RiskSubjectKind } from "@/lib/registry/risk-codes";

/** Most severe first, the order lists and filters show them in. */
export const RISK_SEVERITIES = ["red", "amber", "info"] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

export interface RiskFlag {
  code: RiskCode;
  severity: RiskSeverity;
  subject: { kind: RiskSubjectKind; ids: string[] };
  /**
   * Stable across runs for the same finding, so acknowledgement and dismissal can be tracked:
   * `code|sorted subject ids|discriminator`, the discriminator naming which finding it is when one
   * subject can carry several (the sub-rule, or the milestone id).
   */
  key: string;
  /** The figures the rule used, so every flag can show its evidence. */
  values: Record<string, number | string | null>;
  /** One sentence each, stating the finding with those figures. */
  explanation: { zh: string; en: string };
}

/** Forecast outcome of a target, as computed elsewhere (the forecast module) and passed in. */
export type ForecastOutcome = "on_track" | "late" | "already_met" | "not_reaching" | "insufficient_data";

export function flagKey(code: RiskCode, ids: readonly string[], discriminator?: string): string {
  const parts = [code, [...ids].sort().join(",")];
  if (discriminator !== undefined) parts.push(discriminator);
  return parts.join("|");
}

export function makeFlag(
  code: RiskCode,
  severity: RiskSeverity,
  subject: { kind: RiskSubjectKind; ids: readonly string[] },
  values: Record<string, number | string | null>,
  explanation: { zh: string; en: string },
  discriminator?: string,
): RiskFlag {
  const ids = [...subject.ids].sort();
  return { code, severity, subject: { kind: subject.kind, ids }, key: flagKey(code, ids, discriminator), values, explanation };
}

const SEVERITY_RANK: Record<RiskSeverity, number> = { red: 0, amber: 1, info: 2 };

export function severityRank(severity: RiskSeverity): number {
  return SEVERITY_RANK[severity];
}

/** Red, amber, info; then code, then key (plain code-unit order, so the result never depends on locale). */
export function compareFlags(a: RiskFlag, b: RiskFlag): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

// Thresholds are compared with a small tolerance so a figure exactly on a threshold (3/10 vs 0.3,
// 300/400 days vs 0.75) behaves as written despite binary fractions.
const EPSILON = 1e-9;

export function isBelow(value: number, threshold: number): boolean {
  return value < threshold - EPSILON;
}

export function isAtLeast(value: number, threshold: number): boolean {
  return value >= threshold - EPSILON;
}

export function isAbove(value: number, threshold: number): boolean {
  return value > threshold + EPSILON;
}

/** Rounds a stored figure for display in `values`; decisions always use the unrounded figure. */
export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Groups items by a string key, keeping input order within each group. O(n). */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
