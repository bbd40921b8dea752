import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { cityName } from "@/lib/domain/cities";
import { formatNumber, formatYuan } from "@/lib/domain/format";
import { localeOrDefault } from "@/lib/i18n/locale";
import type { ComparedCentre } from "@/lib/use-cases/flags/flag-page";
import { LevelBadge } from "../../_components/risk-badges";

/** The two centres of a duplicate-construction flag side by side (as the flag's query gives them), with what they share marked. */
export async function DuplicateComparison({ centres: [a, b] }: { centres: readonly [ComparedCentre, ComparedCentre] }) {
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const sharedTags = new Set(a.focusTags.filter((tag) => b.focusTags.includes(tag)));
  const same = (x: unknown, y: unknown) => (x === y ? "same" : undefined);
  const list = (items: string[]) => items.join(locale === "zh" ? "、" : ", ");
  const rows: { label: string; cells: [React.ReactNode, React.ReactNode]; mark?: string }[] = [
    { label: t("centres.name"), cells: [<Link key="a" href={`/centres/${a.id}`}>{a.name}</Link>, <Link key="b" href={`/centres/${b.id}`}>{b.name}</Link>] },
    {
      label: t("centres.focusTags"),
      cells: [a, b].map((c) => (
        <span key={c.id}>
          {c.focusTags.map((tag, i) => (
            <span key={tag}>
              {i > 0 && (locale === "zh" ? "、" : ", ")}
              {sharedTags.has(tag) ? <mark>{t(`focusTags.${tag}`)}</mark> : t(`focusTags.${tag}`)}
            </span>
          ))}
        </span>
      )) as [React.ReactNode, React.ReactNode],
    },
    { label: t("centres.leadInstitution"), cells: [a.leadInstitution, b.leadInstitution], mark: same(a.leadInstitution, b.leadInstitution) },
    { label: t("centres.partners"), cells: [list(a.partners) || "—", list(b.partners) || "—"] },
    { label: t("centres.plannedBudget"), cells: [formatYuan(a.plannedBudgetYuan, locale), formatYuan(b.plannedBudgetYuan, locale)] },
    { label: t("centres.city"), cells: [cityName(a.cityCode) ?? a.cityCode, cityName(b.cityCode) ?? b.cityCode], mark: same(a.cityCode, b.cityCode) },
    { label: t("centres.period"), cells: [`${a.startDate} – ${a.plannedCompletionDate}`, `${b.startDate} – ${b.plannedCompletionDate}`] },
    { label: t("centres.status"), cells: [t(`centreStatuses.${a.status}`), t(`centreStatuses.${b.status}`)], mark: same(a.status, b.status) },
    {
      label: t("progress.completion"),
      cells: [a, b].map((c) => `${formatNumber(c.completionPct, locale, 1)}%`) as [string, string],
    },
    {
      label: t("risk.computedLevel"),
      cells: [a, b].map((c) => <LevelBadge key={c.id} level={c.computedLevel} />) as [React.ReactNode, React.ReactNode],
    },
  ];
  return (
    <section aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t("risk.compare.title")}</h2>
      <p className="muted">{t("risk.compare.lead")}</p>
      <table className="data-table compare-table" data-testid="duplicate-comparison">
        <caption className="visually-hidden">{t("risk.compare.title")}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t("risk.compare.field")}</span>
            </th>
            <th scope="col">{t("risk.compare.centreA")}</th>
            <th scope="col">{t("risk.compare.centreB")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className={row.mark ? "row-same" : undefined}>
              <th scope="row">
                {row.label}
                {row.mark && <span className="badge">{t("risk.compare.same")}</span>}
              </th>
              <td>{row.cells[0]}</td>
              <td>{row.cells[1]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
