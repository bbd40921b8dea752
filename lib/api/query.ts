import type { z } from "zod";
import { asOfChoices } from "@/lib/domain/as-of";
import en from "@/lib/i18n/messages/en.json";
import { problem, type FieldProblem } from "./problem";

// Query parameters for the API: the first value of each known name (unknown names are ignored), parsed
// with the route's zod schema; a refusal names every invalid field with its reason code, in English.

const DISCIPLINE_REASONS: Record<string, string> = en.discipline.errors;
const VALIDATION_REASONS: Record<string, string> = en.validation;

/** The English sentence for a reason code, placeholders filled in ({value}, {today}, {start}, {choices}: the as-of closes). */
export function reasonText(code: string, values: { value: string; today: string; start: string }): string {
  const template = VALIDATION_REASONS[code] ?? DISCIPLINE_REASONS[code] ?? VALIDATION_REASONS.invalid!;
  const choices = template.includes("{choices}") ? asOfChoices(values.start, values.today).map((c) => c.date).join(", ") || "none yet" : "";
  const filled = { ...values, choices };
  const text = template.replace(/\{(value|today|start|choices)\}/g, (_, name: keyof typeof filled) => filled[name]);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function fieldProblems(error: z.ZodError, input: Record<string, string>, context: { today: string; start: string }): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    return { field, code: issue.message, detail: reasonText(issue.message, { value: input[field] ?? "", ...context }) };
  });
}

export function invalidQuery(errors: FieldProblem[]): Response {
  const names = [...new Set(errors.map((e) => e.field))];
  return problem(400, `Invalid query parameter${names.length === 1 ? "" : "s"}: ${names.join(", ")}.`, { errors });
}

type ObjectSchema = z.ZodType & { shape: Record<string, unknown> };

/** The schema's fields from the query string (first value of each); `ok: false` carries the 400 problem. */
export function parseQuery<S extends ObjectSchema>(
  params: URLSearchParams,
  schema: S,
  context: { today: string; start: string },
): { ok: true; data: z.output<S> } | { ok: false; response: Response } {
  const input: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    const value = params.get(name);
    if (value !== null) input[name] = value;
  }
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data as z.output<S> };
  return { ok: false, response: invalidQuery(fieldProblems(parsed.error, input, context)) };
}
