import { z } from "zod";
import { CENTRE_STATUSES, FOCUS_TAGS, MILESTONE_CATEGORIES } from "@/lib/domain/vocabulary";
import { isCityInProvince } from "@/lib/domain/cities";
import { isValidCreditCode } from "@/lib/domain/credit-code";
import { checkbox, enumOf, integer, isoDate, lines, multi, optionalText, provinceCode, requiredText, version, whenFieldsValid } from "./fields";

const MAX_BUDGET_YUAN = 10 ** 13; // 10 万亿元: far above any centre, well inside integer precision.

const centreFields = z.object({
  provinceCode: provinceCode(),
  cityCode: z.preprocess((v) => (v === "" ? undefined : v), z.string({ error: "required" }).regex(/^\d{4}00$/, { error: "cityCode" })),
  name: requiredText(120),
  leadInstitution: requiredText(120),
  leadCreditCode: optionalText(18)
    .transform((v) => v?.toUpperCase() ?? null)
    .refine((v) => v === null || isValidCreditCode(v), { error: "creditCode" }),
  partners: lines(20, 120),
  focusTags: multi(z.enum(FOCUS_TAGS, { error: "invalid" }))
    .refine((tags) => tags.length >= 1, { error: "focusTagsRequired" })
    .refine((tags) => tags.length <= 4, { error: "tooMany" })
    .refine((tags) => new Set(tags).size === tags.length, { error: "duplicate" }),
  plannedBudgetYuan: integer(0, MAX_BUDGET_YUAN),
  startDate: isoDate(),
  plannedCompletionDate: isoDate(),
  status: enumOf(CENTRE_STATUSES),
  targetIds: multi(z.string().min(1)),
});

type CentreRuleFields = { cityCode: string; provinceCode: string; startDate: string; plannedCompletionDate: string };

function withCentreRules<S extends z.ZodType<CentreRuleFields>>(schema: S) {
  return schema
    .refine((v) => isCityInProvince(v.cityCode, v.provinceCode), {
      path: ["cityCode"],
      error: "cityNotInProvince",
      when: whenFieldsValid("cityCode", "provinceCode"),
    })
    .refine((v) => v.plannedCompletionDate > v.startDate, {
      path: ["plannedCompletionDate"],
      error: "completionAfterStart",
      when: whenFieldsValid("startDate", "plannedCompletionDate"),
    });
}

export const centreSchema = withCentreRules(centreFields);
export type CentreInput = z.infer<typeof centreSchema>;

export const updateCentreSchema = withCentreRules(centreFields.extend({ id: z.string().min(1), version: version() }));
export type UpdateCentreInput = z.infer<typeof updateCentreSchema>;

const milestoneFields = z.object({
  title: requiredText(200),
  category: enumOf(MILESTONE_CATEGORIES),
  weight: integer(1, 100),
  plannedDate: isoDate(),
  evidenceRequired: checkbox(),
});

export const milestoneSchema = milestoneFields.extend({ centreId: z.string().min(1) });
export type MilestoneInput = z.infer<typeof milestoneSchema>;

export const updateMilestoneSchema = milestoneFields.extend({ id: z.string().min(1), version: version() });
export type UpdateMilestoneInput = z.infer<typeof updateMilestoneSchema>;
