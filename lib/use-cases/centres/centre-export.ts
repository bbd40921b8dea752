import "server-only";
import { centreApprovedHistory, centreUpdateEvents } from "@/db/centre-history";
import { getCentre } from "@/db/centres";
import { getProvince } from "@/db/provinces";
import { asOfCutoff } from "@/lib/domain/as-of";
import { isEnterpriseLead } from "@/lib/domain/credit-code";
import { NotFoundError } from "@/lib/domain/errors";
import { localName } from "@/lib/i18n/locale";
import { CENTRE_ID_PATTERN } from "@/lib/validation/api-query";
import { defineQuery } from "../define";
import { getEngine } from "../engine";
import { centreViewSchema } from "./centre-views.schema";
import { shownMilestones } from "./centre-page";

/** The centre page's tables as they stood on the day (approved figures and events up to its end), for its download. */
export const centreExport = defineQuery({
  name: "centres.export",
  input: centreViewSchema,
  load: ({ db, input }) => (CENTRE_ID_PATTERN.test(input.id) ? getCentre(db, input.id) : undefined),
  province: (centre) => centre.provinceCode,
  run: async ({ db, input, rows: centre }) => {
    const engine = await getEngine(input.asOf);
    // Registered after the "as of" day: nothing to download as of then.
    if (!engine.centres.has(centre.id)) throw new NotFoundError();
    const cutoff = input.asOf === undefined ? undefined : asOfCutoff(input.asOf);
    const province = getProvince(db, centre.provinceCode);
    const history = centreApprovedHistory(db, centre.id, cutoff);
    return {
      centre: { id: centre.id, name: centre.name, plannedBudgetYuan: centre.plannedBudgetYuan, startDate: centre.startDate, plannedCompletionDate: centre.plannedCompletionDate },
      provinceName: province ? localName(input.locale, province) : centre.provinceCode,
      today: engine.today,
      milestones: shownMilestones(centre, history, cutoff),
      periods: history.periods,
      events: centreUpdateEvents(db, centre.id, cutoff),
      conversionThreshold: isEnterpriseLead(centre.leadInstitution, centre.leadCreditCode) ? engine.thresholds.conversion.enterpriseRate : engine.thresholds.conversion.rate,
      idleAmberBelowPercent: engine.thresholds.duplicate.idleUtilizationAmberBelowPercent,
    };
  },
});
