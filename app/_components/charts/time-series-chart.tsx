import { useTranslations } from "next-intl";
import { EChartClient } from "./echart-client";
import { buildTimeSeriesOption, formatValue, tableDates, type Threshold, type TimeSeries } from "./time-series-option";

export interface TimeSeriesChartProps {
  title: string;
  /** Unit of every value ("%", "亿元", "PFLOPS"); the page scales amounts before passing them. */
  unit: string;
  locale: "zh" | "en";
  series: readonly TimeSeries[];
  threshold?: Threshold;
  height?: number;
  /** Decimals shown in the table, tooltip and threshold label; 2 unless given. */
  maxFractionDigits?: number;
}

/**
 * A line chart over time (actual solid, planned dashed, forecast dotted, a marker shape per series,
 * an optional threshold line), with the figures in a table under it. The option is built here on the
 * server; the browser only draws it.
 */
export function TimeSeriesChart({ title, unit, locale, series, threshold, height = 320, maxFractionDigits = 2 }: TimeSeriesChartProps) {
  const t = useTranslations("charts");
  const drawn = series.filter((s) => s.points.length > 0);
  if (drawn.length === 0) {
    return (
      <figure className="chart time-series">
        <figcaption className="chart-caption">{title}</figcaption>
        <p className="empty">{t("series.noPoints")}</p>
      </figure>
    );
  }
  const option = buildTimeSeriesOption({ unit, locale, series: drawn, threshold, maxFractionDigits });
  const dates = tableDates(drawn);
  const byDate = drawn.map((s) => new Map(s.points.map((p) => [p.date, p.value])));
  const value = (v: number) => formatValue(v, unit, locale, maxFractionDigits);
  const names = drawn.map((s) => s.name);
  return (
    <figure className="chart time-series">
      <figcaption className="chart-caption">{title}</figcaption>
      <EChartClient
        option={option}
        locale={locale}
        height={height}
        valueFormat={{ unit, maxFractionDigits }}
        label={t("series.label", { title, unit, names: names.join(t("listSeparator")) })}
      />
      {threshold && <p className="chart-note">{t("series.threshold", { label: threshold.label, value: value(threshold.value) })}</p>}
      <details className="chart-data">
        <summary>{t("dataTable")}</summary>
        <table className="data-table compact">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("series.date")}</th>
              {drawn.map((s, i) => (
                <th key={i} scope="col" className="num">
                  {names[i]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dates.map((date) => (
              <tr key={date}>
                <th scope="row" className="date">
                  {date}
                </th>
                {byDate.map((points, i) => {
                  const v = points.get(date);
                  return (
                    <td key={i} className="num">
                      {v === undefined ? "—" : value(v)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
