// The engine by province. Every rule is province-local (see loadEngineInput in db/engine-data.ts), so
// runEngine over one province's input gives exactly that province's figures and flags, and the national
// figures combine the provinces' partial sums (counts, Σ completion, Σ budget) — never their means.

import { runEngine, type EngineInput, type EngineResult } from "./engine";
import { completionFromSums, completionSums, type CompletionSums, type TargetRollUp } from "./progress";
import { DEFAULT_THRESHOLDS, type RiskThresholds } from "./risk/thresholds";
import { compareFlags, type RiskFlag } from "./risk/types";

/** One province's engine result with the sums the national completion means are made of. */
export interface EnginePartition {
  provinceCode: string;
  result: EngineResult;
  completionSums: CompletionSums;
}

/** The nationwide input cut into one input per province (every listed province, with or without centres). */
export function splitByProvince(input: EngineInput): Map<string, EngineInput> {
  const parts = new Map<string, EngineInput & { centres: EngineInput["centres"][number][]; targets: EngineInput["targets"][number][] }>();
  for (const province of input.provinces) parts.set(province.code, { reportingStart: input.reportingStart, provinces: [province], centres: [], targets: [] });
  const partOf = (code: string) => {
    let part = parts.get(code);
    if (!part) {
      // A row whose province has no row of its own: its own partition, on the default calendar.
      part = { reportingStart: input.reportingStart, provinces: [], centres: [], targets: [] };
      parts.set(code, part);
    }
    return part;
  };
  for (const centre of input.centres) partOf(centre.provinceCode).centres.push(centre);
  for (const target of input.targets) partOf(target.provinceCode).targets.push(target);
  return parts;
}

/** runEngine over one province's input (from splitByProvince or loadEngineInput with a province). */
export function runPartition(provinceCode: string, input: EngineInput, today: string, thresholds: RiskThresholds = DEFAULT_THRESHOLDS): EnginePartition {
  const result = runEngine(input, today, thresholds);
  return { provinceCode, result, completionSums: completionSums(input.centres.map((c) => ({ milestones: c.milestones, budgetYuan: c.plannedBudgetYuan }))) };
}

const ZERO_TARGETS: TargetRollUp = { targets: 0, met: 0, onTrack: 0, atRisk: 0, red: 0, unmeasured: 0 };

function addTargets(a: TargetRollUp, b: TargetRollUp): TargetRollUp {
  return { targets: a.targets + b.targets, met: a.met + b.met, onTrack: a.onTrack + b.onTrack, atRisk: a.atRisk + b.atRisk, red: a.red + b.red, unmeasured: a.unmeasured + b.unmeasured };
}

/** Sorted lists merged into one (compareFlags order), pairwise: O(n log k) cheap steps instead of a sort. */
export function mergeSortedFlags(lists: readonly (readonly RiskFlag[])[]): RiskFlag[] {
  let round: (readonly RiskFlag[])[] = lists.filter((l) => l.length > 0);
  if (round.length === 0) return [];
  while (round.length > 1) {
    const next: RiskFlag[][] = [];
    for (let i = 0; i < round.length; i += 2) next.push(i + 1 < round.length ? mergeTwo(round[i]!, round[i + 1]!) : [...round[i]!]);
    round = next;
  }
  return round[0] as RiskFlag[];
}

function mergeTwo(a: readonly RiskFlag[], b: readonly RiskFlag[]): RiskFlag[] {
  const out: RiskFlag[] = new Array<RiskFlag>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareFlags(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** The national roll-ups from every partition: summed partial sums and counts, the provinces' own figures. */
function rollUps(parts: readonly EnginePartition[]): Pick<EngineResult, "completion" | "targetRollUp"> {
  const completionProvinces: EngineResult["completion"]["provinces"] = {};
  const targetProvinces: EngineResult["targetRollUp"]["provinces"] = {};
  const sums: CompletionSums = { centres: 0, sumPct: 0, sumBudget: 0, sumBudgetPct: 0 };
  let targetTotals = ZERO_TARGETS;
  for (const { result, completionSums: s } of parts) {
    Object.assign(completionProvinces, result.completion.provinces);
    Object.assign(targetProvinces, result.targetRollUp.provinces);
    sums.centres += s.centres;
    sums.sumPct += s.sumPct;
    sums.sumBudget += s.sumBudget;
    sums.sumBudgetPct += s.sumBudgetPct;
    targetTotals = addTargets(targetTotals, result.targetRollUp.national);
  }
  return { completion: { national: completionFromSums(sums), provinces: completionProvinces }, targetRollUp: { national: targetTotals, provinces: targetProvinces } };
}

/** A national result being put together one partition at a time (see combinePartitions). */
export interface Combination {
  centres: EngineResult["centres"];
  targets: EngineResult["targets"];
  flags: RiskFlag[];
  flagsByProvince: EngineResult["flagsByProvince"];
}

export const startCombination = (): Combination => ({ centres: new Map(), targets: new Map(), flags: [], flagsByProvince: new Map() });

/** Adds one partition: its rows, and its (sorted) flags merged into the sorted national list, O(n). */
export function addPartition(into: Combination, { result }: EnginePartition): void {
  for (const [id, centre] of result.centres) into.centres.set(id, centre);
  for (const [id, target] of result.targets) into.targets.set(id, target);
  for (const [code, list] of result.flagsByProvince) into.flagsByProvince.set(code, list);
  into.flags = mergeTwo(into.flags, result.flags);
}

/** The national result once every partition is added; `parts` are all of them, for the roll-ups. */
export function finishCombination(combination: Combination, parts: readonly EnginePartition[], today: string): EngineResult {
  return { today, ...combination, ...rollUps(parts) };
}

/**
 * The nationwide result from every province's partition: centres, targets and flags are the union
 * (flags in compareFlags order, a total order, so as the full pass sorts them); the national completion
 * comes from the summed partial sums and the national target counts are the sums of the provinces'.
 * The read model adds partitions as they arrive from the worker, one per turn of the event loop.
 */
export function combinePartitions(parts: readonly EnginePartition[], today: string): EngineResult {
  const combination = startCombination();
  for (const part of parts) addPartition(combination, part);
  return finishCombination(combination, parts, today);
}

/**
 * `previous` (combined from partitions) with some partitions rebuilt: what a write costs the main
 * thread is then proportional to the changed provinces plus one linear merge of the flags, not a new
 * combination of every province. `all` is every partition after the change (for the roll-ups).
 */
export function replacePartitions(previous: EngineResult, changes: readonly { before: EnginePartition | undefined; after: EnginePartition }[], all: readonly EnginePartition[]): EngineResult {
  const centres = new Map(previous.centres);
  const targets = new Map(previous.targets);
  const flagsByProvince = new Map(previous.flagsByProvince);
  const dropped = new Set<RiskFlag>();
  for (const { before, after } of changes) {
    if (before) {
      for (const id of before.result.centres.keys()) centres.delete(id);
      for (const id of before.result.targets.keys()) targets.delete(id);
      for (const code of before.result.flagsByProvince.keys()) flagsByProvince.delete(code);
      for (const flag of before.result.flags) dropped.add(flag);
    }
    for (const [id, centre] of after.result.centres) centres.set(id, centre);
    for (const [id, target] of after.result.targets) targets.set(id, target);
    for (const [code, list] of after.result.flagsByProvince) flagsByProvince.set(code, list);
  }
  const kept = dropped.size === 0 ? previous.flags : previous.flags.filter((f) => !dropped.has(f));
  const flags = changes.length === 1 ? mergeTwo(kept, changes[0]!.after.result.flags) : mergeSortedFlags([kept, ...changes.map((c) => c.after.result.flags)]);
  return { today: previous.today, centres, targets, flags, flagsByProvince, ...rollUps(all) };
}
