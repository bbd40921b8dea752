import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { periodLabel } from "@/lib/domain/periods";
import { env } from "@/lib/env";
import { localeOrDefault } from "@/lib/i18n/locale";
import { disciplineFilterValues } from "@/lib/validation/discipline-filter";
import { readAsOf, type SearchParams } from "@/app/_lib/as-of";
import { disciplinePage } from "@/lib/use-cases/discipline/discipline-page";
import { AsOfNotice, AsOfPicker } from "../../_components/as-of-picker";
import { ExportLinks } from "../../_components/export-links";
import { DisciplineRules } from "./_components/discipline-rules";
import { DisciplineTable } from "./_components/discipline-table";
import { OverdueList } from "./_components/overdue-list";
import { PeriodForm } from "./_components/period-form";
import { messageKey } from "@/lib/i18n/translator";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata() {
  return { title: (await getTranslations("discipline"))("title") };
}

/**
 * Reporting discipline as DHIS2 reports it: per province, for one period, updates expected, submitted,
 * approved and on time, completeness and timeliness over the expected ones, and the overdue centres; as
 * things stand now or at the end of an earlier day.
 */
export default async function DisciplinePage({ searchParams }: Props) {
  const params = await searchParams;
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const view = readAsOf(params);
  const values = disciplineFilterValues(params);
  // "As of" a day: standings are that day's and only what happened before its end (Beijing) counts.
  const data = await pageData("/reporting/discipline", disciplinePage, { ...values, asOf: view.asOf, locale });
  const { today, realToday, choices, error, periodCode, period, report, rows, national, provinceScope, provinceNames, centreNames } = data;
  const exportPath = "/reporting/discipline/export";
  const exportParams = { asOf: view.asOf, period: periodCode, province: national ? data.filterProvince : undefined };

  return (
    <>
      <h1>{t("discipline.title")}</h1>
      <p className="lead">{t("discipline.lead")}</p>
      <AsOfPicker view={view} keep={{ period: values.period, province: national ? values.province : undefined }} />
      <AsOfNotice view={view} today={realToday} />
      <p className="muted">{t("discipline.asOfNote")}</p>
      <PeriodForm quarters={choices.quarters} months={choices.months} period={error ? undefined : periodCode} provinces={data.provinceOptions} province={data.filterProvince} asOf={view.asOf} />

      {error ? (
        <p className="notice notice-error" role="alert">
          {t("discipline.errors.refused", { reason: t(messageKey(`discipline.errors.${error.key}`), { value: error.value, today, start: env.REPORTING_START }) })}
        </p>
      ) : period === undefined ? (
        <p className="empty">{t("discipline.noPeriod", { start: env.REPORTING_START })}</p>
      ) : report && rows.length === 0 ? (
        <p className="empty">{t("discipline.noProvinces")}</p>
      ) : (
        report && (
          <>
            <section aria-labelledby="discipline-heading">
              <div className="section-head">
                <h2 id="discipline-heading">{t("discipline.tableCaption", { period: periodLabel(period.code, locale) })}</h2>
                <ExportLinks path={exportPath} params={{ ...exportParams, table: "provinces" }} table={t("discipline.title")} />
              </div>
              <DisciplineTable
                rows={rows}
                total={report.total}
                totalLabel={provinceScope === "all" ? t("discipline.totalNational") : t("discipline.total")}
                caption={t("discipline.tableCaption", { period: periodLabel(period.code, locale) })}
              />
              {provinceScope === "all" && <p className="muted">{t("discipline.noCentresElsewhere")}</p>}
            </section>
            <section aria-labelledby="overdue-heading">
              <div className="section-head">
                <h2 id="overdue-heading">{t("discipline.overdueHeading")}</h2>
                <span className="button-row">
                  <span className="muted">{t("discipline.overdueCount", { count: report.overdue.length })}</span>
                  {report.overdue.length > 0 && <ExportLinks path={exportPath} params={{ ...exportParams, table: "overdue" }} table={t("discipline.overdueHeading")} />}
                </span>
              </div>
              <OverdueList overdue={report.overdue} centreNames={centreNames} provinceNames={provinceNames} />
            </section>
          </>
        )
      )}
      <DisciplineRules reportingStart={env.REPORTING_START} />
    </>
  );
}
