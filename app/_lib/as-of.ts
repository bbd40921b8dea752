import "server-only";
import { asOfChoices } from "@/lib/domain/as-of";
import { chinaToday } from "@/lib/domain/china-time";
import { env } from "@/lib/env";
import { asOfSchema } from "@/lib/validation/as-of";
import { firstValues } from "@/lib/validation/fields";

export type SearchParams = Record<string, string | string[] | undefined>;

export interface AsOfView {
  /** The past day the page shows, or undefined for now. */
  asOf: string | undefined;
  /** Why the requested `asOf` was refused (a key under `validation.`): the page then shows now. */
  error: string | undefined;
  choices: ReturnType<typeof asOfChoices>;
}

/** The dashboards' "as of" parameter from the query string, checked; a bad value is reported, not guessed at. */
export function readAsOf(params: SearchParams): AsOfView {
  const today = chinaToday();
  const choices = asOfChoices(env.REPORTING_START, today);
  const parsed = asOfSchema(today, env.REPORTING_START).safeParse(firstValues(params, ["asOf"]));
  if (!parsed.success) return { asOf: undefined, error: parsed.error.issues[0]?.message ?? "invalid", choices };
  return { asOf: parsed.data.asOf, error: undefined, choices };
}

/** A link to the same dashboard keeping the view's "as of" day. */
export function withAsOf(href: string, asOf: string | undefined): string {
  if (asOf === undefined) return href;
  return `${href}${href.includes("?") ? "&" : "?"}asOf=${asOf}`;
}
