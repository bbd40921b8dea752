import { z } from "zod";
import { boundsOf, inFormOrder, INDICATORS, type IndicatorDef } from "@/lib/registry/indicators";
import { CENTRE_STATUSES, FOCUS_TAGS, MILESTONE_CATEGORIES, UPDATE_STATUSES } from "@/lib/domain/vocabulary";
import { component, day } from "./schemas";

// The write routes' JSON bodies as the OpenAPI document shows them. The routes parse bodies with the
// forms' own schemas (which also take form strings, so their JSON Schema says little); these describe
// the JSON contract, and a unit test holds their field lists to the ones the routes accept.

const yuan = (description: string) => z.number().int().min(0).max(10 ** 13).meta({ description: `${description} (integer 元)` });
const version = () => z.number().int().min(1).meta({ description: "The version last read: a stale one is refused (409)" });

const centreFields = {
  provinceCode: z.string().regex(/^\d{2}0000$/).meta({ description: "GB/T 2260 province code; staff may only use their own" }),
  cityCode: z.string().regex(/^\d{4}00$/).meta({ description: "A prefecture-level city of the province (GB/T 2260)" }),
  name: z.string().min(1).max(120),
  leadInstitution: z.string().min(1).max(120),
  leadCreditCode: z.string().max(18).nullable().optional().meta({ description: "Unified social credit code (统一社会信用代码), checked" }),
  partners: z.array(z.string().max(120)).max(20).optional(),
  focusTags: z.array(z.enum(FOCUS_TAGS)).min(1).max(4).meta({ description: "One to four distinct tags, primary first" }),
  plannedBudgetYuan: yuan("Planned budget"),
  startDate: day(),
  plannedCompletionDate: day().meta({ description: "After startDate" }),
  status: z.enum(CENTRE_STATUSES),
  targetIds: z.array(z.string()).optional().meta({ description: "Plan targets of the same province the centre contributes to" }),
};

const milestoneFields = {
  title: z.string().min(1).max(200),
  category: z.enum(MILESTONE_CATEGORIES),
  weight: z.number().int().min(1).max(100).meta({ description: "Relative weight in the centre's completion" }),
  plannedDate: day(),
  evidenceRequired: z.boolean().optional().meta({ description: "Evidence must be attached before progress reaches 100" }),
};

export const MilestoneCreateSchema = component("MilestoneCreate", "A new milestone (POST /api/v1/centres/{id}/milestones, or within a new centre)", z.strictObject(milestoneFields));

export const CentreCreateSchema = component(
  "CentreCreate",
  "A new centre with, optionally, its milestones (written in one transaction)",
  z.strictObject({ ...centreFields, milestones: z.array(MilestoneCreateSchema).max(100).optional() }),
);

export const CentrePatchSchema = component(
  "CentrePatch",
  "Changes to a centre: fields left out keep their stored values; the province cannot change",
  z.strictObject({ version: version(), ...z.object(centreFields).partial().shape }),
);

export const MilestonePatchSchema = component("MilestonePatch", "Changes to a milestone's plan: fields left out keep their stored values", z.strictObject({ version: version(), ...z.object(milestoneFields).partial().shape }));

const INDICATORS_DESCRIPTION =
  "Cumulative figures since the centre started, and compute; left out or null means not reported. Falling below the last approved figure needs correctionReason";

/** One indicator as the JSON body carries it: amounts in integer 元, counts whole, null or left out when not reported. */
function apiIndicator(def: IndicatorDef) {
  const { min, max } = boundsOf(def);
  const value = def.type === "enum" ? z.enum(def.values!) : def.type === "count" || def.type === "yuan" ? z.number().int().min(min).max(max) : z.number().min(min).max(max);
  const description = def.type === "yuan" ? `${def.apiDescription ?? def.key} (integer 元)` : def.apiDescription;
  const field = value.nullable().optional();
  return description === undefined ? field : field.meta({ description });
}

/** The body's `indicators` object for a registry, in the form's order (not registered as a component). */
export function indicatorsObject(indicators: readonly IndicatorDef[]) {
  return z.strictObject(Object.fromEntries(inFormOrder(indicators).map((d) => [d.key, apiIndicator(d)]))).meta({ description: INDICATORS_DESCRIPTION });
}

export const IndicatorsSchema = component("Indicators", INDICATORS_DESCRIPTION, indicatorsObject(INDICATORS));

export const UpdateDraftSchema = component(
  "UpdateDraft",
  "A draft update for one centre and period, with the reporting form's fields and rules (every milestone of the centre reported)",
  z.strictObject({
    version: z.number().int().min(0).meta({ description: "0 for the first save, then the version last read" }),
    milestones: z
      .array(
        z.strictObject({
          id: z.string(),
          progress: z.number().int().min(0).max(100),
          actualCompletionDate: day().nullable().optional().meta({ description: "Required at 100, only at 100, not in the future" }),
        }),
      )
      .optional(),
    indicators: IndicatorsSchema.optional(),
    narrative: z.string().max(5000).nullable().optional().meta({ description: "Required when investment deviates from the plan" }),
    correctionReason: z.string().max(1000).nullable().optional().meta({ description: "Required when a figure falls below the last approved one" }),
  }),
);

export const VersionBodySchema = component("VersionBody", "The version last read", z.strictObject({ version: version() }));
export const ReviewBodySchema = component("ReviewBody", "A review decision: the version last read and, to return, a reason", z.strictObject({ version: version(), reason: z.string().max(2000).nullable().optional() }));

export const UpdateWrittenSchema = component(
  "UpdateWritten",
  "An update after a write: its workflow status and new version",
  z.object({ id: z.string(), centreId: z.string(), period: z.string(), status: z.enum(UPDATE_STATUSES), version: z.number().int() }),
);

export const MilestoneWrittenSchema = component(
  "MilestoneWritten",
  "A milestone after a write",
  z.object({ id: z.string(), centreId: z.string(), version: z.number().int(), ...milestoneFields, evidenceRequired: z.boolean() }),
);
