// Every number the risk rules use, in one table. Each rule takes a `thresholds` argument that
// defaults to this table, so an administrator's edited copy can be passed in instead.
// "Domain notes" = the background restated in docs/domain.md ("Sources"; each rule's definition in
// "Risk rules", the table in "Thresholds"); "product default" = chosen here where the notes are
// silent. Rates and shares are fractions (0.2 = 20%); figures named `…Percent` are on the 0–100
// scale the updates store (utilization, rack occupancy, milestone progress).

export interface RiskThresholds {
  duplicate: {
    /** Same prefecture-level city: focus-tag Jaccard at or above this → amber (red with a shared lead or funder). */
    sameCityJaccard: number;
    /** Same lead institution in one province: focus-tag Jaccard at or above this → amber. */
    sameLeadJaccard: number;
    /** Idle but expanding: how many latest approved periods must all be idle. */
    idlePeriods: number;
    idleUtilizationRedBelowPercent: number;
    idleUtilizationAmberBelowPercent: number;
    idleOccupancyRedBelowPercent: number;
    idleOccupancyAmberBelowPercent: number;
  };
  scattered: {
    /** A centre whose planned budget is below this (元) is "below minimum scale". */
    minScaleYuan: number;
    /** Flag when the share of centres below minimum scale is strictly more than this. */
    belowScaleShare: number;
    /** Provinces with fewer centres are not judged on scale (one small centre is not "scattered"). */
    minCentresForScale: number;
    /** Flag when at least this many centres of a province share their primary (first) focus tag. */
    samePrimaryFocusCount: number;
  };
  conversion: {
    /** Converted ÷ produced below this → flag. */
    rate: number;
    /** The same for centres led by an enterprise. */
    enterpriseRate: number;
    /** Fewer results produced than this → "insufficient sample" (info) instead of amber/red. */
    minSample: number;
    /** Normal quantile of the two-sided 95% Wilson score interval. */
    z: number;
  };
  schedule: {
    /** Schedule index (actual ÷ planned-to-date) below this → amber. */
    amberBelowIndex: number;
    /** … below this → red. */
    redBelowIndex: number;
  };
  milestone: {
    /** A milestone overdue by more than this many days is red (amber up to it). */
    redAfterDaysOverdue: number;
  };
  funding: {
    /** Red rule: once this share of the planned construction period has elapsed … */
    redElapsedShare: number;
    /** … executed investment below this share of the budget is red. */
    redExecutedShare: number;
    /** Amber rule: once this share of the period has elapsed … */
    amberElapsedShare: number;
    /** … executed investment below this fraction of the planned-to-date spending is amber. */
    amberShareOfPlannedToDate: number;
  };
  stale: {
    /** Missed (overdue, unapproved) periods at or above this count are red; fewer (≥ 1) amber. */
    redMissedPeriods: number;
  };
}

/** Frozen two levels deep, so a caller editing "its" copy in place cannot change every later evaluation. */
function frozen(table: RiskThresholds): RiskThresholds {
  for (const group of Object.values(table)) Object.freeze(group);
  return Object.freeze(table);
}

export const DEFAULT_THRESHOLDS: RiskThresholds = frozen({
  duplicate: {
    sameCityJaccard: 0.5, // domain notes: "Same city, same focus … Jaccard ≥0.5"
    sameLeadJaccard: 0.3, // domain notes: "One lead, several centres … Jaccard ≥0.3"
    idlePeriods: 2, // domain notes: "for two periods"
    idleUtilizationRedBelowPercent: 30, // domain notes: "utilization <30%"
    idleUtilizationAmberBelowPercent: 50, // domain notes: "30–50%"
    idleOccupancyRedBelowPercent: 50, // domain notes: "occupancy <50%"
    idleOccupancyAmberBelowPercent: 65, // domain notes: "50–65%"; hub clusters require occupancy ≥65%
  },
  scattered: {
    minScaleYuan: 100_000_000, // product default: 1 亿元 (the notes say "a minimum scale" without a figure)
    belowScaleShare: 0.5, // domain notes: "more than half the centres below a minimum scale"
    minCentresForScale: 2, // product default
    samePrimaryFocusCount: 3, // domain notes: "≥3 centres sharing the same primary focus"
  },
  conversion: {
    rate: 0.2, // domain notes: "flag below 20%"
    enterpriseRate: 0.3, // domain notes: "enterprise-led centres against 30%"
    minSample: 20, // domain notes: "insufficient sample (样本不足) under 20 results"
    z: 1.959964, // domain notes: "95% Wilson interval"
  },
  schedule: {
    amberBelowIndex: 0.9, // domain notes: "below 0.9 is amber"
    redBelowIndex: 0.75, // domain notes: "below 0.75 red"
  },
  milestone: {
    redAfterDaysOverdue: 90, // product default
  },
  funding: {
    redElapsedShare: 0.75, // domain notes: "after 75% of the planned period"
    redExecutedShare: 0.5, // domain notes: "less than 50% of planned investment executed"
    amberElapsedShare: 0.25, // product default
    amberShareOfPlannedToDate: 0.7, // product default
  },
  stale: {
    redMissedPeriods: 2, // product default: one missed period amber, two or more red
  },
});
