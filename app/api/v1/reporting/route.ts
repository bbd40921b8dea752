import { readableScope } from "@/lib/domain/permissions";
import { defaultDisciplinePeriod, disciplinePeriodChoices } from "@/lib/domain/reporting-discipline";
import { parseQuery } from "@/lib/api/query";
import { NO_REPORTING_PERIOD, reportingBody } from "@/lib/api/read-reporting";
import { apiGet, apiJson, provinceFilterRefusal } from "@/lib/api/route";
import type { Reporting } from "@/lib/api/schemas";
import { reportingQuerySchema } from "@/lib/validation/api-query";
import { disciplineReport } from "@/app/_lib/discipline";

export const dynamic = "force-dynamic";

/** Completeness and timeliness per province and in total for one period, and the overdue centres. */
export const GET = apiGet(({ actor, query, today, start }) => {
  const parsed = parseQuery(query, reportingQuerySchema(today, start), { today, start });
  if (!parsed.ok) return parsed.response;
  const { asOf, province } = parsed.data;
  const refusal = provinceFilterRefusal(actor, "/api/v1/reporting", province, { today, start });
  if (refusal) return refusal;
  // "As of" a day: that day's standings, and only what happened before its end counts.
  const day = asOf ?? today;
  const period = parsed.data.period ?? defaultDisciplinePeriod(disciplinePeriodChoices(start, day));
  const scope = province ?? readableScope(actor);
  const figures = period === undefined ? NO_REPORTING_PERIOD : reportingBody(period, disciplineReport(scope, period, asOf));
  const body: Reporting = { asOf: asOf ?? null, today: day, ...figures };
  return apiJson(body);
});
