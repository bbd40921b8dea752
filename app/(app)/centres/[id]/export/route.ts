import { INDICATORS, indicatorRows, milestoneRows, updateEventRows, type Indicator } from "@/lib/export/tables/centre";
import { exportRoute, type ExportContext, type ExportedTable } from "@/app/_lib/export-route";
import { centreExport } from "@/lib/use-cases/centres/centre-export";
import { milestoneStanding } from "@/app/(app)/_components/milestone-timeline-scale";

export const dynamic = "force-dynamic";

type CentreData = Extract<Awaited<ReturnType<typeof centreExport.execute>>, { ok: true }>["value"];

const scopeOf = ({ centre, provinceName }: CentreData, t: ExportContext<{ id: string }>["t"]) => t("export.centreScope", { centre: centre.name, province: provinceName });

function indicatorTable(indicator: Indicator) {
  return (data: CentreData, { t, locale }: ExportContext<{ id: string }>): ExportedTable => ({
    name: `${data.centre.name}-${t(`centreCharts.${indicator}`)}`,
    scope: scopeOf(data, t),
    today: data.today,
    ...indicatorRows(t, locale, indicator, data.periods, {
      budgetYuan: data.centre.plannedBudgetYuan,
      startDate: data.centre.startDate,
      plannedCompletionDate: data.centre.plannedCompletionDate,
      conversionThreshold: data.conversionThreshold,
      idleAmberBelowPercent: data.idleAmberBelowPercent,
    }),
  });
}

/** The centre page's tables (milestone timeline, each indicator chart's data, submissions and reviews) as CSV or XLSX; another province's centre is not found. */
export const GET = exportRoute({
  route: "/centres/[id]/export",
  load: { query: centreExport, input: ({ params, asOf, locale }: ExportContext<{ id: string }>) => ({ id: params.id, asOf, locale }) },
  tables: {
    milestones: (data, { t }) => ({
      name: `${data.centre.name}-${t("centreDashboard.timeline")}`,
      scope: scopeOf(data, t),
      today: data.today,
      ...milestoneRows(
        t,
        data.milestones.map((m) => ({ ...m, standing: milestoneStanding(m, data.today) })),
      ),
    }),
    // One table per centre chart the indicator registry feeds.
    ...(Object.fromEntries(INDICATORS.map((chart) => [chart, indicatorTable(chart)])) as Record<Indicator, ReturnType<typeof indicatorTable>>),
    history: (data, { t, locale }) => ({
      name: `${data.centre.name}-${t("centreDashboard.events")}`,
      scope: scopeOf(data, t),
      today: data.today,
      ...updateEventRows(t, locale, data.events),
    }),
  },
});
