import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { TargetResult } from "@/lib/domain/engine";
import type { Forecast } from "@/lib/domain/forecast";
import { formatNumber } from "@/lib/domain/format";
import type { TargetStanding } from "@/lib/domain/progress";
import type { TargetMeasure } from "@/lib/domain/target-measures";
import { flagHref } from "./flag-table";
import { SeverityBadge } from "./risk-badges";
import { messageKey } from "@/lib/i18n/translator";

export interface TargetRow {
  id: string;
  title: string;
  unit: string;
  kind: string;
  measure: TargetMeasure | null;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  deadline: string;
  isDemo: boolean;
  sourceStatus: string;
  sourceDocument: string;
  result: TargetResult;
}

const STANDING_LEVEL: Record<TargetStanding, string> = { met: "green", on_track: "green", at_risk: "amber", unmeasured: "none" };

export function ForecastText({ forecast, deadline }: { forecast: Forecast; deadline: string }) {
  const t = useTranslations("progress.forecast");
  switch (forecast.kind) {
    case "on_track":
      return <>{t("on_track", { date: forecast.forecastDate, deadline })}</>;
    case "late":
      return <>{t("late", { date: forecast.forecastDate, days: forecast.daysLate, deadline })}</>;
    default:
      return <>{t(forecast.kind)}</>;
  }
}

/** Each target's plan, actual from approved reports, planned-to-date, schedule index, forecast and flags. */
export function TargetProgressTable({ rows, caption, editHref }: { rows: readonly TargetRow[]; caption: string; editHref?: (id: string) => string }) {
  const t = useTranslations();
  const locale = useLocale() === "en" ? "en" : "zh";
  const n = (value: number) => formatNumber(value, locale);
  return (
    <table className="data-table target-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("targets.title")}</th>
          <th scope="col" className="num">
            {t("progress.plan")}
          </th>
          <th scope="col" className="num">
            {t("progress.actual")}
          </th>
          <th scope="col" className="num">
            {t("progress.plannedToDate")}
          </th>
          <th scope="col" className="num">
            {t("progress.scheduleIndex")}
          </th>
          <th scope="col">{t("progress.forecastHeading")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const r = row.result;
          return (
            <tr key={row.id} id={`target-${row.id}`} data-testid="target-row">
              <td>
                {editHref ? <Link href={editHref(row.id)}>{row.title}</Link> : row.title}
                {row.isDemo && <span className="badge badge-demo">{t("common.demo")}</span>}
                <div className="muted small">
                  {t(messageKey(`targetKinds.${row.kind}`))} · {row.measure ? t(`targetMeasures.${row.measure}`) : t("targets.noMeasure")}
                </div>
                <div className="small">
                  <span className={`badge badge-source-${row.sourceStatus}`}>{t(messageKey(`sourceStatuses.${row.sourceStatus}`))}</span>{" "}
                  <span className="muted">{row.sourceDocument}</span>
                </div>
              </td>
              <td className="num">
                {n(row.targetValue)} {row.unit}
                <div className="muted small">
                  {t("progress.fromBaseline", { value: n(row.baselineValue), date: row.baselineDate })} → {row.deadline}
                </div>
              </td>
              <td className="num">
                {r.actual === null ? (
                  <span className="muted">{t(`progress.unmeasured.${r.unmeasuredReason ?? "no_reports"}`)}</span>
                ) : (
                  <>
                    {n(r.actual)} {row.unit}
                    <div className="small">{r.progressPct === null ? "—" : t("progress.pctOfTarget", { pct: n(r.progressPct) })}</div>
                  </>
                )}
              </td>
              <td className="num">
                {n(r.plannedValue)} {row.unit}
                <div className="muted small">{r.plannedPct === null ? "—" : t("progress.pctOfTarget", { pct: n(r.plannedPct) })}</div>
              </td>
              <td className="num">
                {r.scheduleIndex === null ? "—" : formatNumber(r.scheduleIndex, locale, 3)}
                <div>
                  <span className={`badge standing standing-${STANDING_LEVEL[r.standing]}`}>{t(`targetStandings.${r.standing}`)}</span>
                </div>
              </td>
              <td>
                {r.unmeasuredReason === "no_measure" || r.unmeasuredReason === "unit_mismatch" ? "—" : <ForecastText forecast={r.forecast} deadline={row.deadline} />}
                {r.flags.map((flag) => (
                  <div key={flag.key}>
                    <Link href={flagHref(flag.key)}>
                      <SeverityBadge severity={flag.severity} /> {flag.explanation[locale]}
                    </Link>
                  </div>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
