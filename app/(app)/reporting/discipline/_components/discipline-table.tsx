import { getLocale, getTranslations } from "next-intl/server";
import { formatNumber } from "@/lib/domain/format";
import type { DisciplineFigures, ProvinceDiscipline } from "@/lib/domain/reporting-discipline";
import { localeOrDefault, localName } from "@/lib/i18n/locale";

interface Props {
  rows: readonly (ProvinceDiscipline & { nameZh: string; nameEn: string })[];
  total: DisciplineFigures;
  totalLabel: string;
  caption: string;
}

/** Expected, submitted, approved, on time, the two rates and the overdue count per province, with a total row. */
export async function DisciplineTable({ rows, total, totalLabel, caption }: Props) {
  const t = await getTranslations("discipline");
  const cadences = await getTranslations("cadences");
  const locale = localeOrDefault(await getLocale());
  const pct = (value: number | null) => (value === null ? "—" : `${formatNumber(value, locale, 1)}%`);
  const figures = (f: DisciplineFigures, due: boolean) => {
    const cells = [f.expected, f.reported, f.approved, f.onTime].map((n) => (due ? String(n) : "—"));
    return (
      <>
        {cells.map((text, i) => (
          <td key={i} className="num">
            {text}
          </td>
        ))}
        <td className="num">{pct(f.completeness)}</td>
        <td className="num">{pct(f.timeliness)}</td>
        <td className="num">{due ? f.overdue : "—"}</td>
      </>
    );
  };
  const columns = ["expected", "reported", "approved", "onTime", "completeness", "timeliness", "overdue"] as const;
  return (
    <table className="data-table" data-testid="discipline-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("columns.province")}</th>
          <th scope="col">{t("columns.cadence")}</th>
          {columns.map((c) => (
            <th key={c} scope="col" className="num">
              {t(`columns.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const due = row.periods.length > 0;
          return (
            <tr key={row.provinceCode}>
              <th scope="row">{localName(locale, row)}</th>
              <td>
                {!due
                  ? t("notDue")
                  : row.periods.length > 1
                    ? t("monthsCounted", { count: row.periods.length })
                    : cadences(row.cadence)}
              </td>
              {figures(row, due)}
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            {totalLabel}
          </th>
          {figures(total, rows.some((row) => row.periods.length > 0))}
        </tr>
      </tfoot>
    </table>
  );
}
