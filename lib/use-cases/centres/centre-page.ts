import "server-only";
import type { Db } from "@/db/client";
import { getCalendar } from "@/db/calendars";
import { centreApprovedHistory, centreUpdateEvents } from "@/db/centre-history";
import { getCentre } from "@/db/centres";
import { listConfidenceRatings } from "@/db/confidence";
import { flagHistory } from "@/db/flag-reviews";
import { getProvince } from "@/db/provinces";
import { listUpdatesOfCentre } from "@/db/updates";
import { RULES } from "@/lib/domain/access-policy";
import { asOfCutoff } from "@/lib/domain/as-of";
import { chinaToday } from "@/lib/domain/china-time";
import { cityName } from "@/lib/domain/cities";
import { isEnterpriseLead } from "@/lib/domain/credit-code";
import { periodContaining } from "@/lib/domain/periods";
import { withFlagStates } from "@/lib/domain/risk/flag-review";
import { localName } from "@/lib/i18n/locale";
import { CENTRE_ID_PATTERN } from "@/lib/validation/api-query";
import { defineQuery } from "../define";
import { getEngine, subjectNames } from "../engine";
import { centreViewSchema } from "./centre-views.schema";


type Centre = NonNullable<ReturnType<typeof getCentre>>;

/** The centre's milestones registered by the cutoff, each with its approved progress (else the plan's). */
export function shownMilestones(centre: Centre, history: ReturnType<typeof centreApprovedHistory>, cutoff: string | undefined) {
  return centre.milestones
    .filter((m) => cutoff === undefined || m.createdAt < cutoff)
    .map((m) => {
      const approved = history.milestoneProgress.get(m.id);
      return { ...m, progress: approved?.progress ?? m.progress, actualCompletionDate: approved?.actualCompletionDate ?? m.actualCompletionDate };
    });
}

/**
 * A centre's dashboard: standing, milestone timeline, indicator charts over its approved periods, flags
 * with their review history, ratings, milestones and the update history. With "as of", the figures as
 * they stood then; editing and rating belong to the current view only.
 */
export const centrePage = defineQuery({
  name: "centres.page",
  input: centreViewSchema,
  load: ({ db, input }) => (CENTRE_ID_PATTERN.test(input.id) ? getCentre(db, input.id) : undefined),
  province: (centre) => centre.provinceCode,
  run: async ({ db, actor, input, rows: centre }) => {
    const { asOf, locale } = input;
    const engine = await getEngine(asOf);
    const province = getProvince(db, centre.provinceCode);
    const heading = { id: centre.id, name: centre.name, isDemo: centre.isDemo, provinceCode: centre.provinceCode, provinceName: province ? localName(locale, province) : centre.provinceCode };
    const computed = engine.centres.get(centre.id);
    // Registered after the "as of" day: nothing to show as of then.
    if (!computed) return { registered: false as const, centre: heading, today: engine.today };
    const cutoff = asOf === undefined ? undefined : asOfCutoff(asOf);
    // Only approved figures count: progress as last approved (by the cutoff), not as drafted.
    const history = centreApprovedHistory(db, centre.id, cutoff);
    const flags = withFlagStates(computed.flags, engine.reviews, engine.today);
    const enterprise = isEnterpriseLead(centre.leadInstitution, centre.leadCreditCode);
    return {
      registered: true as const,
      centre: {
        ...heading,
        cityCode: centre.cityCode,
        cityName: cityName(centre.cityCode) ?? centre.cityCode,
        leadInstitution: centre.leadInstitution,
        leadCreditCode: centre.leadCreditCode,
        partners: centre.partners,
        focusTags: centre.focusTags,
        plannedBudgetYuan: centre.plannedBudgetYuan,
        startDate: centre.startDate,
        plannedCompletionDate: centre.plannedCompletionDate,
        targetTitles: centre.targets.map((target) => target.title),
      },
      today: engine.today,
      computed: { status: computed.status, completionPct: computed.completionPct, plannedCompletionPct: computed.plannedCompletionPct, scheduleIndex: computed.scheduleIndex, computedLevel: computed.computedLevel },
      flags,
      names: subjectNames(flags, locale),
      reviewHistory: reviewHistoryOf(db, flags, cutoff),
      milestones: shownMilestones(centre, history, cutoff),
      periods: history.periods,
      conversionThreshold: enterprise ? engine.thresholds.conversion.enterpriseRate : engine.thresholds.conversion.rate,
      idleAmberBelowPercent: engine.thresholds.duplicate.idleUtilizationAmberBelowPercent,
      // Ratings made by the day shown; a new rating belongs to the current view.
      ratings: listConfidenceRatings(db, centre.id).filter((r) => cutoff === undefined || r.at < cutoff),
      // The update list is today's; a view of the past shows the events up to its day instead.
      updates: asOf === undefined ? listUpdatesOfCentre(db, centre.id) : [],
      events: centreUpdateEvents(db, centre.id, cutoff),
      currentPeriod: periodContaining(chinaToday(), getCalendar(db, centre.provinceCode).cadence).code,
      // Editing and rating belong to the current view, not to a view of the past.
      canEdit: asOf === undefined && RULES.editProvince(actor, centre.provinceCode),
      canRate: asOf === undefined && RULES.reviewProvince(actor, centre.provinceCode),
    };
  },
});

/** The reviews of the centre's flags up to the cutoff, newest first. */
function reviewHistoryOf(db: Db, flags: ReturnType<typeof withFlagStates>, cutoff: string | undefined) {
  const history = flags.flatMap(({ flag }) => flagHistory(db, flag.key).filter((r) => cutoff === undefined || r.at < cutoff).map((r) => ({ ...r, flag })));
  return history.sort((a, b) => b.at.localeCompare(a.at));
}

export type CentrePageData = Extract<Awaited<ReturnType<typeof centrePage.execute>>, { ok: true }>["value"];
