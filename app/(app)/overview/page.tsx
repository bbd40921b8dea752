import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { MAP_MEASURES, MEASURE_BREAKS, measureClass, measureValue, type MapMeasure, type SortKey } from "@/lib/domain/dashboard";
import { chinaToday } from "@/lib/domain/china-time";
import { formatNumber, formatYuan } from "@/lib/domain/format";
import { periodLabel } from "@/lib/domain/periods";
import { CENTRE_STATUSES } from "@/lib/domain/vocabulary";
import { localeOrDefault } from "@/lib/i18n/locale";
import { overviewViewSchema, overviewViewValues, type OverviewView } from "@/lib/validation/overview";
import { readAsOf, withAsOf, type SearchParams } from "@/app/_lib/as-of";
import { overviewPage } from "@/lib/use-cases/dashboards/overview-page";
import type { OverviewProvince } from "@/lib/use-cases/dashboards/overview-figures";
import { AsOfNotice, AsOfPicker } from "../_components/as-of-picker";
import { ExportLinks } from "../_components/export-links";
import { FlagTable } from "../_components/flag-table";
import { RollUpSummary } from "../_components/roll-up-summary";
import { TileMap } from "../_components/tile-map";
import type { AppTranslator } from "@/lib/i18n/translator";

export async function generateMetadata() {
  return { title: (await getTranslations("overview"))("title") };
}

type Props = { searchParams: Promise<SearchParams> };

/**
 * The national picture: a tile map coloured by the chosen measure, the provinces' figures (sortable,
 * filterable, exportable), the most severe open flags. Every figure is computed on the server.
 */
export default async function OverviewPage({ searchParams }: Props) {
  const params = await searchParams;
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const asOfView = readAsOf(params);
  const parsed = overviewViewSchema.safeParse(overviewViewValues(params));
  const view: OverviewView = parsed.success ? parsed.data : overviewViewSchema.parse({});
  const { asOf } = asOfView;
  const data = await pageData("/overview", overviewPage, { ...view, asOf, locale });
  // A provincial user's overview is their province's page.
  if (data.redirect !== undefined) redirect(data.redirect);
  const { today, open, provinces, rows, reportingPeriod, top, topNames } = data;

  const pct = (value: number | null) => (value === null ? "—" : `${formatNumber(value, locale, 1)}%`);
  const index = (value: number | null) => (value === null ? "—" : formatNumber(value, locale, 2));
  const measureText = (measure: MapMeasure, value: number | null) =>
    value === null ? "—" : measure === "schedule_index" ? index(value) : measure === "red_flags" ? String(value) : pct(value);
  const name = (p: OverviewProvince) => (locale === "zh" ? p.nameZh : p.nameEn);
  const provinceHref = (code: string) => withAsOf(`/provinces/${code}`, asOf);
  // Links to this page with some view settings changed, keeping the rest and the "as of" day.
  const hrefWith = (change: Partial<Record<keyof OverviewView | "asOf", string | undefined>>) => {
    const query = new URLSearchParams();
    const merged: Record<string, string | undefined> = { ...view, asOf, ...change };
    for (const [key, value] of Object.entries(merged)) if (value !== undefined && value !== "") query.set(key, value);
    return `?${query.toString()}`;
  };
  const sortHeader = (key: SortKey, label: string, numeric = true, note?: string) => {
    const active = view.sort === key;
    const nextDir = active && view.dir === "desc" ? "asc" : active ? "desc" : numeric ? "desc" : "asc";
    return (
      <th scope="col" className={numeric ? "num" : undefined} aria-sort={active ? (view.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={hrefWith({ sort: key, dir: nextDir })} className="sort-link">
          {label}
          <span aria-hidden="true">{active ? (view.dir === "asc" ? " ▲" : " ▼") : " ↕"}</span>
          {note && <span className="th-note">{note}</span>}
          <span className="visually-hidden">{t("overview.sortBy", { column: label })}</span>
        </Link>
      </th>
    );
  };
  const classLabels = classLabelsFor(view.measure, (v) => measureText(view.measure, v), t);
  const measureLabel = t(`overview.measures.${view.measure}`);

  return (
    <>
      <h1>{t("overview.title")}</h1>
      <div className="dashboard-bar">
        <AsOfNotice view={asOfView} today={today} />
        <AsOfPicker view={asOfView} keep={{ measure: view.measure, sort: view.sort, dir: view.dir, q: view.q, show: view.show }} />
      </div>
      {!parsed.success && (
        <p className="notice notice-error" role="alert">
          {t("overview.badView", { field: String(parsed.error.issues[0]?.path[0] ?? "") })}
        </p>
      )}
      <RollUpSummary completion={data.completion} targets={data.targets} flags={open} />

      <section aria-labelledby="map-heading">
        <div className="section-head">
          <h2 id="map-heading">{t("overview.mapHeading")}</h2>
          <nav aria-label={t("overview.measureChoice")} className="segmented no-print">
            {MAP_MEASURES.map((m) => (
              <Link key={m} href={hrefWith({ measure: m })} aria-current={m === view.measure ? "true" : undefined}>
                {t(`overview.measures.${m}`)}
              </Link>
            ))}
          </nav>
        </div>
        <TileMap
          caption={t("overview.mapCaption", { measure: measureLabel })}
          measureLabel={measureLabel}
          classes={classLabels}
          tiles={provinces.map((p) => {
            const value = measureValue(p, view.measure);
            return {
              code: p.code,
              name: name(p),
              shortName: locale === "zh" ? p.shortZh : undefined,
              value,
              valueText: measureText(view.measure, value),
              classIndex: measureClass(view.measure, value),
              details: p.empty
                ? [t("overview.noCentresOrTargets")]
                : [
                    `${t("progress.meanCompletion")}: ${pct(measureValue(p, "completion"))} (${t("progress.centresCounted", { count: p.completion.centres })})`,
                    `${t("overview.measures.target_progress")}: ${pct(p.targetProgressPct)}`,
                    `${t("overview.measures.schedule_index")}: ${index(p.scheduleIndex)}`,
                    `${t("overview.targetsAtRisk")}: ${p.targets.atRisk} / ${p.targets.targets}`,
                    `${t("progress.redCount", { count: p.redFlags })} · ${t("progress.amberCount", { count: p.amberFlags })}`,
                  ],
              href: provinceHref(p.code),
            };
          })}
        />
      </section>

      <section aria-labelledby="provinces-heading">
        <div className="section-head">
          <h2 id="provinces-heading">{t("overview.byProvince")}</h2>
          <ExportLinks path="/overview/export" params={{ ...view, asOf, table: "provinces" }} table={t("overview.byProvince")} />
        </div>
        <form method="get" className="filters no-print" aria-label={t("overview.filter")}>
          {asOf && <input type="hidden" name="asOf" value={asOf} />}
          <input type="hidden" name="measure" value={view.measure} />
          <input type="hidden" name="sort" value={view.sort} />
          <input type="hidden" name="dir" value={view.dir} />
          <label>
            {t("overview.nameFilter")}
            <input type="search" name="q" defaultValue={view.q ?? ""} maxLength={40} />
          </label>
          <label>
            {t("overview.showLabel")}
            <select name="show" defaultValue={view.show}>
              <option value="all">{t("overview.showAll")}</option>
              <option value="behind">{t("overview.showBehind")}</option>
            </select>
          </label>
          <button type="submit">{t("overview.apply")}</button>
        </form>
        <p className="muted small">{t("overview.tableNote")}</p>
        {rows.length === 0 ? (
          <p className="empty">{t("overview.noRows")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="province-roll-up">
              <caption className="visually-hidden">{t("overview.byProvince")}</caption>
              <thead>
                <tr>
                  {sortHeader("name", t("provinces.name"), false)}
                  <th scope="col">{t("overview.centresByStatus")}</th>
                  {sortHeader("completion", t("progress.meanCompletion"))}
                  {sortHeader("at_risk", t("progress.targetsHeading"))}
                  {sortHeader("schedule_index", t("overview.measures.schedule_index"))}
                  {sortHeader("investment", t("overview.investment"))}
                  {sortHeader("red_flags", t("overview.openFlags"), true, t("overview.openFlagsNote"))}
                  {sortHeader("on_time", t("overview.onTimeNone"), true, reportingPeriod ? periodLabel(reportingPeriod, locale) : undefined)}
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.code} data-province={p.code}>
                    <th scope="row">
                      <Link href={provinceHref(p.code)}>{name(p)}</Link>
                    </th>
                    <td className="small nowrap">
                      {CENTRE_STATUSES.some((s) => p.centresByStatus[s] > 0)
                        ? CENTRE_STATUSES.filter((s) => p.centresByStatus[s] > 0).map((s) => <div key={s}>{`${t(`centreStatuses.${s}`)} ${p.centresByStatus[s]}`}</div>)
                        : "—"}
                    </td>
                    <td className="num">{pct(measureValue(p, "completion"))}</td>
                    <td className="num small">
                      <div>{t("overview.targetTotal", { total: p.targets.targets })}</div>
                      <div className="nowrap">{t("overview.targetMix", { met: p.targets.met, onTrack: p.targets.onTrack - p.targets.met, atRisk: p.targets.atRisk })}</div>
                    </td>
                    <td className="num">{index(p.scheduleIndex)}</td>
                    <td className="num small">
                      <div className="nowrap">{`${formatYuan(p.investment.executedYuan, locale)} / ${formatYuan(p.investment.plannedToDateYuan, locale)}`}</div>
                      <div>{pct(p.investment.executedPctOfPlanned)}</div>
                    </td>
                    <td className="num nowrap">
                      <Link href={`/flags?province=${p.code}&severity=red`} className="badge sev sev-red" aria-label={t("progress.redCount", { count: p.redFlags })}>
                        {p.redFlags}
                      </Link>{" "}
                      <Link href={`/flags?province=${p.code}&severity=amber`} className="badge sev sev-amber" aria-label={t("progress.amberCount", { count: p.amberFlags })}>
                        {p.amberFlags}
                      </Link>
                    </td>
                    <td className="num small">
                      {p.reporting && p.reporting.expected > 0 && reportingPeriod ? (
                        <Link href={withAsOf(`/reporting/discipline?period=${reportingPeriod}&province=${p.code}`, asOf)}>
                          {t("overview.onTimeFigures", { onTime: p.reporting.onTime, expected: p.reporting.expected, pct: pct(p.reporting.timeliness) })}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="flags-heading">
        <div className="section-head">
          <h2 id="flags-heading">{t("overview.topFlags", { count: top.length, total: open.length })}</h2>
          <span className="button-row">
            <ExportLinks path="/overview/export" params={{ asOf, table: "flags" }} table={t("risk.title")} />
            <Link href="/flags">{t("risk.allFlags")}</Link>
          </span>
        </div>
        <FlagTable items={top} names={topNames} caption={t("risk.title")} />
      </section>
      <p className="print-only muted small">{t("overview.printFooter", { date: asOf ?? chinaToday() })}</p>
    </>
  );
}

/** Legend labels for the measure's fixed classes: "< 20%", "20%–40%", …, "≥ 80%". */
function classLabelsFor(measure: MapMeasure, text: (value: number) => string, t: AppTranslator) {
  const breaks = MEASURE_BREAKS[measure];
  if (measure === "red_flags") {
    // Whole counts: 0, 1–2, 3–5, 6–9, ≥ 10.
    return [{ label: "0" }, ...breaks.map((b, i) => ({ label: i === breaks.length - 1 ? `≥ ${b}` : b === breaks[i + 1]! - 1 ? String(b) : `${b}–${breaks[i + 1]! - 1}` }))];
  }
  return [
    { label: t("overview.below", { value: text(breaks[0]!) }) },
    ...breaks.slice(0, -1).map((b, i) => ({ label: `${text(b)}–${text(breaks[i + 1]!)}` })),
    { label: t("overview.atLeast", { value: text(breaks.at(-1)!) }) },
  ];
}
