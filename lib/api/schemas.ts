import { z } from "zod";
import { DELIVERY_LEVELS } from "@/lib/domain/engine";
import { TARGET_MEASURES } from "@/lib/domain/target-measures";
import { RISK_CODES, RISK_SEVERITIES, RISK_SUBJECT_KINDS } from "@/lib/domain/risk/types";
import { thresholdField } from "@/lib/domain/risk/threshold-fields";
import type { ThresholdKey } from "@/lib/registry/thresholds";
import { CADENCES, CENTRE_STATUSES, FOCUS_TAGS, MILESTONE_CATEGORIES, SOURCE_STATUSES, TARGET_KINDS } from "@/lib/domain/vocabulary";

// The REST API's response bodies as zod schemas: the route code is typed by them, tests parse the
// bodies with them, and the OpenAPI document is generated from them (z.toJSONSchema over `apiSchemas`).

/** The components of the OpenAPI document: every schema registered here gets an id and a $ref. */
export const apiSchemas = z.registry<{ id: string }>();
export const component = <T extends z.ZodType>(id: string, description: string, schema: T): T => {
  // The description goes on the schema itself (the global registry), where z.toJSONSchema reads it.
  const described = schema.meta({ description });
  apiSchemas.add(described, { id });
  return described;
};

export const day = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ format: "date" });
const count = () => z.number().int().min(0);
const yuan = (description: string) => z.number().int().meta({ description: `${description} (integer 元)` });
const percent = (description: string) => z.number().nullable().meta({ description: `${description} (percent, 1 decimal; null when there is nothing to measure)` });
/** Colour bounds of a schedule index, quoted from the thresholds registry (the defaults; an administrator may change them). */
const bounds = (amber: ThresholdKey, red: ThresholdKey) =>
  `below ${thresholdField(amber)!.defaultValue} amber, below ${thresholdField(red)!.defaultValue} red (defaults of \`${amber}\` and \`${red}\`)`;
const TARGET_BOUNDS = bounds("schedule.amberBelowIndex", "schedule.redBelowIndex");
const index = (description: string) => z.number().nullable().meta({ description });

/** Every body says which day its figures are for. */
const asOfFields = {
  asOf: day().nullable().meta({ description: "The past day asked for with `?asOf=`, or null for now" }),
  today: day().meta({ description: "The day the figures are computed for (Beijing time): `asOf`, or today" }),
};
const pageFields = { page: z.number().int().min(1), pageSize: z.number().int().min(1), total: count().meta({ description: "Items matching the query over all pages" }) };

export const FieldProblemSchema = component(
  "FieldProblem",
  "One invalid field of the request",
  z.object({
    field: z.string().meta({ description: "The query parameter or body field, dot-separated" }),
    code: z.string().meta({ description: "A stable reason code (required, invalid, tooBig, provinceCode, asOfNotPast, periodNotEnded, …)" }),
    detail: z.string(),
  }),
);

export const ProblemSchema = component(
  "Problem",
  "RFC 9457 problem details (media type application/problem+json)",
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(FieldProblemSchema).optional(),
    code: z.string().optional().meta({ description: "A stable code for the refusal (conflict, ownUpdate, updateLocked, reasonRequired, …)" }),
    version: z.number().int().optional().meta({ description: "On 409: the resource's current version" }),
  }),
);

export const ProvinceSummarySchema = component(
  "ProvinceSummary",
  "A province's dashboard figures, computed from approved data only",
  z.object({
    code: z.string().regex(/^\d{2}0000$/),
    nameZh: z.string(),
    nameEn: z.string(),
    centres: count().meta({ description: "Centres registered (by the day shown)" }),
    centresByStatus: z.record(z.enum(CENTRE_STATUSES), count()),
    completion: z.object({
      meanPct: percent("Mean completion of the centres"),
      budgetWeightedPct: percent("Completion weighted by planned budget"),
    }),
    targets: z.object({
      total: count(),
      met: count(),
      onTrack: count().meta({ description: "On schedule or met (includes `met`)" }),
      atRisk: count(),
      red: count().meta({ description: "The part of `atRisk` below the red schedule threshold" }),
      unmeasured: count().meta({ description: "Targets no centre report measures" }),
    }),
    targetProgressPct: percent("Mean progress of the measured targets, each capped at 0–100"),
    scheduleIndex: index(`Mean of the targets' schedule indexes (3 decimals): ${TARGET_BOUNDS}; null while no target has one`),
    investment: z.object({
      executedYuan: yuan("Cumulative investment executed, latest approved figures"),
      plannedToDateYuan: yuan("Straight-line planned spending to date"),
      budgetYuan: yuan("Planned budget"),
      executedPctOfPlanned: percent("Executed ÷ planned to date"),
    }),
    openFlags: z.object({ red: count(), amber: count() }).meta({ description: "Flags not dismissed or justified" }),
  }),
);

export const ProvinceListSchema = component("ProvinceList", "Every province in the caller's scope", z.object({ ...asOfFields, items: z.array(ProvinceSummarySchema) }));

export const ForecastSchema = component(
  "Forecast",
  "When the target is reached at the trend of its approved levels (least squares, at least three dates)",
  z.object({
    kind: z.enum(["insufficient_data", "already_met", "not_reaching", "on_track", "late"]),
    forecastDate: day().optional(),
    daysLate: count().optional(),
  }),
);

export const TargetSchema = component(
  "Target",
  "A plan target with its progress",
  z.object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    kind: z.enum(TARGET_KINDS),
    metric: z.string(),
    unit: z.string(),
    measure: z.enum(TARGET_MEASURES).nullable().meta({ description: "Which reported figure measures it; null: not measured from reports" }),
    baselineValue: z.number(),
    baselineDate: day(),
    targetValue: z.number(),
    deadline: day(),
    sourceStatus: z.enum(SOURCE_STATUSES),
    actual: z.number().nullable(),
    unmeasuredReason: z.enum(["no_measure", "unit_mismatch", "no_reports"]).nullable(),
    progressPct: percent("Progress from baseline to target"),
    plannedValue: z.number().meta({ description: "The level planned for the day shown" }),
    plannedPct: percent("Planned progress to date"),
    scheduleIndex: index(`Actual ÷ planned to date (3 decimals): 1 is on schedule, ${TARGET_BOUNDS}; null while nothing is planned yet`),
    standing: z.enum(["met", "on_track", "at_risk", "unmeasured"]),
    forecast: ForecastSchema,
  }),
);

export const ProvinceDetailSchema = component(
  "ProvinceDetail",
  "One province: its roll-ups and targets",
  ProvinceSummarySchema.extend({ ...asOfFields, targets: z.array(TargetSchema) }),
);

export const FlagSchema = component(
  "Flag",
  `A risk flag computed by one of the ${RISK_CODES.length} rules, with its review state`,
  z.object({
    key: z.string().meta({ description: "Stable across runs: code|subject ids|sub-rule" }),
    code: z.enum(RISK_CODES),
    severity: z.enum(RISK_SEVERITIES),
    provinceCode: z.string(),
    subject: z.object({ kind: z.enum(RISK_SUBJECT_KINDS), ids: z.array(z.string()) }),
    explanation: z.object({ zh: z.string(), en: z.string() }),
    values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).meta({ description: "The figures the rule used" }),
    review: z.object({
      state: z.enum(["open", "returned", "acknowledged", "merge_planned", "confirmed_duplicate", "dismissed", "justified"]),
      because: z.enum(["expired", "worsened"]).nullable().meta({ description: "Why a dismissed flag returned" }),
      until: day().nullable().meta({ description: "Last day a dismissal or justification holds" }),
    }),
  }),
);

export const FlagListSchema = component("FlagList", "Flags in the caller's scope, most severe first", z.object({ ...asOfFields, items: z.array(FlagSchema), ...pageFields }));

const centreCore = {
  id: z.string(),
  version: z.number().int().meta({ description: "Send it back when editing: a stale version is refused" }),
  provinceCode: z.string(),
  cityCode: z.string(),
  name: z.string(),
  status: z.enum(CENTRE_STATUSES),
  focusTags: z.array(z.enum(FOCUS_TAGS)).meta({ description: "Primary focus first" }),
  completionPercent: z.number().meta({ description: "Weighted milestone progress as approved (percent, 1 decimal)" }),
  plannedCompletionPercent: z.number().meta({ description: "Weighted share of milestones planned by the day shown" }),
  scheduleIndex: index(
    `Milestone completion ÷ completion planned to date (3 decimals): 1 is on schedule, ${bounds("schedule.centreAmberBelowIndex", "schedule.centreRedBelowIndex")}, each raising a schedule_slippage flag; null with no milestones or none due yet`,
  ),
  computedLevel: z.enum(DELIVERY_LEVELS).meta({ description: "Worst severity of the centre's flags: red, amber, else green" }),
  latestApprovedPeriod: z.string().nullable().meta({ description: "The newest approved update's period (2026-Q3, 2026-09)" }),
};

export const CentreListItemSchema = component(
  "CentreListItem",
  "A centre in a list",
  z.object({ ...centreCore, openFlags: count().meta({ description: "Open red and amber flags naming the centre" }) }),
);

export const CentreListSchema = component("CentreList", "Centres in the caller's scope, by province, city and name", z.object({ ...asOfFields, items: z.array(CentreListItemSchema), ...pageFields }));

export const MilestoneSchema = component(
  "Milestone",
  "A milestone with its approved progress",
  z.object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    category: z.enum(MILESTONE_CATEGORIES),
    weight: z.number().int(),
    plannedDate: day(),
    progress: z.number().int().min(0).max(100).meta({ description: "As last approved (percent)" }),
    actualCompletionDate: day().nullable(),
    evidenceRequired: z.boolean(),
  }),
);

export const CentreDetailSchema = component(
  "CentreDetail",
  "One centre: its registered fields, milestones, computed standing and flags",
  z.object({
    ...asOfFields,
    ...centreCore,
    leadInstitution: z.string(),
    leadCreditCode: z.string().nullable(),
    partners: z.array(z.string()),
    plannedBudgetYuan: yuan("Planned budget"),
    startDate: day(),
    plannedCompletionDate: day(),
    targetIds: z.array(z.string()).meta({ description: "Plan targets the centre contributes to" }),
    isDemo: z.boolean(),
    createdAt: z.string().meta({ description: "ISO-8601 UTC" }),
    updatedAt: z.string().meta({ description: "ISO-8601 UTC" }),
    investmentExecutedYuan: yuan("Cumulative investment in the newest approved update reporting it").nullable(),
    plannedSpendToDateYuan: yuan("Straight-line share of the budget to date"),
    milestones: z.array(MilestoneSchema),
    flags: z.array(FlagSchema).meta({ description: "Every flag naming the centre, dismissed ones included" }),
  }),
);

const figures = {
  expected: count(),
  reported: count().meta({ description: "Submitted or approved (approved included)" }),
  approved: count(),
  onTime: count().meta({ description: "Reported and first submitted by the due day" }),
  overdue: count(),
  completenessPct: percent("Reported ÷ expected"),
  timelinessPct: percent("On time ÷ expected"),
};

export const ReportingFiguresSchema = component("ReportingFigures", "Updates expected, reported, approved and on time", z.object(figures));

export const ProvinceReportingSchema = component(
  "ProvinceReporting",
  "One province's reporting in the period",
  z.object({
    provinceCode: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    cadence: z.enum(CADENCES),
    centres: count(),
    periods: z.array(z.string()).meta({ description: "The province's periods counted (a monthly province: the quarter's months)" }),
    ...figures,
  }),
);

export const OverdueCentreSchema = component(
  "OverdueCentre",
  "An update past its due day and not submitted",
  z.object({ centreId: z.string(), centreName: z.string(), provinceCode: z.string(), period: z.string(), dueDate: day(), daysLate: count() }),
);

export const ReportingSchema = component(
  "Reporting",
  "Reporting discipline for one period: completeness and timeliness per province and in total, and the overdue centres",
  z.object({
    ...asOfFields,
    period: z.string().nullable().meta({ description: "The period counted; null before any period has ended" }),
    provinces: z.array(ProvinceReportingSchema),
    total: ReportingFiguresSchema.nullable(),
    overdue: z.array(OverdueCentreSchema).meta({ description: "Most days late first" }),
  }),
);

export type ProvinceSummary = z.infer<typeof ProvinceSummarySchema>;
export type ProvinceList = z.infer<typeof ProvinceListSchema>;
export type ProvinceDetail = z.infer<typeof ProvinceDetailSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Flag = z.infer<typeof FlagSchema>;
export type FlagList = z.infer<typeof FlagListSchema>;
export type CentreList = z.infer<typeof CentreListSchema>;
export type CentreListItem = z.infer<typeof CentreListItemSchema>;
export type CentreDetail = z.infer<typeof CentreDetailSchema>;
export type Milestone = z.infer<typeof MilestoneSchema>;
export type Reporting = z.infer<typeof ReportingSchema>;
