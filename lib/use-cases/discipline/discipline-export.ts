import "server-only";
import { RULES } from "@/lib/domain/access-policy";
import { FieldErrors, NotFoundError } from "@/lib/domain/errors";
import { readableScope } from "@/lib/domain/permissions";
import { defaultDisciplinePeriod, disciplinePeriodChoices } from "@/lib/domain/reporting-discipline";
import { env } from "@/lib/env";
import { localName } from "@/lib/i18n/locale";
import { defineQuery } from "../define";
import { disciplineReport } from "./discipline-report";
import { disciplineFilter, disciplineSchema } from "./discipline.schema";

/**
 * The discipline page's tables for download, for its period and province: a period or province the page
 * would refuse is refused here (400 naming it), another province than a provincial reader's is not found,
 * and before any period has ended there is nothing to download.
 */
export const disciplineExport = defineQuery({
  name: "discipline.export",
  input: disciplineSchema,
  load: ({ input }) => {
    const { today, filter, error } = disciplineFilter(input);
    if (error) throw new FieldErrors({ [error.field]: error.key });
    return { today, filter: filter! };
  },
  province: ({ filter }) => filter.province ?? null,
  target: (input) => input.province,
  run: ({ db, actor, input, rows: { today, filter } }) => {
    const national = RULES.national(actor);
    const provinceScope = national ? (filter.province ?? "all") : readableScope(actor);
    const period = filter.period ?? defaultDisciplinePeriod(disciplinePeriodChoices(env.REPORTING_START, today));
    if (period === undefined) throw new NotFoundError();
    const { data, report } = disciplineReport(db, provinceScope, period, input.asOf);
    if (provinceScope !== "all" && data.provinces.length === 0) throw new FieldErrors({ province: "provinceUnknown" });
    return {
      today,
      period,
      report,
      provinceScope,
      names: new Map(data.provinces.map((p) => [p.code, localName(input.locale, p)])),
      centreNames: new Map(data.centres.map((c) => [c.id, c.name])),
    };
  },
});
