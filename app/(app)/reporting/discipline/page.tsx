import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listProvinceOptions } from "@/db/provinces";
import { requireUser } from "@/lib/auth/current-user";
import { chinaToday } from "@/lib/domain/china-time";
import { defaultDisciplinePeriod, disciplinePeriodChoices } from "@/lib/domain/reporting-discipline";
import { parsePeriod, periodLabel } from "@/lib/domain/periods";
import { readableScope } from "@/lib/domain/permissions";
import { env } from "@/lib/env";
import { localeOrDefault, localName } from "@/lib/i18n/locale";
import { disciplineFilterSchema, disciplineFilterValues } from "@/lib/validation/discipline-filter";
import { readAsOf, type SearchParams } from "@/app/_lib/as-of";
import { disciplineReport } from "@/app/_lib/discipline";
import { AsOfNotice, AsOfPicker } from "../../_components/as-of-picker";
import { ExportLinks } from "../../_components/export-links";
import { DisciplineRules } from "./_components/discipline-rules";
import { DisciplineTable } from "./_components/discipline-table";
import { OverdueList } from "./_components/overdue-list";
import { PeriodForm } from "./_components/period-form";

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
  const user = await requireUser();
  const params = await searchParams;
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const realToday = chinaToday();
  const view = readAsOf(params);
  // "As of" a day: standings are that day's and only what happened before its end (Beijing) counts.
  const today = view.asOf ?? realToday;
  const values = disciplineFilterValues(params);
  const parsed = disciplineFilterSchema(today, env.REPORTING_START).safeParse(values);
  const choices = disciplinePeriodChoices(env.REPORTING_START, today);
  const scope = readableScope(user);
  const db = getDb();

  const filter = parsed.success ? parsed.data : {};
  // A provincial reader gets their own province whatever `province` asks for; the check is here, on the server.
  const provinceScope = scope === "all" ? (filter.province ?? "all") : scope;
  const periodCode = filter.period ?? defaultDisciplinePeriod(choices);
  const period = periodCode === undefined ? undefined : parsePeriod(periodCode);
  const computed = parsed.success && period ? disciplineReport(provinceScope, period.code, view.asOf) : undefined;
  const data = computed?.data;

  let error: { key: string; value: string } | undefined;
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0]) as "period" | "province";
    error = { key: issue.message, value: values[field] ?? "" };
  } else if (data && provinceScope !== "all" && scope === "all" && data.provinces.length === 0) {
    error = { key: "provinceUnknown", value: provinceScope };
  }

  const report = error ? undefined : computed?.report;
  const provinceNames = new Map((data?.provinces ?? []).map((p) => [p.code, localName(locale, p)]));
  // Provinces without registered centres would be rows of "—"; a single province is always shown.
  const rows = (report?.provinces ?? [])
    .map((row) => ({ ...row, ...data!.provinces.find((p) => p.code === row.provinceCode)! }))
    .filter((row) => row.centres > 0 || provinceScope !== "all");
  const provinceOptions = scope === "all" ? listProvinceOptions(db) : [];
  const exportPath = "/reporting/discipline/export";
  const exportParams = { asOf: view.asOf, period: periodCode, province: scope === "all" ? filter.province : undefined };

  return (
    <>
      <h1>{t("discipline.title")}</h1>
      <p className="lead">{t("discipline.lead")}</p>
      <AsOfPicker view={view} keep={{ period: values.period, province: scope === "all" ? values.province : undefined }} />
      <AsOfNotice view={view} today={realToday} />
      <p className="muted">{t("discipline.asOfNote")}</p>
      <PeriodForm quarters={choices.quarters} months={choices.months} period={error ? undefined : periodCode} provinces={provinceOptions} province={filter.province} asOf={view.asOf} />

      {error ? (
        <p className="notice notice-error" role="alert">
          {t("discipline.errors.refused", { reason: t(`discipline.errors.${error.key}`, { value: error.value, today, start: env.REPORTING_START }) })}
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
              <OverdueList overdue={report.overdue} centreNames={new Map(data!.centres.map((c) => [c.id, c.name]))} provinceNames={provinceNames} />
            </section>
          </>
        )
      )}
      <DisciplineRules reportingStart={env.REPORTING_START} />
    </>
  );
}
