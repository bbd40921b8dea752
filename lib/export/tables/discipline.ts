import { periodLabel } from "@/lib/domain/periods";
import type { DisciplineFigures, OverdueCentre, ProvinceDiscipline } from "@/lib/domain/reporting-discipline";
import { withUnit, type ExportCell, type Translate } from "../table";

type Rows = { header: string[]; rows: ExportCell[][] };

// The page shows the rates to one decimal; the file gives the same figures.
const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** Reporting discipline per province and the total row; a province with nothing due that period shows empty cells, as "—" on the page. */
export function disciplineRows(
  t: Translate,
  rows: readonly (ProvinceDiscipline & { name: string })[],
  total: DisciplineFigures,
  totalLabel: string,
): Rows {
  const figures = (f: DisciplineFigures, due: boolean): ExportCell[] => [
    ...[f.expected, f.reported, f.approved, f.onTime].map((n) => (due ? n : null)),
    round1(f.completeness),
    round1(f.timeliness),
    due ? f.overdue : null,
  ];
  return {
    header: [
      t("export.columns.code"),
      t("discipline.columns.province"),
      t("discipline.columns.cadence"),
      t("discipline.columns.expected"),
      t("discipline.columns.reported"),
      t("discipline.columns.approved"),
      t("discipline.columns.onTime"),
      withUnit(t, t("discipline.columns.completeness"), "%"),
      withUnit(t, t("discipline.columns.timeliness"), "%"),
      t("discipline.columns.overdue"),
    ],
    rows: [
      ...rows.map((row) => {
        const due = row.periods.length > 0;
        const cadence = !due ? t("discipline.notDue") : row.periods.length > 1 ? t("discipline.monthsCounted", { count: row.periods.length }) : t(`cadences.${row.cadence}`);
        return [row.provinceCode, row.name, cadence, ...figures(row, due)];
      }),
      [null, totalLabel, null, ...figures(total, rows.some((row) => row.periods.length > 0))],
    ],
  };
}

/** The overdue centres, most days late first, every one of them (the page shows the first 200). */
export function overdueRows(t: Translate, locale: "zh" | "en", overdue: readonly OverdueCentre[], centreNames: ReadonlyMap<string, string>, provinceNames: ReadonlyMap<string, string>): Rows {
  return {
    header: [
      t("discipline.overdueColumns.centre"),
      t("discipline.overdueColumns.province"),
      t("discipline.overdueColumns.period"),
      t("discipline.overdueColumns.dueDate"),
      withUnit(t, t("discipline.overdueColumns.daysLate"), t("export.days")),
    ],
    rows: overdue.map((o) => [centreNames.get(o.centreId) ?? o.centreId, provinceNames.get(o.provinceCode) ?? o.provinceCode, periodLabel(o.period, locale), o.dueDate, o.daysLate]),
  };
}
