import { z } from "zod";
import { SOURCE_STATUSES, TARGET_KINDS } from "@/lib/domain/vocabulary";
import { TARGET_MEASURES, measureMismatch } from "@/lib/domain/target-measures";
import { decimal, enumOf, isoDate, nullableEnumOf, optionalText, provinceCode, requiredText, version, whenFieldsValid } from "./fields";

const plannedDate = isoDate();
const plannedLevel = decimal(0, 1e15);

/** `2026-12-31 5`, `2026-12-31=5`, `2026-12-31, 1,000`: a date, a separator, a value (which may group thousands). */
const PLANNED_LINE = /^(\S+?)\s*(?:[=,，:：\t]|\s)\s*(\S.*)$/;

function plannedRows(input: unknown): unknown[] | null {
  if (input === undefined || input === null) return [];
  if (Array.isArray(input)) return input;
  if (typeof input !== "string") return null;
  return input
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = PLANNED_LINE.exec(line);
      return match ? { date: match[1], value: match[2] } : { date: line, value: undefined };
    });
}

/**
 * Planned levels between baseline and deadline, one per line as `YYYY-MM-DD value`, or a JSON array
 * of { date, value }; blank or absent means a straight line. Errors name the field as a whole (one
 * textarea), so they are reported at its path.
 */
const plannedValues = () =>
  z
    .unknown()
    .optional()
    .transform((input, ctx) => {
      const rows = plannedRows(input);
      if (rows === null || rows.length > 50) {
        ctx.addIssue({ code: "custom", message: rows === null ? "invalid" : "tooMany" });
        return z.NEVER;
      }
      const parsed: { date: string; value: number }[] = [];
      for (const row of rows) {
        const fields = typeof row === "object" && row !== null ? (row as Record<string, unknown>) : {};
        const date = plannedDate.safeParse(fields.date);
        const value = plannedLevel.safeParse(fields.value);
        if (!date.success || !value.success) {
          ctx.addIssue({ code: "custom", message: "plannedValueLine" });
          return z.NEVER;
        }
        parsed.push({ date: date.data, value: value.data });
      }
      return parsed.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    });

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
  measure: nullableEnumOf(TARGET_MEASURES),
  plannedValues: plannedValues(),
});

type TargetRuleFields = z.infer<typeof targetFields>;

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
    })
    .superRefine((v, ctx) => {
      if (v.measure === null) return;
      const mismatch = measureMismatch(v.measure, v.kind, v.unit);
      if (mismatch) ctx.addIssue({ code: "custom", path: ["measure"], message: mismatch });
    }, { when: whenFieldsValid("measure", "kind", "unit") })
    .superRefine((v, ctx) => {
      const dates = v.plannedValues.map((p) => p.date);
      if (dates.some((d) => d <= v.baselineDate || d >= v.deadline)) ctx.addIssue({ code: "custom", path: ["plannedValues"], message: "plannedValueOutside" });
      else if (new Set(dates).size !== dates.length) ctx.addIssue({ code: "custom", path: ["plannedValues"], message: "plannedValueRepeated" });
    }, { when: whenFieldsValid("plannedValues", "baselineDate", "deadline") });
}

export const targetSchema = withTargetRules(targetFields);
export type TargetInput = z.infer<typeof targetSchema>;

export const updateTargetSchema = withTargetRules(targetFields.extend({ id: z.string().min(1), version: version() }));
export type UpdateTargetInput = z.infer<typeof updateTargetSchema>;
