import { z } from "zod";
import { chinaToday } from "@/lib/domain/china-time";
import { env } from "@/lib/env";
import { disciplineFilterSchema, type DisciplineFilter } from "@/lib/validation/discipline-filter";
import { asOfField, localeField } from "../dashboards/view-fields.schema";

/**
 * The discipline page and its download, as the query string gives them: the day shown, the period and
 * the province as typed (checked against the day by `disciplineFilter`, since which periods have ended
 * depends on it), and the reader's language.
 */
export const disciplineSchema = z.object({
  asOf: asOfField(),
  period: z.string().max(100).optional(),
  province: z.string().max(100).optional(),
  locale: localeField(),
});
export type DisciplineInput = z.output<typeof disciplineSchema>;

/** The period and province checked against the day shown: a period that had ended by then, a province code. */
export function disciplineFilter(input: DisciplineInput) {
  const today = input.asOf ?? chinaToday();
  const parsed = disciplineFilterSchema(today, env.REPORTING_START).safeParse({ period: input.period, province: input.province });
  if (parsed.success) return { today, filter: parsed.data as DisciplineFilter, error: undefined };
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0]) as "period" | "province";
  return { today, filter: undefined, error: { field, key: issue.message, value: input[field] ?? "" } };
}
