import { z } from "zod";
import { parsePeriod } from "@/lib/domain/periods";
import { executionDeviationPp } from "@/lib/domain/investment";
import { COMPUTE_PRECISIONS } from "@/lib/domain/vocabulary";
import { enumOf, integer, nullableDate, nullableDecimal, nullableEnumOf, nullableInteger, optionalText } from "./fields";

const MAX_COUNT = 1_000_000_000;
const MAX_YUAN = 10 ** 13;

/** Running totals since the centre started: they may only fall with a correction reason. */
export const CUMULATIVE_FIELDS = [
  "investmentExecutedYuan",
  "patentsFiled",
  "patentsGranted",
  "resultsProduced",
  "convertedSelf",
  "convertedTransfer",
  "convertedLicense",
  "convertedJoint",
  "convertedEquity",
  "techContractValueYuan",
  "firmsIncubated",
  "talentIntroduced",
] as const;
export type CumulativeField = (typeof CUMULATIVE_FIELDS)[number];

/** Everything an update reports (all but its workflow columns). */
export const VALUE_FIELDS = [...CUMULATIVE_FIELDS, "computePflops", "computePrecision", "utilizationPercent", "narrative", "correctionReason"] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

export const CONVERTED_FIELDS = ["convertedSelf", "convertedTransfer", "convertedLicense", "convertedJoint", "convertedEquity"] as const;

export const updateFieldsSchema = z.object({
  centreId: z.string().min(1),
  period: z.string().refine((p) => parsePeriod(p) !== undefined, { error: "period" }),
  // 0 for an update that has not been saved yet.
  version: integer(0, Number.MAX_SAFE_INTEGER),
  intent: enumOf(["save", "submit"] as const),
  investmentExecutedYuan: nullableInteger(0, MAX_YUAN),
  computePflops: nullableDecimal(0, 10_000_000),
  computePrecision: nullableEnumOf(COMPUTE_PRECISIONS),
  utilizationPercent: nullableDecimal(0, 100),
  patentsFiled: nullableInteger(0, MAX_COUNT),
  patentsGranted: nullableInteger(0, MAX_COUNT),
  resultsProduced: nullableInteger(0, MAX_COUNT),
  convertedSelf: nullableInteger(0, MAX_COUNT),
  convertedTransfer: nullableInteger(0, MAX_COUNT),
  convertedLicense: nullableInteger(0, MAX_COUNT),
  convertedJoint: nullableInteger(0, MAX_COUNT),
  convertedEquity: nullableInteger(0, MAX_COUNT),
  techContractValueYuan: nullableInteger(0, MAX_YUAN),
  firmsIncubated: nullableInteger(0, MAX_COUNT),
  talentIntroduced: nullableInteger(0, MAX_COUNT),
  narrative: optionalText(5000),
  correctionReason: optionalText(1000),
  milestones: z
    .array(z.object({ id: z.string().min(1), progress: integer(0, 100), actualCompletionDate: nullableDate() }))
    .default([]),
});
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
