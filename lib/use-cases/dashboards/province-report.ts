import "server-only";
import { getProvince } from "@/db/provinces";
import { chinaToday } from "@/lib/domain/china-time";
import { provinceDashboardRows } from "@/lib/domain/dashboard";
import { NotFoundError } from "@/lib/domain/errors";
import { parsePeriod } from "@/lib/domain/periods";
import { disciplinePeriodChoices } from "@/lib/domain/reporting-discipline";
import { isSuppressed } from "@/lib/domain/risk/flag-review";
import { env } from "@/lib/env";
import { localName } from "@/lib/i18n/locale";
import { PROVINCE_CODE_PATTERN } from "@/lib/validation/api-query";
import { disciplineReport } from "../discipline/discipline-report";
import { subjectNames } from "../engine";
import { defineQuery } from "../define";
import { provinceFigures } from "./province-figures";
import { provinceReportSchema } from "./province-report.schema";

/**
 * A province's quarterly status report: the figures as they stood at the end of the quarter (the
 * dashboards' "as of" view of that day), and the quarter's reporting counted to today, since its
 * updates fall due after the quarter ends. Another province than the reader's is not found.
 */
export const provinceReport = defineQuery({
  name: "dashboards.provinceReport",
  input: () => provinceReportSchema(chinaToday(), env.REPORTING_START),
  load: ({ db, input }) => (PROVINCE_CODE_PATTERN.test(input.code) ? getProvince(db, input.code) : undefined),
  province: (province) => province.code,
  target: (input) => input.code,
  run: async ({ db, actor, input, rows: province }) => {
    const { code, locale } = input;
    const today = chinaToday();
    const quarterCode = input.quarter ?? disciplinePeriodChoices(env.REPORTING_START, today).quarters[0];
    // Before any quarter has ended there is no report to give.
    if (quarterCode === undefined) throw new NotFoundError();
    const quarter = parsePeriod(quarterCode)!;
    const { engine, targets, allCentres, flags, openWarnings } = await provinceFigures(db, actor, code, {}, quarter.end);
    const open = flags.filter((f) => !isSuppressed(f.state));
    const openKeys = new Set(open.map((f) => f.flag.key));
    const { data, report } = disciplineReport(db, code, quarter.code);
    return {
      provinceName: localName(locale, province),
      quarter,
      today,
      figures: provinceDashboardRows(engine, [code], (flag) => openKeys.has(flag.key))[0]!,
      targets: targets.map((target) => ({ ...target, result: engine.targets.get(target.id)! })),
      centres: allCentres.map((c) => {
        const result = engine.centres.get(c.id)!;
        return { ...c, result, openFlags: openWarnings(result.flags) };
      }),
      flags: open,
      flagNames: subjectNames(open, locale),
      discipline: report.provinces.find((p) => p.provinceCode === code && p.centres > 0),
      overdue: report.overdue,
      centreNames: new Map(data.centres.map((c) => [c.id, c.name])),
    };
  },
});
