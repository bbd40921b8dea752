// Every risk rule's code, one row each: what it flags, its messages, which thresholds it reads, where
// docs/domain.md defines it, and which figures getting worse bring back a dismissed flag. RISK_CODES,
// the filters, the API enums and the tests read this table instead of listing codes themselves.

import type { ThresholdKey } from "./thresholds";

export const RISK_SUBJECT_KINDS = ["centre", "province", "centre_pair", "target"] as const;
export type RiskSubjectKind = (typeof RISK_SUBJECT_KINDS)[number];

export type WorseDirection = "higher" | "lower";

export interface RiskCodeRow<C extends string = string> {
  code: C;
  /** What a flag of this rule names: one centre, a pair, a province or a plan target. */
  subjectKinds: readonly RiskSubjectKind[];
  labelKey: string;
  descriptionKey: string;
  /** The thresholds the rule reads (a test checks that every threshold is read by some rule). */
  thresholds: readonly ThresholdKey[];
  /** The rule's section in docs/domain.md. */
  docsAnchor: string;
  /** Figures in `values` whose move in the given direction makes a reviewed flag worse. */
  worseWhen: readonly (readonly [field: string, direction: WorseDirection])[];
}

type RowSpec = Omit<RiskCodeRow, "code" | "labelKey" | "descriptionKey" | "docsAnchor">;

function rule<C extends string>(code: C, spec: RowSpec): RiskCodeRow<C> {
  return { code, ...spec, labelKey: `risk.codes.${code}`, descriptionKey: `risk.descriptions.${code}`, docsAnchor: `docs/domain.md#${code.replaceAll("_", "-")}` };
}

/** In the order lists, filters and the API show them. */
export const RISK_CODE_ROWS = [
  rule("duplicate_construction", {
    subjectKinds: ["centre_pair"],
    thresholds: ["duplicate.sameCityJaccard", "duplicate.sameLeadJaccard", "duplicate.idlePeriods", "duplicate.idleUtilizationRedBelowPercent", "duplicate.idleUtilizationAmberBelowPercent"],
    worseWhen: [["jaccard", "higher"]],
  }),
  rule("scattered_resources", {
    subjectKinds: ["province"],
    thresholds: ["scattered.minScaleYuan", "scattered.belowScaleShare", "scattered.minCentresForScale", "scattered.samePrimaryFocusCount"],
    worseWhen: [
      ["share", "higher"],
      ["largestCount", "higher"],
    ],
  }),
  rule("low_conversion", {
    subjectKinds: ["centre"],
    thresholds: ["conversion.rate", "conversion.enterpriseRate", "conversion.minSample", "conversion.z"],
    worseWhen: [["rate", "lower"]],
  }),
  rule("schedule_slippage", {
    subjectKinds: ["target", "centre"],
    thresholds: ["schedule.amberBelowIndex", "schedule.redBelowIndex", "schedule.centreAmberBelowIndex", "schedule.centreRedBelowIndex"],
    worseWhen: [
      ["scheduleIndex", "lower"],
      ["daysLate", "higher"],
    ],
  }),
  rule("overdue_milestone", {
    subjectKinds: ["centre"],
    thresholds: ["milestone.redAfterDaysOverdue"],
    // Days overdue grow every day; only the move from amber to red counts (severity).
    worseWhen: [["progress", "lower"]],
  }),
  rule("funding_under_execution", {
    subjectKinds: ["centre"],
    thresholds: ["funding.redElapsedShare", "funding.redExecutedShare", "funding.amberElapsedShare", "funding.amberShareOfPlannedToDate"],
    worseWhen: [["executedShare", "lower"]],
  }),
  rule("stale_reporting", {
    subjectKinds: ["centre"],
    thresholds: ["stale.redMissedPeriods"],
    worseWhen: [["missedCount", "higher"]],
  }),
] as const satisfies readonly RiskCodeRow[];

export type RiskCode = (typeof RISK_CODE_ROWS)[number]["code"];

export const RISK_CODES = RISK_CODE_ROWS.map((r) => r.code) as unknown as readonly [RiskCode, ...RiskCode[]];

const BY_CODE = new Map<string, RiskCodeRow<RiskCode>>(RISK_CODE_ROWS.map((r) => [r.code, r]));

export function riskCodeRow(code: RiskCode): RiskCodeRow<RiskCode> {
  return BY_CODE.get(code)!;
}
