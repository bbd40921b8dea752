import { z } from "zod";
import { SOURCE_STATUSES, TARGET_KINDS } from "@/lib/domain/vocabulary";
import { decimal, enumOf, isoDate, optionalText, provinceCode, requiredText, version } from "./fields";

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

function checkTarget(v: z.infer<typeof targetFields>, ctx: z.RefinementCtx) {
  if (v.deadline <= v.baselineDate) ctx.addIssue({ code: "custom", path: ["deadline"], message: "deadlineAfterBaseline" });
  if (v.kind === "rate" && v.targetValue > 100 && v.unit === "%")
    ctx.addIssue({ code: "custom", path: ["targetValue"], message: "percentOver100" });
}

export const targetSchema = targetFields.superRefine(checkTarget);
export type TargetInput = z.infer<typeof targetSchema>;

export const updateTargetSchema = targetFields
  .extend({ id: z.string().min(1), version: version() })
  .superRefine(checkTarget);
export type UpdateTargetInput = z.infer<typeof updateTargetSchema>;
