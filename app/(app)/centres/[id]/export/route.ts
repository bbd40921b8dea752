import { getDb } from "@/db/client";
import { getCentre } from "@/db/centres";
import { centreApprovedHistory, centreUpdateEvents } from "@/db/centre-history";
import { getProvince } from "@/db/provinces";
import { asOfCutoff } from "@/lib/domain/as-of";
import { isEnterpriseLead } from "@/lib/domain/credit-code";
import { canReadProvince } from "@/lib/domain/permissions";
import { INDICATORS, indicatorRows, milestoneRows, updateEventRows, type Indicator } from "@/lib/export/tables/centre";
import { localName } from "@/lib/i18n/locale";
import { exportRoute, refuse, type ExportContext, type ExportedTable } from "@/app/_lib/export-route";
import { getEngine } from "@/lib/use-cases/engine";
import { milestoneStanding } from "@/app/(app)/_components/milestone-timeline-scale";

export const dynamic = "force-dynamic";

type CentreData = Exclude<Awaited<ReturnType<typeof load>>, { refused: unknown }>;

/** The centre as its page shows it on the day: approved figures and events up to the day's end. */
async function load({ user, params, asOf, t, locale }: ExportContext<{ id: string }>) {
  const db = getDb();
  const centre = getCentre(db, params.id);
  if (!centre) return refuse.notFound();
  // Another province's centre answers as an unknown one does.
  if (!canReadProvince(user, centre.provinceCode)) return refuse.notFound("centre_out_of_scope", params.id);
  const engine = await getEngine(asOf);
  const computed = engine.centres.get(centre.id);
  // Registered after the "as of" day: nothing to download as of then.
  if (!computed) return refuse.notFound();
  const cutoff = asOf === undefined ? undefined : asOfCutoff(asOf);
  const province = getProvince(db, centre.provinceCode);
  const scope = t("export.centreScope", { centre: centre.name, province: province ? localName(locale, province) : centre.provinceCode });
  return { centre, engine, cutoff, scope, history: centreApprovedHistory(db, centre.id, cutoff) };
}

function indicatorTable(indicator: Indicator) {
  return ({ centre, engine, scope, history }: CentreData, { t, locale }: ExportContext<{ id: string }>): ExportedTable => ({
    name: `${centre.name}-${t(`centreCharts.${indicator}`)}`,
    scope,
    today: engine.today,
    ...indicatorRows(t, locale, indicator, history.periods, {
      budgetYuan: centre.plannedBudgetYuan,
      startDate: centre.startDate,
      plannedCompletionDate: centre.plannedCompletionDate,
      conversionThreshold: isEnterpriseLead(centre.leadInstitution, centre.leadCreditCode) ? engine.thresholds.conversion.enterpriseRate : engine.thresholds.conversion.rate,
      idleAmberBelowPercent: engine.thresholds.duplicate.idleUtilizationAmberBelowPercent,
    }),
  });
}

/** The centre page's tables (milestone timeline, each indicator chart's data, submissions and reviews) as CSV or XLSX. */
export const GET = exportRoute({
  route: "/centres/[id]/export",
  load,
  tables: {
    milestones: ({ centre, engine, cutoff, scope, history }, { t }) => ({
      name: `${centre.name}-${t("centreDashboard.timeline")}`,
      scope,
      today: engine.today,
      ...milestoneRows(
        t,
        centre.milestones
          .filter((m) => cutoff === undefined || m.createdAt < cutoff)
          .map((m) => {
            const approved = history.milestoneProgress.get(m.id);
            const shown = { plannedDate: m.plannedDate, progress: approved?.progress ?? m.progress, actualCompletionDate: approved?.actualCompletionDate ?? m.actualCompletionDate };
            return { ...m, ...shown, standing: milestoneStanding(shown, engine.today) };
          }),
      ),
    }),
    // One table per centre chart the indicator registry feeds.
    ...(Object.fromEntries(INDICATORS.map((chart) => [chart, indicatorTable(chart)])) as Record<Indicator, ReturnType<typeof indicatorTable>>),
    history: ({ centre, engine, cutoff, scope }, { t, locale }) => ({
      name: `${centre.name}-${t("centreDashboard.events")}`,
      scope,
      today: engine.today,
      ...updateEventRows(t, locale, centreUpdateEvents(getDb(), centre.id, cutoff)),
    }),
  },
});
