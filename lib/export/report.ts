import type { ProvinceDashboardRow } from "@/lib/domain/dashboard";
import type { Period } from "@/lib/domain/periods";
import type { ReviewedFlag } from "@/lib/domain/risk/flag-review";
import type { DisciplineFigures, OverdueCentre } from "@/lib/domain/reporting-discipline";
import { CENTRE_STATUSES } from "@/lib/domain/vocabulary";
import { exportPreamble, type ExportCell, type Translate } from "./table";
import { flagRows, type FlagSubjectNames } from "./tables/flags";
import { overdueRows } from "./tables/discipline";
import { centreRows, targetRows, type CentreExportRow, type TargetExportRow } from "./tables/province";
import type { TableSheet } from "./xlsx";

export interface QuarterlyReportInput {
  provinceName: string;
  quarter: Period;
  /** The day the workbook is made (Beijing), which is also the day reporting discipline is counted to. */
  today: string;
  /** The province's figures as of the quarter's last day. */
  figures: ProvinceDashboardRow;
  targets: readonly TargetExportRow[];
  centres: readonly CentreExportRow[];
  /** Open flags (as of the quarter's end), most severe first. */
  flags: readonly ReviewedFlag[];
  flagNames: FlagSubjectNames;
  /** The province's reporting for the quarter, counted to today; undefined when it has no centre. */
  discipline: DisciplineFigures | undefined;
  overdue: readonly OverdueCentre[];
  centreNames: ReadonlyMap<string, string>;
}

const QUARTER_NUMERALS = ["一", "二", "三", "四"];

/** "2026年第三季度" as a Chinese report names it; "Q3 2026" in English. */
export function quarterName(period: Period, locale: "zh" | "en"): string {
  const year = period.code.slice(0, 4);
  const n = Number(period.code.slice(-1));
  return locale === "zh" ? `${year}年第${QUARTER_NUMERALS[n - 1]}季度` : `Q${n} ${year}`;
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** The headline figures: one line each, value and unit in their own columns so they stay numbers. */
function headlineRows(t: Translate, input: QuarterlyReportInput): ExportCell[][] {
  const f = input.figures;
  const d = input.discipline;
  const count = t("report.units.count");
  const yuan = t("export.yuan");
  return [
    [t("report.lines.centres"), f.completion.centres, count],
    ...CENTRE_STATUSES.map((s): ExportCell[] => [t("report.lines.centresByStatus", { status: t(`centreStatuses.${s}`) }), f.centresByStatus[s], count]),
    [t("report.lines.meanCompletion"), f.completion.meanPct, "%"],
    [t("report.lines.targets"), f.targets.targets, count],
    [t("report.lines.targetsMet"), f.targets.met, count],
    [t("report.lines.targetsOnTrack"), f.targets.onTrack - f.targets.met, count],
    [t("report.lines.targetsAtRisk"), f.targets.atRisk, count],
    [t("report.lines.targetsUnmeasured"), f.targets.unmeasured, count],
    [t("report.lines.executed"), f.investment.executedYuan, yuan],
    [t("report.lines.plannedToDate"), f.investment.plannedToDateYuan, yuan],
    [t("report.lines.budget"), f.investment.budgetYuan, yuan],
    [t("report.lines.executedPct"), f.investment.executedPctOfPlanned, "%"],
    [t("report.lines.redFlags"), f.redFlags, count],
    [t("report.lines.amberFlags"), f.amberFlags, count],
    [t("report.lines.expected"), d?.expected ?? null, count],
    [t("report.lines.reported"), d?.reported ?? null, count],
    [t("report.lines.onTime"), d?.onTime ?? null, count],
    [t("report.lines.completeness"), round1(d?.completeness ?? null), "%"],
    [t("report.lines.timeliness"), round1(d?.timeliness ?? null), "%"],
    [t("report.lines.overdue"), d?.overdue ?? null, count],
  ];
}

/**
 * A province's quarterly status report as a workbook laid out like a government report: a summary
 * sheet (title, reporting unit, period, data date, date made, headline figures), then the targets,
 * centres, open flags with their explanations, and the centres overdue for the quarter.
 */
export function quarterlyReportSheets(t: Translate, locale: "zh" | "en", input: QuarterlyReportInput): TableSheet[] {
  const { quarter, provinceName, today } = input;
  const asOfEnd = { scope: provinceName, asOf: quarter.end, today };
  return [
    {
      name: t("report.sheets.summary"),
      title: t("report.title", { province: provinceName, quarter: quarterName(quarter, locale) }),
      preamble: [
        [t("report.unit"), provinceName],
        [t("report.period"), t("report.periodRange", { quarter: quarterName(quarter, locale), start: quarter.start, end: quarter.end })],
        [t("report.dataAsOf"), t("export.asOfPast", { date: quarter.end })],
        [t("report.reportingAsOf"), t("report.reportingAsOfNote", { date: today })],
        [t("report.made"), today],
      ],
      header: [t("report.columns.item"), t("report.columns.value"), t("report.columns.unit")],
      rows: headlineRows(t, input),
      widths: [44, 18, 10],
    },
    { name: t("report.sheets.targets"), preamble: exportPreamble(t, { ...asOfEnd, units: t("export.unitsTargets") }), ...targetRows(t, locale, input.targets) },
    { name: t("report.sheets.centres"), preamble: exportPreamble(t, asOfEnd), ...centreRows(t, locale, input.centres) },
    { name: t("report.sheets.flags"), preamble: exportPreamble(t, { ...asOfEnd, filter: t("report.openFlagsOnly") }), ...flagRows(t, locale, input.flags, input.flagNames) },
    {
      name: t("report.sheets.overdue"),
      preamble: exportPreamble(t, { scope: provinceName, asOf: undefined, today, filter: `${t("discipline.period")}：${quarterName(quarter, locale)}` }),
      ...overdueRows(t, locale, input.overdue, input.centreNames, new Map([[input.figures.code, provinceName]])),
    },
  ];
}
