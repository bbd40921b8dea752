// Entry point of the risk rules: every rule, its input type, and `evaluateAll` over a whole data set.
// Each rule is a pure function (input, today, thresholds = DEFAULT_THRESHOLDS) → RiskFlag[].

import { DEFAULT_CALENDAR, reportingFrom, type Calendar } from "../periods";
import { checkDuplicateConstruction, type DuplicateCentreInput } from "./duplicate-construction";
import { checkFundingUnderExecution } from "./funding-under-execution";
import { checkLowConversion } from "./low-conversion";
import { checkOverdueMilestones, type MilestoneInput } from "./overdue-milestone";
import { checkScatteredResources } from "./scattered-resources";
import { checkScheduleSlippage, type TargetScheduleInput } from "./schedule-slippage";
import { checkStaleReporting, expectedPeriodCodes } from "./stale-reporting";
import { DEFAULT_THRESHOLDS, type RiskThresholds } from "./thresholds";
import { compareFlags, type RiskFlag } from "./types";

export { RISK_CODES, compareFlags, flagKey, type ForecastOutcome, type RiskCode, type RiskFlag, type RiskSeverity, type RiskSubjectKind } from "./types";
export { DEFAULT_THRESHOLDS, type RiskThresholds } from "./thresholds";
export { wilsonInterval } from "./wilson";
export { jaccard } from "./tag-overlap";
export { checkDuplicateConstruction, leadKey, type DuplicateCentreInput } from "./duplicate-construction";
export { checkIdleButExpanding, type ComputeCentreInput, type ComputeReading } from "./idle-compute";
export { checkScatteredResources, type ScaleCentreInput } from "./scattered-resources";
export { checkLowConversion, type ConversionInput } from "./low-conversion";
export { checkScheduleSlippage, type TargetScheduleInput } from "./schedule-slippage";
export { checkCentreScheduleSlippage, checkCentreSchedules, type CentreScheduleFigures } from "./centre-schedule";
export { checkOverdueMilestones, type CentreMilestonesInput, type MilestoneInput } from "./overdue-milestone";
export { checkFundingUnderExecution, type FundingInput } from "./funding-under-execution";
export { checkStaleReporting, expectedPeriodCodes, type ReportingInput } from "./stale-reporting";

/** Figures of a centre's latest approved update (cumulative counts and money). */
export interface LatestApproved {
  period: string;
  investmentExecutedYuan: number | null;
  resultsProduced: number | null;
  /** Converted results, all five modes added together. */
  resultsConverted: number | null;
}

export interface CentreRiskRecord extends DuplicateCentreInput {
  plannedBudgetYuan: number;
  startDate: string;
  plannedCompletionDate: string;
  enterpriseLed: boolean;
  latestApproved: LatestApproved | null;
  /** Milestones with their approved progress. */
  milestones: readonly MilestoneInput[];
  /** Period codes with an approved update. */
  approvedPeriods: readonly string[];
  /** Periods the centre must report; when absent, every ended period of its province's cadence since the later of reporting start and the centre's start. */
  expectedPeriods?: readonly string[];
}

export interface RiskDataSet {
  /** When reporting in the system began (REPORTING_START). */
  reportingStart: string;
  /** Provinces with their reporting calendar; a province not listed uses DEFAULT_CALENDAR. */
  provinces: readonly { code: string; calendar: Calendar }[];
  centres: readonly CentreRiskRecord[];
  /** Targets with their schedule index and forecast, computed elsewhere. */
  targets: readonly TargetScheduleInput[];
}

/**
 * Every rule over the data set but a centre's own schedule slippage, which reads the completion
 * figures the engine computes for the centre page (runEngine adds it); flags sorted red, amber,
 * info, then by code, then by key.
 */
export function evaluateAll(input: RiskDataSet, today: string, thresholds: RiskThresholds = DEFAULT_THRESHOLDS): RiskFlag[] {
  const calendars = new Map(input.provinces.map((province) => [province.code, province.calendar]));
  // Centres starting in the same period expect the same periods: compute each list once, not per centre.
  const expectedByFrom = new Map<string, string[]>();
  const expectedPeriodsFrom = (from: string, cadence: Calendar["cadence"]) => {
    const key = `${cadence}|${from}`;
    let codes = expectedByFrom.get(key);
    if (!codes) {
      codes = expectedPeriodCodes(from, today, cadence);
      expectedByFrom.set(key, codes);
    }
    return codes;
  };
  const flags: RiskFlag[] = [
    ...checkDuplicateConstruction(input.centres, today, thresholds),
    ...checkScatteredResources(input.centres, today, thresholds),
  ];

  for (const centre of input.centres) {
    const latest = centre.latestApproved;
    flags.push(
      ...checkLowConversion(
        { centreId: centre.id, produced: latest?.resultsProduced ?? null, converted: latest?.resultsConverted ?? null, enterpriseLed: centre.enterpriseLed, period: latest?.period ?? null },
        today,
        thresholds,
      ),
      ...checkFundingUnderExecution(
        {
          centreId: centre.id,
          plannedBudgetYuan: centre.plannedBudgetYuan,
          startDate: centre.startDate,
          plannedCompletionDate: centre.plannedCompletionDate,
          executedYuan: latest?.investmentExecutedYuan ?? null,
          period: latest?.period ?? null,
        },
        today,
        thresholds,
      ),
      ...checkOverdueMilestones({ centreId: centre.id, milestones: centre.milestones }, today, thresholds),
    );

    const calendar = calendars.get(centre.provinceCode) ?? DEFAULT_CALENDAR;
    const from = reportingFrom(centre.startDate, input.reportingStart);
    const expectedPeriods = centre.expectedPeriods ?? expectedPeriodsFrom(from, calendar.cadence);
    flags.push(
      ...checkStaleReporting(
        { centreId: centre.id, calendar, reportingStart: input.reportingStart, expectedPeriods, approvedPeriods: centre.approvedPeriods },
        today,
        thresholds,
      ),
    );
  }

  for (const target of input.targets) flags.push(...checkScheduleSlippage(target, today, thresholds));
  return flags.sort(compareFlags);
}
