import "server-only";
import { listProvinceOptions } from "@/db/provinces";
import { RULES } from "@/lib/domain/access-policy";
import { chinaToday } from "@/lib/domain/china-time";
import { parsePeriod } from "@/lib/domain/periods";
import { readableScope } from "@/lib/domain/permissions";
import { defaultDisciplinePeriod, disciplinePeriodChoices } from "@/lib/domain/reporting-discipline";
import { env } from "@/lib/env";
import { localName } from "@/lib/i18n/locale";
import { defineQuery } from "../define";
import { disciplineReport } from "./discipline-report";
import { disciplineFilter, disciplineSchema } from "./discipline.schema";

/**
 * Reporting discipline for one period: per province in the reader's scope (a provincial reader's own;
 * another province is not found), the total and the overdue centres; as things stand now or at the end
 * of an earlier day. A period or province the page cannot use comes back as `error`, shown with the
 * period form, and nothing is guessed.
 */
export const disciplinePage = defineQuery({
  name: "discipline.page",
  input: disciplineSchema,
  load: ({ input }) => disciplineFilter(input),
  province: ({ filter }) => filter?.province ?? null,
  target: (input) => input.province,
  run: ({ db, actor, input, rows: { today, filter, error: invalid } }) => {
    const national = RULES.national(actor);
    const scope = readableScope(actor);
    const choices = disciplinePeriodChoices(env.REPORTING_START, today);
    const provinceScope = national ? (filter?.province ?? "all") : scope;
    const periodCode = filter?.period ?? defaultDisciplinePeriod(choices);
    const period = periodCode === undefined ? undefined : parsePeriod(periodCode);
    const computed = filter && period ? disciplineReport(db, provinceScope, period.code, input.asOf) : undefined;
    const error = invalid ?? (computed && provinceScope !== "all" && national && computed.data.provinces.length === 0 ? { field: "province" as const, key: "provinceUnknown", value: provinceScope } : undefined);
    const report = error ? undefined : computed?.report;
    const provinces = computed?.data.provinces ?? [];
    // Provinces without registered centres would be rows of "—"; a single province is always shown.
    const rows = (report?.provinces ?? [])
      .map((row) => ({ ...row, ...provinces.find((p) => p.code === row.provinceCode)! }))
      .filter((row) => row.centres > 0 || provinceScope !== "all");
    return {
      today,
      realToday: chinaToday(),
      choices,
      error,
      periodCode,
      period,
      report,
      rows,
      national,
      provinceScope,
      filterProvince: filter?.province,
      provinceOptions: national ? listProvinceOptions(db) : [],
      provinceNames: new Map(provinces.map((p) => [p.code, localName(input.locale, p)])),
      centreNames: new Map((computed?.data.centres ?? []).map((c) => [c.id, c.name])),
    };
  },
});
