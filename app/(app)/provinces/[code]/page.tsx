import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { burnUp } from "@/lib/domain/burn-up";
import { chinaToday } from "@/lib/domain/china-time";
import { cityName } from "@/lib/domain/cities";
import { formatNumber, formatYuan } from "@/lib/domain/format";
import { periodLabel } from "@/lib/domain/periods";
import { RISK_CODES } from "@/lib/domain/risk/types";
import { CENTRE_STATUSES, FOCUS_TAGS } from "@/lib/domain/vocabulary";
import { localeOrDefault } from "@/lib/i18n/locale";
import { centreFilterSchema, centreFilterValues, type CentreFilter } from "@/lib/validation/centre-filter";
import { DemoBadge } from "@/app/_components/demo-badge";
import { TimeSeriesChart } from "@/app/_components/charts/time-series-chart";
import { readAsOf, withAsOf, type SearchParams } from "@/app/_lib/as-of";
import { provincePage } from "@/lib/use-cases/dashboards/province-page";
import { AsOfNotice, AsOfPicker } from "../../_components/as-of-picker";
import { flagHref, FlagTable } from "../../_components/flag-table";
import { LevelBadge, SeverityBadge } from "../../_components/risk-badges";
import { RollUpSummary } from "../../_components/roll-up-summary";
import { TargetBar } from "../../_components/target-bar";
import { ForecastText, TargetProgressTable } from "../../_components/target-progress-table";
import { ExportLinks } from "../../_components/export-links";
import { ReportForm } from "./_components/report-form";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<SearchParams> };

/** Flags shown on the province page, most severe first; the flag list has the rest. */
const PAGE_FLAGS = 30;

/**
 * A province's dashboard, also its printed A4 report: targets as bars and burn-up charts, look-alike
 * centre groups, the flags, and the centres with filters. Every figure comes from the engine,
 * computed from approved data only (as of now or of the close of an earlier period).
 */
export default async function ProvincePage({ params, searchParams }: Props) {
  const { code } = await params;
  const query = await searchParams;
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const asOfView = readAsOf(query);
  const { asOf } = asOfView;
  const filterParse = centreFilterSchema.safeParse(centreFilterValues(query));
  const filter: CentreFilter = filterParse.success ? filterParse.data : {};
  const data = await pageData("/provinces/[code]", provincePage, { ...filter, code, asOf, locale });
  const { engine, targets, allCentres, flags, openWarnings, groups, centres } = data;
  const centreHref = (id: string) => withAsOf(`/centres/${id}`, asOf);
  const pct = (value: number | null) => (value === null ? "—" : `${formatNumber(value, locale, 1)}%`);
  const names = new Map(allCentres.map((c) => [c.id, c]));
  const cities = [...new Set(allCentres.map((c) => c.cityCode))].sort();
  const provinceName = data.name;
  const exportPath = `/provinces/${code}/export`;

  return (
    <>
      <p className="breadcrumb no-print">
        <Link href="/provinces">{t("provinces.title")}</Link> /
      </p>
      <h1>
        {provinceName} <span className="muted">{code}</span>
      </h1>
      <p className="print-only print-scope">{t("province.printScope", { province: provinceName, date: asOf ?? engine.today, printed: chinaToday() })}</p>
      <div className="dashboard-bar">
        <AsOfNotice view={asOfView} today={engine.today} />
        <AsOfPicker view={asOfView} keep={{ ...filter }} />
      </div>

      <RollUpSummary completion={engine.completion.provinces[code]!} targets={engine.targetRollUp.provinces[code]!} flags={flags} />

      <section aria-labelledby="targets-heading">
        <div className="section-head">
          <h2 id="targets-heading">{t("province.targets")}</h2>
          <span className="button-row">
            {targets.length > 0 && <ExportLinks path={exportPath} params={{ asOf, table: "targets" }} table={t("province.targets")} />}
            {data.canAddTarget && (
              <Link className="button" href={`/admin/targets/new?province=${code}`}>
                {t("targets.new")}
              </Link>
            )}
          </span>
        </div>
        {targets.length === 0 ? (
          <p className="empty">{t("province.noTargets")}</p>
        ) : (
          <>
            <ul className="target-bars" data-testid="target-bars">
              {targets.map((target) => {
                const r = engine.targets.get(target.id)!;
                return (
                  <li key={target.id}>
                    <TargetBar
                      label={target.title}
                      progressPct={r.progressPct}
                      plannedPct={r.plannedPct}
                      standing={r.standing}
                      forecastText={r.actual === null ? t(`progress.unmeasured.${r.unmeasuredReason ?? "no_reports"}`) : <ForecastText forecast={r.forecast} deadline={target.deadline} />}
                    />
                  </li>
                );
              })}
            </ul>
            <h3>{t("province.burnUpHeading")}</h3>
            <p className="muted small">{t("province.burnUpNote")}</p>
            <div className="chart-grid">
              {targets
                // Measured targets only (the series always holds the baseline, so it cannot tell).
                .filter((target) => engine.targets.get(target.id)!.actual !== null)
                .map((target) => {
                  const r = engine.targets.get(target.id)!;
                  const lines = burnUp({ kind: target.kind, baselineValue: target.baselineValue, baselineDate: target.baselineDate, targetValue: target.targetValue, deadline: target.deadline, checkpoints: target.plannedValues }, r.series, r.forecast);
                  return (
                    <TimeSeriesChart
                      key={target.id}
                      title={target.title}
                      unit={target.unit}
                      locale={locale}
                      height={240}
                      series={[
                        {
                          name: t("province.series.actual"),
                          kind: "actual",
                          // A count of operational centres has no reported history: its level today ends the line.
                          points: target.measure === "centres_operational" && r.actual !== null ? [...lines.actual, { date: engine.today, value: r.actual }] : lines.actual,
                        },
                        { name: t("province.series.planned"), kind: "planned", points: lines.planned },
                        { name: t("province.series.forecast"), kind: "forecast", points: lines.forecast },
                      ]}
                      threshold={{ value: target.targetValue, label: t("province.series.target") }}
                    />
                  );
                })}
            </div>
            <TargetProgressTable
              caption={t("province.targets")}
              editHref={data.canEditTargets ? (id) => `/admin/targets/${id}` : undefined}
              rows={targets.map((target) => ({ ...target, result: engine.targets.get(target.id)! }))}
            />
          </>
        )}
      </section>

      <section aria-labelledby="look-alike-heading">
        <div className="section-head">
          <h2 id="look-alike-heading">{t("province.lookAlikeHeading")}</h2>
          {groups.length > 0 && <ExportLinks path={exportPath} params={{ asOf, table: "lookalikes" }} table={t("province.lookAlikeHeading")} />}
        </div>
        <p className="muted small">{t("province.lookAlikeNote")}</p>
        {groups.length === 0 ? (
          <p className="empty">{t("province.noLookAlikes")}</p>
        ) : (
          <ul className="look-alike-groups" data-testid="look-alike-groups">
            {groups.map((group) => (
              <li key={group.centreIds.join()} className="look-alike-group">
                <table className="data-table compact">
                  <caption>
                    <SeverityBadge severity={group.flags[0]!.severity} /> {t("province.lookAlikeGroup", { count: group.centreIds.length })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("centres.name")}</th>
                      <th scope="col">{t("centres.city")}</th>
                      <th scope="col">{t("centres.leadInstitution")}</th>
                      <th scope="col">{t("centres.focusTags")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.centreIds.map((id) => {
                      const c = names.get(id);
                      return (
                        <tr key={id}>
                          <th scope="row">{c ? <Link href={centreHref(id)}>{c.name}</Link> : id}</th>
                          <td>{c ? (cityName(c.cityCode) ?? c.cityCode) : "—"}</td>
                          <td>{c?.leadInstitution ?? "—"}</td>
                          <td>{c ? c.focusTags.map((tag) => t(`focusTags.${tag}`)).join(locale === "zh" ? "、" : ", ") : "—"}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                <ul className="plain small">
                  {group.flags.map((f) => (
                    <li key={f.key}>
                      <Link href={flagHref(f.key)}>{t("province.compare")}</Link>: {f.explanation[locale]}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="flags-heading">
        <div className="section-head">
          <h2 id="flags-heading">{t("risk.title")}</h2>
          <span className="button-row no-print">
            {flags.length > 0 && <ExportLinks path={exportPath} params={{ asOf, table: "flags" }} table={t("risk.title")} />}
            <Link href={`/flags?province=${code}`}>{t("risk.allFlags")}</Link>
          </span>
        </div>
        <FlagTable items={flags} names={data.flagNames} caption={t("risk.title")} limit={PAGE_FLAGS} moreHref={`/flags?province=${code}`} />
      </section>

      <section aria-labelledby="centres-heading">
        <div className="section-head">
          <h2 id="centres-heading">{t("province.centres")}</h2>
          <span className="button-row">
            {centres.length > 0 && <ExportLinks path={exportPath} params={{ asOf, ...filter, table: "centres" }} table={t("province.centres")} />}
            {data.canAddCentre && (
              <Link className="button" href={`/centres/new?province=${code}`}>
                {t("centres.new")}
              </Link>
            )}
          </span>
        </div>
        <form method="get" className="filters no-print" aria-label={t("province.centreFilter")}>
          {asOf && <input type="hidden" name="asOf" value={asOf} />}
          <label>
            {t("centres.status")}
            <select name="status" defaultValue={filter.status ?? ""}>
              <option value="">{t("province.any")}</option>
              {CENTRE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`centreStatuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("centres.focusTags")}
            <select name="tag" defaultValue={filter.tag ?? ""}>
              <option value="">{t("province.any")}</option>
              {FOCUS_TAGS.map((tag) => (
                <option key={tag} value={tag}>
                  {t(`focusTags.${tag}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("centres.city")}
            <select name="city" defaultValue={filter.city ?? ""}>
              <option value="">{t("province.any")}</option>
              {cities.map((city) => (
                <option key={city} value={city}>
                  {cityName(city) ?? city}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("province.flagFilter")}
            <select name="flag" defaultValue={filter.flag ?? ""}>
              <option value="">{t("province.any")}</option>
              <option value="any">{t("province.anyFlag")}</option>
              {RISK_CODES.map((c) => (
                <option key={c} value={c}>
                  {t(`risk.codes.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t("overview.apply")}</button>
        </form>
        {!filterParse.success && (
          <p className="notice notice-error" role="alert">
            {t("province.badFilter", { field: String(filterParse.error.issues[0]?.path[0] ?? "") })}
          </p>
        )}
        {centres.length === 0 ? (
          <p className="empty">{allCentres.length === 0 ? t("province.noCentres") : t("province.noMatchingCentres")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="province-centres">
              <caption className="visually-hidden">{t("province.centres")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("centres.name")}</th>
                  <th scope="col">{t("centres.city")}</th>
                  <th scope="col">{t("centres.focusTags")}</th>
                  <th scope="col" className="num">
                    {t("centres.plannedBudget")}
                  </th>
                  <th scope="col">{t("centres.status")}</th>
                  <th scope="col" className="num">
                    {t("progress.completion")}
                  </th>
                  <th scope="col" className="num">
                    {t("progress.scheduleIndex")}
                  </th>
                  <th scope="col">{t("province.latestUpdate")}</th>
                  <th scope="col">{t("risk.computedLevel")}</th>
                </tr>
              </thead>
              <tbody>
                {centres.map((c) => {
                  const r = engine.centres.get(c.id)!;
                  const open = openWarnings(r.flags);
                  return (
                    <tr key={c.id}>
                      <td>
                        <Link href={centreHref(c.id)}>{c.name}</Link> <DemoBadge isDemo={c.isDemo} />
                        <div className="muted small">{c.leadInstitution}</div>
                      </td>
                      <td className="nowrap">{cityName(c.cityCode) ?? c.cityCode}</td>
                      <td>{c.focusTags.map((tag) => t(`focusTags.${tag}`)).join(locale === "zh" ? "、" : ", ")}</td>
                      <td className="num">{formatYuan(c.plannedBudgetYuan, locale)}</td>
                      <td>
                        <span className={`status status-${r.status}`}>{t(`centreStatuses.${r.status}`)}</span>
                      </td>
                      <td className="num">
                        {pct(r.completionPct)}
                        <div className="muted small">{t("province.plannedShort", { pct: pct(r.plannedCompletionPct) })}</div>
                      </td>
                      <td className="num">{r.scheduleIndex === null ? "—" : formatNumber(r.scheduleIndex, locale, 2)}</td>
                      <td className="nowrap">{r.latestReport ? periodLabel(r.latestReport.period, locale) : t("province.noUpdate")}</td>
                      <td>
                        <LevelBadge level={r.computedLevel} />
                        {open.length > 0 && <div className="small">{[...new Set(open.map((f) => t(`risk.codes.${f.code}`)))].join(locale === "zh" ? "、" : ", ")}</div>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <ReportForm code={code} quarters={data.reportQuarters} />
    </>
  );
}
