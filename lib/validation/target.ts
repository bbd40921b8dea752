import { z } from "zod";
import { SOURCE_STATUSES, TARGET_KINDS } from "@/lib/domain/vocabulary";
import { decimal, enumOf, isoDate, optionalText, provinceCode, requiredText, version, whenFieldsValid } from "./fields";

const targetFields = z.object({
  provinceCode: provinceCode(),
  title: requiredText(200),
  kind: enumOf(TARGET_KINDS),
  metric: requiredText(100),
  unit: requiredText(20),
  targetValue: decimal(0, 1e15),
  baselineValue: decimal(0, 1e15),
  baselineDate: isoDate(),
  deadline: isoDate(),
  sourceDocument: requiredText(300),
  // Only web links: a `javascript:` URL rendered as a link would run script.
  sourceUrl: optionalText(1000).pipe(z.url({ protocol: /^https?$/, error: "url" }).nullable()),
  sourceStatus: enumOf(SOURCE_STATUSES),
});

type TargetRuleFields = { baselineDate: string; deadline: string; unit: string; targetValue: number };

function withTargetRules<S extends z.ZodType<TargetRuleFields>>(schema: S) {
  return schema
    .refine((v) => v.deadline > v.baselineDate, {
      path: ["deadline"],
      error: "deadlineAfterBaseline",
      when: whenFieldsValid("baselineDate", "deadline"),
    })
    .refine((v) => v.unit !== "%" || v.targetValue <= 100, {
      path: ["targetValue"],
      error: "percentOver100",
      when: whenFieldsValid("unit", "targetValue"),
    });
}

export const targetSchema = withTargetRules(targetFields);
export type TargetInput = z.infer<typeof targetSchema>;

export const updateTargetSchema = withTargetRules(targetFields.extend({ id: z.string().min(1), version: version() }));
export type UpdateTargetInput = z.infer<typeof updateTargetSchema>;
