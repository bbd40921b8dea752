import "server-only";
import { NO_REPORTING_PERIOD, reportingBody } from "@/lib/api/read-reporting";
import type { Reporting } from "@/lib/api/schemas";
import { chinaToday } from "@/lib/domain/china-time";
import { readableScope } from "@/lib/domain/permissions";
import { defaultDisciplinePeriod, disciplinePeriodChoices } from "@/lib/domain/reporting-discipline";
import { env } from "@/lib/env";
import { reportingQuerySchema } from "@/lib/validation/api-query";
import { disciplineReport } from "../discipline/discipline-report";
import { defineQuery } from "../define";
import { loadProvinceFilter } from "./province-filter";

/** GET /api/v1/reporting: completeness and timeliness per province and in total for one period, and the overdue centres. */
export const apiReporting = defineQuery({
  name: "api.reporting",
  input: () => reportingQuerySchema(chinaToday(), env.REPORTING_START),
  load: ({ db, input }) => loadProvinceFilter(db, input.province),
  province: ({ province }) => province ?? null,
  target: (input) => input.province,
  run: ({ db, actor, input }): Reporting => {
    const { asOf, province } = input;
    // "As of" a day: that day's standings, and only what happened before its end counts.
    const day = asOf ?? chinaToday();
    const period = input.period ?? defaultDisciplinePeriod(disciplinePeriodChoices(env.REPORTING_START, day));
    const scope = province ?? readableScope(actor);
    const figures = period === undefined ? NO_REPORTING_PERIOD : reportingBody(period, disciplineReport(db, scope, period, asOf));
    return { asOf: asOf ?? null, today: day, ...figures };
  },
});
