import "server-only";
import { getProvince } from "@/db/provinces";
import { chinaToday } from "@/lib/domain/china-time";
import { RULES } from "@/lib/domain/access-policy";
import { disciplinePeriodChoices } from "@/lib/domain/reporting-discipline";
import { env } from "@/lib/env";
import { localName } from "@/lib/i18n/locale";
import { PROVINCE_CODE_PATTERN } from "@/lib/validation/api-query";
import { subjectNames } from "../engine";
import { defineQuery } from "../define";
import { provinceFigures } from "./province-figures";
import { provincePageSchema } from "./province-page.schema";

/**
 * A province's dashboard (and its tables for download): its targets and centres as of the day shown,
 * the flags with their review state and subjects' names, look-alike groups, the filtered centres, and
 * what the reader may do here. Another province than the reader's is not found.
 */
export const provincePage = defineQuery({
  name: "dashboards.province",
  input: provincePageSchema,
  load: ({ db, input }) => (PROVINCE_CODE_PATTERN.test(input.code) ? getProvince(db, input.code) : undefined),
  province: (province) => province.code,
  target: (input) => input.code,
  run: async ({ db, actor, input, rows: province }) => {
    const { code, asOf, locale, ...filter } = input;
    const figures = await provinceFigures(db, actor, code, filter, asOf);
    // Registering is for now: a past day's view offers no "new" buttons.
    const now = asOf === undefined;
    return {
      ...figures,
      code,
      asOf,
      filter,
      name: localName(locale, province),
      flagNames: subjectNames(figures.flags, locale),
      canAddTarget: now && RULES.admin(actor),
      canEditTargets: RULES.admin(actor),
      canAddCentre: now && RULES.editProvince(actor, code),
      reportQuarters: disciplinePeriodChoices(env.REPORTING_START, chinaToday()).quarters,
    };
  },
});
