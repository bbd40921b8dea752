// Progress of centres and plan targets: weighted milestone completion, progress against a target
// measured from its baseline, the value planned to date, the schedule index (actual ÷ planned, like
// earned value's SPI) and the province and national roll-ups. Callers pass approved figures only and
// an explicit `today`; nothing here reads the clock, and no input is mutated.
//
// Rounding: percentages are returned on the 0–100 scale rounded to ROUNDING.percentDecimals, ratios to
// ROUNDING.ratioDecimals, half away from zero, once at the end of each function. Values in a target's
// own unit (actuals, planned values) are never rounded.

import { daysBetween } from "./periods";
import { DEFAULT_THRESHOLDS } from "./risk/thresholds";
import type { TargetKind } from "./vocabulary";

/** A target's schedule index below `amberBelowIndex` is amber, below `redBelowIndex` red: the defaults of the thresholds registry. */
export const SCHEDULE_THRESHOLDS: ScheduleThresholds = {
  amberBelowIndex: DEFAULT_THRESHOLDS.schedule.amberBelowIndex,
  redBelowIndex: DEFAULT_THRESHOLDS.schedule.redBelowIndex,
};
export interface ScheduleThresholds {
  amberBelowIndex: number;
  redBelowIndex: number;
}

export const ROUNDING = { percentDecimals: 1, ratioDecimals: 3 } as const;

/** `value` rounded half away from zero to `decimals` (1.005 → 1.01, −2.25 → −2.3 at 1), binary-fraction noise trimmed first; never −0. */
export function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // 15 significant digits is what a double holds reliably: 1.005 × 100 = 100.49999999999999 becomes 100.5.
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / factor + 0;
}

const pct = (value: number) => roundHalfAway(value, ROUNDING.percentDecimals);
const ratio = (value: number) => roundHalfAway(value, ROUNDING.ratioDecimals);
const total = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

/** Σ wᵢ·xᵢ ÷ Σ wᵢ with negative weights as 0; equal weights when they sum to 0 (weights then say nothing); null for no items. */
function weightedMean(items: readonly { weight: number; value: number }[]): number | null {
  if (items.length === 0) return null;
  const weights = items.map((i) => Math.max(0, i.weight));
  const sumOfWeights = total(weights);
  if (sumOfWeights === 0) return total(items.map((i) => i.value)) / items.length;
  return total(items.map((i, k) => weights[k]! * i.value)) / sumOfWeights;
}

// ---- Centres ----------------------------------------------------------------------------------

/** A milestone's relative weight (≥ 0; negative counts as 0) and approved progress in percent (0–100). */
export interface MilestoneProgress {
  weight: number;
  progress: number;
}

function completionRaw(milestones: readonly MilestoneProgress[]): number {
  return weightedMean(milestones.map((m) => ({ weight: m.weight, value: m.progress }))) ?? 0;
}

/** Centre completion %, Σ weight × progress ÷ Σ weight, 1 decimal; 0 with no milestones; equal weights when every weight is 0. */
export function centreCompletionPct(milestones: readonly MilestoneProgress[]): number {
  return pct(completionRaw(milestones));
}

/**
 * Completion the plan expects by `today`: the weighted share of milestones planned on or before it
 * (each counted whole), 1 decimal; 0 when none is due yet or there are none.
 */
export function centrePlannedCompletionPct(milestones: readonly (MilestoneProgress & { plannedDate: string })[], today: string): number {
  return pct(weightedMean(milestones.map((m) => ({ weight: m.weight, value: m.plannedDate <= today ? 100 : 0 }))) ?? 0);
}

/** A centre's schedule index: completion ÷ planned completion to date, 3 decimals; null while nothing is due. */
export function centreScheduleIndex(completionPct: number, plannedPct: number): number | null {
  return plannedPct === 0 ? null : ratio(completionPct / plannedPct);
}

// ---- Targets ----------------------------------------------------------------------------------

export interface DatedValue {
  date: string;
  value: number;
}

/** A plan target. Values are levels in the target's unit; checkpoints are planned levels (e.g. yearly) between baseline and deadline. */
export interface TargetSpec {
  kind: TargetKind;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  deadline: string;
  checkpoints?: readonly DatedValue[];
}

export type TargetActualInput =
  | { kind: "count"; reached: readonly boolean[] }
  | { kind: "sum"; values: readonly number[] }
  | { kind: "rate"; series: readonly DatedValue[] };

/** The point with the latest date (on a tie, the one listed last); undefined for an empty series. */
export function latestPoint(series: readonly DatedValue[]): DatedValue | undefined {
  return series.reduce<DatedValue | undefined>((latest, p) => (latest === undefined || p.date >= latest.date ? p : latest), undefined);
}

/** Actual level of a target, not rounded: count → items that reached the state; sum → Σ contributing centres' latest approved cumulative values (0 for none); rate → the latest approved value (null for none). */
export function targetActual(input: TargetActualInput): number | null {
  switch (input.kind) {
    case "count":
      return input.reached.filter(Boolean).length;
    case "sum":
      return total(input.values);
    case "rate":
      return latestPoint(input.series)?.value ?? null;
  }
}

type Levels = Pick<TargetSpec, "baselineValue" | "targetValue">;

/** Progress % from the baseline, (actual − baseline) ÷ (target − baseline) × 100, 1 decimal; not clipped (> 100 exceeded, < 0 below baseline); null when target = baseline or actual is null. */
export function targetProgressPct(spec: Levels, actual: number | null): number | null {
  const span = spec.targetValue - spec.baselineValue;
  if (actual === null || span === 0) return null;
  return pct(((actual - spec.baselineValue) / span) * 100);
}

/** Whether the target is reached, on raw values: actual ≥ target when target ≥ baseline (a flat target is a floor), actual ≤ target for a falling one (PUE). */
export function targetMet(spec: Levels, actual: number | null): boolean {
  if (actual === null) return false;
  return spec.targetValue >= spec.baselineValue ? actual >= spec.targetValue : actual <= spec.targetValue;
}

/** Baseline, checkpoints strictly between baseline date and deadline (sorted; a repeated date keeps the last listed), deadline. */
function trajectory(spec: TargetSpec): DatedValue[] {
  const inside = new Map<string, number>();
  for (const c of spec.checkpoints ?? []) if (c.date > spec.baselineDate && c.date < spec.deadline) inside.set(c.date, c.value);
  const middle = [...inside].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, value]) => ({ date, value }));
  return [{ date: spec.baselineDate, value: spec.baselineValue }, ...middle, { date: spec.deadline, value: spec.targetValue }];
}

/** Value planned for `date`, not rounded: linear between baseline, checkpoints and deadline; baseline value up to the baseline date, target value from the deadline on. */
export function plannedValueAt(spec: TargetSpec, date: string): number {
  if (date >= spec.deadline) return spec.targetValue;
  if (date <= spec.baselineDate) return spec.baselineValue;
  const points = trajectory(spec);
  const next = points.findIndex((p) => p.date > date);
  const to = points[next]!;
  const from = points[next - 1]!;
  return from.value + ((to.value - from.value) * daysBetween(from.date, date)) / daysBetween(from.date, to.date);
}

/** Planned progress % at `date`, (planned − baseline) ÷ (target − baseline) × 100, 1 decimal; null when target = baseline. */
export function plannedProgressPct(spec: TargetSpec, date: string): number | null {
  return targetProgressPct(spec, plannedValueAt(spec, date));
}

/** Schedule index (actual − baseline) ÷ (planned-to-date − baseline), 3 decimals; null when nothing is planned beyond the baseline yet (e.g. on or before the baseline date) or actual is null. */
export function scheduleIndex(spec: TargetSpec, actual: number | null, today: string): number | null {
  const plannedGain = plannedValueAt(spec, today) - spec.baselineValue;
  if (actual === null || plannedGain === 0) return null;
  return ratio((actual - spec.baselineValue) / plannedGain);
}

export type ScheduleLevel = "green" | "amber" | "red";

/** Level of a schedule index as shown (3 decimals): red below redBelowIndex, amber below amberBelowIndex, else green; null stays null. */
export function scheduleLevel(index: number | null, thresholds: ScheduleThresholds = SCHEDULE_THRESHOLDS): ScheduleLevel | null {
  if (index === null) return null;
  const shown = ratio(index);
  if (shown < thresholds.redBelowIndex) return "red";
  return shown < thresholds.amberBelowIndex ? "amber" : "green";
}

export type TargetStanding = "met" | "on_track" | "at_risk" | "unmeasured";

/** met when reached; else on_track when the schedule index is green, at_risk when amber or red, unmeasured when the index is null. */
export function targetStanding(spec: TargetSpec, actual: number | null, today: string, thresholds: ScheduleThresholds = SCHEDULE_THRESHOLDS): TargetStanding {
  if (targetMet(spec, actual)) return "met";
  const level = scheduleLevel(scheduleIndex(spec, actual, today), thresholds);
  if (level === null) return "unmeasured";
  return level === "green" ? "on_track" : "at_risk";
}

// ---- Roll-ups -----------------------------------------------------------------------------------

export interface CentreRollUpItem {
  milestones: readonly MilestoneProgress[];
  budgetYuan: number;
}

// The plain mean is the headline on every page: every centre counts once, so one large compute centre
// cannot hide several stalled small ones, and it does not depend on budgets being entered. The
// budget-weighted mean answers "how much of the money's work is done" and is shown beside it.

/** Plain mean of the centres' completion %, 1 decimal (centres' raw figures, rounded once); null for no centres. */
export function meanCompletionPct(items: readonly CentreRollUpItem[]): number | null {
  const mean = weightedMean(items.map((c) => ({ weight: 1, value: completionRaw(c.milestones) })));
  return mean === null ? null : pct(mean);
}

/** Budget-weighted mean of the centres' completion %, 1 decimal; equal weights when all budgets are 0; null for no centres. */
export function budgetWeightedCompletionPct(items: readonly CentreRollUpItem[]): number | null {
  const mean = weightedMean(items.map((c) => ({ weight: c.budgetYuan, value: completionRaw(c.milestones) })));
  return mean === null ? null : pct(mean);
}

export interface CompletionRollUp {
  centres: number;
  meanPct: number | null;
  budgetWeightedPct: number | null;
}

/** Centre count and both completion averages (1 decimal, null when empty); `meanPct` is the default headline. */
export function rollUpCompletion(items: readonly CentreRollUpItem[]): CompletionRollUp {
  return { centres: items.length, meanPct: meanCompletionPct(items), budgetWeightedPct: budgetWeightedCompletionPct(items) };
}

/** The sums both completion means are made of, so groups (provinces) combine exactly: Σ of each over the groups. */
export interface CompletionSums {
  centres: number;
  /** Σ the centres' raw completion %. */
  sumPct: number;
  /** Σ max(0, budget). */
  sumBudget: number;
  /** Σ max(0, budget) × raw completion %. */
  sumBudgetPct: number;
}

export function completionSums(items: readonly CentreRollUpItem[]): CompletionSums {
  const sums: CompletionSums = { centres: items.length, sumPct: 0, sumBudget: 0, sumBudgetPct: 0 };
  for (const item of items) {
    const value = completionRaw(item.milestones);
    const weight = Math.max(0, item.budgetYuan);
    sums.sumPct += value;
    sums.sumBudget += weight;
    sums.sumBudgetPct += weight * value;
  }
  return sums;
}

/** rollUpCompletion from combined sums: the same means (equal weights when the budgets sum to 0, null for none). */
export function completionFromSums(sums: CompletionSums): CompletionRollUp {
  if (sums.centres === 0) return { centres: 0, meanPct: null, budgetWeightedPct: null };
  const mean = sums.sumPct / sums.centres;
  return { centres: sums.centres, meanPct: pct(mean), budgetWeightedPct: pct(sums.sumBudget === 0 ? mean : sums.sumBudgetPct / sums.sumBudget) };
}

export interface TargetRollUpItem {
  spec: TargetSpec;
  actual: number | null;
}

/** Counts; `onTrack` includes `met` (index green or met), so onTrack + atRisk + unmeasured = targets; `red` is the part of atRisk below redBelowIndex. */
export interface TargetRollUp {
  targets: number;
  met: number;
  onTrack: number;
  atRisk: number;
  red: number;
  unmeasured: number;
}

/** Counts of targets by standing on `today` (whole numbers; all 0 for an empty list). */
export function rollUpTargets(items: readonly TargetRollUpItem[], today: string, thresholds: ScheduleThresholds = SCHEDULE_THRESHOLDS): TargetRollUp {
  const counts: TargetRollUp = { targets: items.length, met: 0, onTrack: 0, atRisk: 0, red: 0, unmeasured: 0 };
  for (const { spec, actual } of items) {
    const standing = targetStanding(spec, actual, today, thresholds);
    if (standing === "met") counts.met += 1;
    if (standing === "met" || standing === "on_track") counts.onTrack += 1;
    if (standing === "unmeasured") counts.unmeasured += 1;
    if (standing === "at_risk") {
      counts.atRisk += 1;
      if (scheduleLevel(scheduleIndex(spec, actual, today), thresholds) === "red") counts.red += 1;
    }
  }
  return counts;
}

/**
 * A roll-up applied to each province's items and to all of them: the national figure is computed over
 * every item, not averaged from provincial figures. Provinces listed in `provinceCodes` but without
 * items get the roll-up of an empty list (null averages, zero counts).
 */
export function rollUpByProvince<T extends { provinceCode: string }, R>(
  items: readonly T[],
  rollUp: (group: readonly T[]) => R,
  provinceCodes: readonly string[] = [],
): { national: R; provinces: Record<string, R> } {
  const groups = new Map<string, T[]>(provinceCodes.map((code) => [code, []]));
  for (const item of items) {
    const group = groups.get(item.provinceCode);
    if (group) group.push(item);
    else groups.set(item.provinceCode, [item]);
  }
  return { national: rollUp(items), provinces: Object.fromEntries([...groups].map(([code, group]) => [code, rollUp(group)])) };
}
