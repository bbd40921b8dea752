import { measureValue, type ProvinceDashboardRow } from "@/lib/domain/dashboard";
import { CENTRE_STATUSES } from "@/lib/domain/vocabulary";
import { withUnit, type ExportCell, type Translate } from "../table";

export interface OverviewExportRow extends ProvinceDashboardRow {
  nameZh: string;
  nameEn: string;
  reporting: { expected: number; onTime: number; timeliness: number | null } | undefined;
}

/** The overview's provinces table: the page's rows and order, raw figures (元, %) with the units in the headers. */
export function overviewRowsToExport(t: Translate, locale: "zh" | "en", rows: readonly OverviewExportRow[], reportingPeriod: string | undefined): { header: string[]; rows: ExportCell[][] } {
  const yuan = (label: string) => withUnit(t, label, t("export.yuan"));
  const pct = (label: string) => withUnit(t, label, "%");
  const period = reportingPeriod ?? "—";
  return {
    header: [
      t("export.columns.code"),
      t("provinces.name"),
      ...CENTRE_STATUSES.map((s) => `${t("export.columns.centres")}：${t(`centreStatuses.${s}`)}`),
      pct(t("progress.meanCompletion")),
      pct(t("overview.measures.target_progress")),
      t("overview.measures.schedule_index"),
      t("export.columns.targets"),
      t("targetStandings.met"),
      t("targetStandings.on_track"),
      t("targetStandings.at_risk"),
      t("targetStandings.unmeasured"),
      yuan(t("export.columns.executed")),
      yuan(t("export.columns.plannedToDate")),
      yuan(t("export.columns.budget")),
      pct(t("export.columns.executedPct")),
      t("overview.redFlags"),
      t("overview.amberFlags"),
      withUnit(t, t("export.columns.expected"), period),
      withUnit(t, t("export.columns.onTime"), period),
      pct(t("export.columns.timeliness")),
    ],
    rows: rows.map((p) => [
      p.code,
      locale === "zh" ? p.nameZh : p.nameEn,
      ...CENTRE_STATUSES.map((s) => p.centresByStatus[s]),
      measureValue(p, "completion"),
      p.targetProgressPct,
      p.scheduleIndex,
      p.targets.targets,
      p.targets.met,
      // "On track" on the page excludes the targets already met.
      p.targets.onTrack - p.targets.met,
      p.targets.atRisk,
      p.targets.unmeasured,
      p.investment.executedYuan,
      p.investment.plannedToDateYuan,
      p.investment.budgetYuan,
      p.investment.executedPctOfPlanned,
      p.redFlags,
      p.amberFlags,
      p.reporting?.expected ?? null,
      p.reporting?.onTime ?? null,
      p.reporting?.timeliness == null ? null : Math.round(p.reporting.timeliness * 10) / 10,
    ]),
  };
}
