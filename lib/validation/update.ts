import { z } from "zod";
import { parsePeriod } from "@/lib/domain/periods";
import { executionDeviationPp } from "@/lib/domain/investment";
import { boundsOf, inFormOrder, INDICATORS, type CumulativeKey, type Indicator, type IndicatorDef } from "@/lib/registry/indicators";
import { enumOf, integer, nullableDate, nullableDecimal, nullableEnumOf, nullableInteger, optionalText } from "./fields";

// The update form's fields: its workflow fields, one field per indicator of the registry
// (lib/registry/indicators.ts), the narrative and the correction reason.

/** Running totals since the centre started: they may only fall with a correction reason. */
export const CUMULATIVE_FIELDS = INDICATORS.filter((d) => d.cumulative).map((d) => d.key) as CumulativeKey[];
export type CumulativeField = CumulativeKey;

/** The indicators' keys in the registry's order. */
export const indicatorKeys = <R extends readonly IndicatorDef[]>(indicators: R) => indicators.map((d) => d.key) as R[number]["key"][];

/** Everything an update reports (all but its workflow columns). */
export const valueFields = <R extends readonly IndicatorDef[]>(indicators: R) => [...indicatorKeys(indicators), "narrative", "correctionReason"] as const;
export const VALUE_FIELDS = valueFields(INDICATORS);
export type ValueField = Indicator["key"] | "narrative" | "correctionReason";

/** The conversion modes: together they make the engine's resultsConverted and may not exceed resultsProduced. */
export const CONVERTED_FIELDS = INDICATORS.filter((d) => d.engine !== null && "sum" in d.engine && d.engine.sum === "resultsConverted").map((d) => d.key) as Extract<Indicator, { type: "count" }>["key"][];

type IndicatorField<E extends IndicatorDef> = E extends { values: infer V extends readonly [string, ...string[]] } ? ReturnType<typeof nullableEnumOf<V>> : ReturnType<typeof nullableInteger>;
export type IndicatorShape<R extends readonly IndicatorDef[]> = { [E in R[number] as E["key"]]: IndicatorField<E> };

/** One indicator's form field: blank is "not reported" (null); numbers within the registry's bounds. */
export function indicatorField(def: IndicatorDef) {
  const { min, max } = boundsOf(def);
  if (def.type === "enum") return nullableEnumOf(def.values!);
  return def.type === "decimal" || def.type === "percent" ? nullableDecimal(min, max) : nullableInteger(min, max);
}

/** The indicators' fields section by section, so errors come in the order the form shows the fields. */
export function indicatorShape<R extends readonly IndicatorDef[]>(indicators: R): IndicatorShape<R> {
  return Object.fromEntries(inFormOrder(indicators).map((d) => [d.key, indicatorField(d)])) as IndicatorShape<R>;
}

/** The form's schema for a registry: the real one below, a test's registry in the registry test. */
export function updateFieldsSchemaFor<R extends readonly IndicatorDef[]>(indicators: R) {
  return z.object({
    centreId: z.string().min(1),
    period: z.string().refine((p) => parsePeriod(p) !== undefined, { error: "period" }),
    // 0 for an update that has not been saved yet.
    version: integer(0, Number.MAX_SAFE_INTEGER),
    intent: enumOf(["save", "submit"] as const),
    ...indicatorShape(indicators),
    narrative: optionalText(5000),
    correctionReason: optionalText(1000),
    milestones: z
      .array(z.object({ id: z.string().min(1), progress: integer(0, 100), actualCompletionDate: nullableDate() }))
      .default([]),
  });
}

export const updateFieldsSchema = updateFieldsSchemaFor(INDICATORS);
export type UpdateFields = z.infer<typeof updateFieldsSchema>;
export type UpdateValues = Pick<UpdateFields, ValueField>;

/** What the rules need to know besides the form: the stored state of the centre and its last approval. */
export interface UpdateContext {
  today: string;
  /** The centre's milestones with the progress last approved. */
  milestones: ReadonlyMap<string, { evidenceRequired: boolean; approvedProgress: number }>;
  /** Milestones with evidence attached to any of this centre's updates. */
  milestonesWithEvidence: ReadonlySet<string>;
  /** Values of the latest approved update of an earlier period, or null before the first approval. */
  lastApproved: Partial<Record<CumulativeField, number | null>> | null;
  budgetYuan: number;
  /** Share of the budget planned to be spent by the period's end (0–1). */
  plannedShare: number;
  deviationThresholdPp: number;
}

type Issue = { path: (string | number)[]; message: string };

/** The rules that compare fields with each other and with the stored state. Each issue is a message key. */
export function updateRuleIssues(v: UpdateFields, ctx: UpdateContext): Issue[] {
  const issues: Issue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  const hasReason = v.correctionReason !== null;

  const converted = CONVERTED_FIELDS.reduce((sum, f) => sum + (v[f] ?? 0), 0);
  if (converted > 0 && (v.resultsProduced === null || converted > v.resultsProduced)) add(["resultsProduced"], "convertedExceedsProduced");
  if (v.patentsGranted !== null && (v.patentsFiled === null || v.patentsGranted > v.patentsFiled)) add(["patentsGranted"], "grantedExceedsFiled");
  if (v.computePflops !== null && v.computePrecision === null) add(["computePrecision"], "precisionRequired");

  if (ctx.lastApproved && !hasReason) {
    for (const field of CUMULATIVE_FIELDS) {
      const before = ctx.lastApproved[field];
      const now = v[field];
      if (before !== null && before !== undefined && now !== null && now < before) add([field], "decreasedNeedsReason");
    }
  }

  const reported = new Set<string>();
  v.milestones.forEach((m, i) => {
    reported.add(m.id);
    const stored = ctx.milestones.get(m.id);
    if (!stored) return add(["milestones", i, "progress"], "unknownMilestone");
    if (m.progress === 100 && m.actualCompletionDate === null) add(["milestones", i, "actualCompletionDate"], "completionDateRequired");
    if (m.progress < 100 && m.actualCompletionDate !== null) add(["milestones", i, "actualCompletionDate"], "completionDateOnlyAt100");
    if (m.actualCompletionDate !== null && m.actualCompletionDate > ctx.today) add(["milestones", i, "actualCompletionDate"], "completionDateFuture");
    if (m.progress < stored.approvedProgress && !hasReason) add(["milestones", i, "progress"], "decreasedNeedsReason");
    if (m.progress === 100 && stored.approvedProgress < 100 && stored.evidenceRequired && !ctx.milestonesWithEvidence.has(m.id))
      add(["milestones", i, "progress"], "evidenceRequiredAt100");
  });
  if ([...ctx.milestones.keys()].some((id) => !reported.has(id))) add(["milestones"], "milestonesIncomplete");

  if (v.investmentExecutedYuan !== null && v.narrative === null) {
    const deviation = executionDeviationPp(v.investmentExecutedYuan, ctx.budgetYuan, ctx.plannedShare);
    if (deviation > ctx.deviationThresholdPp) add(["narrative"], "narrativeRequiredDeviation");
  }
  if (v.intent === "submit" && v.investmentExecutedYuan === null) add(["investmentExecutedYuan"], "requiredToSubmit");
  return issues;
}
