// Builds the ECharts option of a time series on the server: plain data only (no functions), so it
// crosses to the client component as props. Type imports from ECharts are erased at build time.
import type { LineSeriesOption } from "echarts/charts";
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { formatNumber } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/vocabulary";

export type SeriesKind = "actual" | "planned" | "forecast";

export interface TimeSeries {
  name: string;
  kind: SeriesKind;
  points: readonly { date: string; value: number }[];
}

export interface Threshold {
  value: number;
  label: string;
}

export type TimeSeriesOption = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption>;

/** Okabe–Ito: told apart by the common colour-vision deficiencies; yellow last (weak on white). */
export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"] as const;
// A different marker per series, so lines stay apart in greyscale print.
const SYMBOLS = ["circle", "rect", "triangle", "diamond", "emptyCircle", "emptyRect", "emptyTriangle", "emptyDiamond"] as const;
const LINE_TYPES: Record<SeriesKind, "solid" | "dashed" | "dotted"> = { actual: "solid", planned: "dashed", forecast: "dotted" };
const THRESHOLD_COLOUR = "#D55E00";

/** "45.2%", "1.2亿元" in Chinese; "1.2 CNY bn", but "45.2%" in English. */
export function withUnit(text: string, unit: string, locale: Locale): string {
  if (unit === "" || unit === "%" || locale === "zh") return `${text}${unit}`;
  return `${text} ${unit}`;
}

export function formatValue(value: number, unit: string, locale: Locale, maxFractionDigits: number): string {
  return withUnit(formatNumber(value, locale, maxFractionDigits), unit, locale);
}

// The smallest of 1, 2, 2.5, 5 and 10 times a power of ten that is at least `value`.
function niceStep(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return Number(([1, 2, 2.5, 5, 10].find((m) => m * power >= value)! * power).toPrecision(12));
}

/**
 * ECharts leaves a mark line out of the axis range, so a threshold above every point would fall off
 * the chart: the axis then ends 10 % above the threshold, rounded up to a multiple of a round step
 * of about a fifth of it (the ticks ECharts draws then meet the top).
 */
export function axisMaxFor(series: readonly TimeSeries[], threshold: Threshold | undefined): number | undefined {
  if (!threshold || threshold.value <= 0) return undefined;
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  if (values.length > 0 && Math.max(...values) >= threshold.value) return undefined;
  const top = threshold.value * 1.1;
  const step = niceStep(top / 5);
  return Number((Math.ceil(top / step) * step).toPrecision(12));
}

/** Dates of every point, sorted and unique: the rows of the data table. */
export function tableDates(series: readonly TimeSeries[]): string[] {
  return [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
}

const DAY_MS = 86_400_000;
const QUARTER_MS = 91 * DAY_MS;

// Time-axis labels per level, as ECharts' own templates (plain strings, so they serialise).
const TIME_LABELS: Record<Locale, Record<string, string>> = {
  zh: { year: "{yyyy}年", month: "{M}月", day: "{M}月{d}日" },
  en: { year: "{yyyy}", month: "{MMM}", day: "{d} {MMM}" },
};

export function buildTimeSeriesOption(input: { unit: string; locale: Locale; series: readonly TimeSeries[]; threshold?: Threshold; maxFractionDigits?: number }): TimeSeriesOption {
  const { unit, locale, series, threshold, maxFractionDigits = 2 } = input;
  const max = axisMaxFor(series, threshold);
  const dates = tableDates(series);
  // One date alone would give the time axis no width and hour ticks: show a quarter either side.
  const span = dates.length === 1 ? { min: Date.parse(`${dates[0]}T00:00:00Z`) - QUARTER_MS / 2, max: Date.parse(`${dates[0]}T00:00:00Z`) + QUARTER_MS / 2 } : {};
  return {
    // Drawn at once: nothing moves for readers sensitive to motion, and a page printed straight
    // after loading shows the finished chart.
    animation: false,
    color: [...OKABE_ITO],
    // The figcaption and the data table describe the chart; ECharts' generated sentence would repeat
    // them in English only, so only its decal patterns are used.
    aria: { enabled: true, decal: { show: true }, label: { enabled: false } },
    legend: { top: 0, left: 0, itemWidth: 32 },
    tooltip: { trigger: "axis" },
    // Room above the plot for the legend row and, under it, the unit over the value axis.
    grid: { left: 8, right: 24, top: 64, bottom: 8 },
    xAxis: { type: "time", minInterval: DAY_MS, ...span, axisLabel: { formatter: TIME_LABELS[locale], hideOverlap: true } },
    yAxis: { type: "value", name: unit, nameTextStyle: { align: "left" }, ...(max === undefined ? {} : { max }) },
    series: series.map((s, i) => ({
      type: "line",
      name: s.name,
      data: s.points.map((p) => [p.date, p.value]),
      symbol: SYMBOLS[i % SYMBOLS.length],
      symbolSize: 8,
      showSymbol: true,
      lineStyle: { type: LINE_TYPES[s.kind], width: s.kind === "actual" ? 3 : 2 },
      ...(i === 0 && threshold
        ? {
            markLine: {
              silent: true,
              symbol: "none",
              lineStyle: { type: "dashed", width: 2, color: THRESHOLD_COLOUR },
              label: { position: "insideEndTop", formatter: `${threshold.label} ${formatValue(threshold.value, unit, locale, maxFractionDigits)}` },
              data: [{ yAxis: threshold.value, name: threshold.label }],
            },
          }
        : {}),
    })),
  };
}
