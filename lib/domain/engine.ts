// The engine: from approved data to every figure the pages show. Centre completion, each target's
// actual, progress, planned-to-date, schedule index, standing and forecast, every risk flag, and the
// province and national roll-ups, all in one pure pass that is linear in the size of the data.

import { forecastTarget, type Forecast } from "./forecast";
import { plannedShareAt } from "./investment";
import {
  centreCompletionPct,
  centrePlannedCompletionPct,
  centreScheduleIndex,
  plannedProgressPct,
  plannedValueAt,
  rollUpByProvince,
  rollUpCompletion,
  rollUpTargets,
  scheduleIndex,
  targetProgressPct,
  targetStanding,
  type CompletionRollUp,
  type DatedValue,
  type MilestoneProgress,
  type TargetRollUp,
  type TargetSpec,
  type TargetStanding,
} from "./progress";
import { checkCentreSchedules } from "./risk/centre-schedule";
import { evaluateAll, type CentreRiskRecord, type RiskDataSet } from "./risk/rules";
import { DEFAULT_THRESHOLDS, type RiskThresholds } from "./risk/thresholds";
import { compareFlags, severityRank, type RiskFlag, type RiskSeverity } from "./risk/types";
import { MEASURE_SPECS, measureUnitFactor, type TargetMeasure } from "./target-measures";

/** One approved update's figures (cumulative counts and money; compute and utilization as at period end). */
export interface ApprovedReport {
  period: string;
  periodEnd: string;
  investmentExecutedYuan: number | null;
  computePflops: number | null;
  utilizationPercent: number | null;
  patentsGranted: number | null;
  resultsProduced: number | null;
  /** The five conversion modes added together; null when none was reported. */
  resultsConverted: number | null;
  techContractValueYuan: number | null;
  firmsIncubated: number | null;
  talentIntroduced: number | null;
}

export interface EngineCentre extends Omit<CentreRiskRecord, "latestApproved" | "approvedPeriods" | "recentCompute" | "milestones"> {
  milestones: readonly (CentreRiskRecord["milestones"][number] & MilestoneProgress)[];
  /** Approved updates in any order. */
  reports: readonly ApprovedReport[];
}

export interface EngineTarget {
  id: string;
  provinceCode: string;
  spec: TargetSpec;
  unit: string;
  measure: TargetMeasure | null;
  /** Centres linked to the target. */
  centreIds: readonly string[];
}

export interface EngineInput extends Omit<RiskDataSet, "centres" | "targets"> {
  centres: readonly EngineCentre[];
  targets: readonly EngineTarget[];
}

export const DELIVERY_LEVELS = ["green", "amber", "red"] as const;
export type DeliveryLevel = (typeof DELIVERY_LEVELS)[number];

export interface CentreResult {
  provinceCode: string;
  status: EngineCentre["status"];
  completionPct: number;
  /** Weighted share of milestones planned by today (see centrePlannedCompletionPct). */
  plannedCompletionPct: number;
  /** completion ÷ planned completion; null while no milestone is due. */
  scheduleIndex: number | null;
  /** The newest approved update's period and its end, if any. */
  latestReport: { period: string; periodEnd: string } | null;
  /** Cumulative investment executed in the newest approved update reporting it; null when none has. */
  investmentExecutedYuan: number | null;
  /** The budget's straight-line share from start to planned completion, on `today` (元). */
  plannedSpendToDateYuan: number;
  budgetYuan: number;
  /** Worst severity among the flags naming the centre: red, amber, else green (info flags do not count). */
  computedLevel: DeliveryLevel;
  flags: RiskFlag[];
}

export interface TargetResult {
  provinceCode: string;
  /** Why there is no actual: the target has no measure, or its unit does not fit it, or no linked centre has reported it. */
  unmeasuredReason: "no_measure" | "unit_mismatch" | "no_reports" | null;
  actual: number | null;
  progressPct: number | null;
  plannedValue: number;
  plannedPct: number | null;
  scheduleIndex: number | null;
  standing: TargetStanding;
  forecast: Forecast;
  /** Levels over time used for the forecast: the baseline, then one point per period end with an approved report. */
  series: DatedValue[];
  flags: RiskFlag[];
}

export interface EngineResult {
  today: string;
  centres: Map<string, CentreResult>;
  targets: Map<string, TargetResult>;
  flags: RiskFlag[];
  completion: { national: CompletionRollUp; provinces: Record<string, CompletionRollUp> };
  targetRollUp: { national: TargetRollUp; provinces: Record<string, TargetRollUp> };
  /** Flags by province (a flag on a centre pair or target counts in its province). */
  flagsByProvince: Map<string, RiskFlag[]>;
}

const byPeriodEnd = (a: ApprovedReport, b: ApprovedReport) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0);

function riskRecord(centre: EngineCentre, reports: readonly ApprovedReport[]): CentreRiskRecord {
  const latest = reports.at(-1);
  return {
    ...centre,
    milestones: centre.milestones,
    approvedPeriods: reports.map((r) => r.period),
    recentCompute: reports
      .slice()
      .reverse()
      .map((r) => ({ period: r.period, utilizationPercent: r.utilizationPercent })),
    latestApproved: latest
      ? { period: latest.period, investmentExecutedYuan: latest.investmentExecutedYuan, resultsProduced: latest.resultsProduced, resultsConverted: latest.resultsConverted }
      : null,
  };
}

const SUM_FIELDS = {
  investment_executed: "investmentExecutedYuan",
  compute_pflops: "computePflops",
  firms_incubated: "firmsIncubated",
  patents_granted: "patentsGranted",
  results_converted: "resultsConverted",
  tech_contract_value: "techContractValueYuan",
  talent_introduced: "talentIntroduced",
} as const satisfies Partial<Record<TargetMeasure, keyof ApprovedReport>>;

/**
 * The target's level at each period end where a linked centre has an approved report, each centre
 * counting with its latest report on or before that date:
 * - sum measures: baseline + factor × Σ the centres' cumulative figures (contributions since the baseline);
 * - compute_utilization: mean of the centres' latest utilization (%);
 * - conversion_rate: Σ converted ÷ Σ produced × 100, over reports giving both.
 * Centres that have not reported the figure yet are left out of that date.
 */
function measuredSeries(target: EngineTarget, factor: number, reportsOf: Map<string, ApprovedReport[]>): DatedValue[] {
  const measure = target.measure!;
  const dates = new Set<string>();
  const perCentre = target.centreIds.map((id) => reportsOf.get(id) ?? []);
  for (const reports of perCentre) for (const r of reports) dates.add(r.periodEnd);
  const cursor = perCentre.map(() => -1);
  const series: DatedValue[] = [];
  for (const date of [...dates].sort()) {
    let sum = 0;
    let produced = 0;
    let reporting = 0;
    perCentre.forEach((reports, i) => {
      while (cursor[i]! + 1 < reports.length && reports[cursor[i]! + 1]!.periodEnd <= date) cursor[i]! += 1;
      // The latest report on or before `date` that carries the figure.
      for (let k = cursor[i]!; k >= 0; k -= 1) {
        const r = reports[k]!;
        if (measure === "conversion_rate") {
          // Both figures or neither: blank conversion modes are "not reported", not zero (as in the low-conversion rule).
          if (r.resultsProduced === null || r.resultsConverted === null) continue;
          produced += r.resultsProduced;
          sum += r.resultsConverted;
        } else {
          const value = measure === "compute_utilization" ? r.utilizationPercent : r[SUM_FIELDS[measure as keyof typeof SUM_FIELDS]];
          if (value === null) continue;
          sum += value;
        }
        reporting += 1;
        break;
      }
    });
    if (reporting === 0) continue;
    if (measure === "compute_utilization") series.push({ date, value: sum / reporting });
    else if (measure === "conversion_rate") {
      if (produced > 0) series.push({ date, value: (sum / produced) * 100 });
    } else series.push({ date, value: target.spec.baselineValue + factor * sum });
  }
  return series;
}

function evaluateTarget(target: EngineTarget, centresById: Map<string, EngineCentre>, reportsOf: Map<string, ApprovedReport[]>, today: string, thresholds: RiskThresholds) {
  const { spec } = target;
  const factor = target.measure === null ? null : measureUnitFactor(target.measure, target.unit);
  let series: DatedValue[] = [];
  let actual: number | null = null;
  let unmeasuredReason: TargetResult["unmeasuredReason"] = null;
  if (target.measure === null) unmeasuredReason = "no_measure";
  else if (factor === null || MEASURE_SPECS[target.measure].kind !== spec.kind) unmeasuredReason = "unit_mismatch";
  else if (target.measure === "centres_operational") {
    const linked = target.centreIds.map((id) => centresById.get(id)).filter((c) => c !== undefined);
    actual = spec.baselineValue + linked.filter((c) => c.status === "operational").length;
  } else {
    series = measuredSeries(target, factor, reportsOf);
    actual = series.at(-1)?.value ?? null;
    if (actual === null) unmeasuredReason = "no_reports";
  }
  const index = scheduleIndex(spec, actual, today);
  // The baseline is the trend's first point for levels that grow from it (not for rates measured afresh).
  const trend = spec.kind === "rate" ? series : [{ date: spec.baselineDate, value: spec.baselineValue }, ...series.filter((p) => p.date > spec.baselineDate)];
  const forecast = actual === null ? ({ kind: "insufficient_data" } as const) : forecastTarget(spec, trend);
  return {
    provinceCode: target.provinceCode,
    unmeasuredReason,
    actual,
    progressPct: targetProgressPct(spec, actual),
    plannedValue: plannedValueAt(spec, today),
    plannedPct: plannedProgressPct(spec, today),
    scheduleIndex: index,
    standing: targetStanding(spec, actual, today, thresholds.schedule),
    forecast,
    series: trend,
    flags: [] as RiskFlag[],
  } satisfies TargetResult;
}

const LEVEL_OF: Record<RiskSeverity, DeliveryLevel | null> = { red: "red", amber: "amber", info: null };

/** Everything the pages show, from approved data, on `today`, under `thresholds`. */
export function runEngine(input: EngineInput, today: string, thresholds: RiskThresholds = DEFAULT_THRESHOLDS): EngineResult {
  const reportsOf = new Map<string, ApprovedReport[]>();
  const centresById = new Map<string, EngineCentre>();
  for (const centre of input.centres) {
    centresById.set(centre.id, centre);
    reportsOf.set(centre.id, centre.reports.slice().sort(byPeriodEnd));
  }

  const targets = new Map<string, TargetResult>();
  for (const target of input.targets) targets.set(target.id, evaluateTarget(target, centresById, reportsOf, today, thresholds));

  const flags = evaluateAll(
    {
      reportingStart: input.reportingStart,
      provinces: input.provinces,
      centres: input.centres.map((c) => riskRecord(c, reportsOf.get(c.id)!)),
      targets: input.targets.map((t) => {
        const r = targets.get(t.id)!;
        return {
          targetId: t.id,
          scheduleIndex: r.scheduleIndex,
          forecast: r.forecast.kind,
          forecastDate: "forecastDate" in r.forecast ? r.forecast.forecastDate : null,
          deadline: t.spec.deadline,
        };
      }),
    },
    today,
    thresholds,
  );

  const centres = new Map<string, CentreResult>();
  for (const centre of input.centres) {
    const reports = reportsOf.get(centre.id)!;
    const latest = reports.at(-1);
    const completionPct = centreCompletionPct(centre.milestones);
    const plannedCompletionPct = centrePlannedCompletionPct(centre.milestones, today);
    centres.set(centre.id, {
      provinceCode: centre.provinceCode,
      status: centre.status,
      completionPct,
      plannedCompletionPct,
      scheduleIndex: centreScheduleIndex(completionPct, plannedCompletionPct),
      latestReport: latest ? { period: latest.period, periodEnd: latest.periodEnd } : null,
      investmentExecutedYuan: reports.findLast((r) => r.investmentExecutedYuan !== null)?.investmentExecutedYuan ?? null,
      plannedSpendToDateYuan: Math.round(centre.plannedBudgetYuan * plannedShareAt(centre.startDate, centre.plannedCompletionDate, today)),
      budgetYuan: centre.plannedBudgetYuan,
      computedLevel: "green",
      flags: [],
    });
  }
  // Centre schedule slippage reads the figures just set on each centre, so its flag states the index the page shows.
  flags.push(...checkCentreSchedules(centres, today, thresholds));
  flags.sort(compareFlags);

  const provinceOfTarget = new Map(input.targets.map((t) => [t.id, t.provinceCode]));
  const flagsByProvince = new Map<string, RiskFlag[]>();
  for (const flag of flags) {
    let province: string | undefined;
    if (flag.subject.kind === "target") {
      const id = flag.subject.ids[0]!;
      targets.get(id)?.flags.push(flag);
      province = provinceOfTarget.get(id);
    } else if (flag.subject.kind === "province") province = flag.subject.ids[0];
    else {
      for (const id of flag.subject.ids) {
        const result = centres.get(id);
        if (!result) continue;
        result.flags.push(flag);
        const level = LEVEL_OF[flag.severity];
        if (level && severityRank(flag.severity) < severityRank(result.computedLevel === "green" ? "info" : result.computedLevel)) result.computedLevel = level;
      }
      province = centresById.get(flag.subject.ids[0]!)?.provinceCode;
    }
    if (province === undefined) continue;
    const list = flagsByProvince.get(province);
    if (list) list.push(flag);
    else flagsByProvince.set(province, [flag]);
  }

  const provinceCodes = input.provinces.map((p) => p.code);
  const completion = rollUpByProvince(input.centres, (group) => rollUpCompletion(group.map((c) => ({ milestones: c.milestones, budgetYuan: c.plannedBudgetYuan }))), provinceCodes);
  const targetRollUp = rollUpByProvince(
    input.targets,
    (group) => rollUpTargets(group.map((t) => ({ spec: t.spec, actual: targets.get(t.id)!.actual })), today, thresholds.schedule),
    provinceCodes,
  );
  return { today, centres, targets, flags, completion, targetRollUp, flagsByProvince };
}
