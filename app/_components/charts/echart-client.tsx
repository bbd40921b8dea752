"use client";

import { useEffect, useRef } from "react";
import type { EChartsCoreOption, EChartsType } from "echarts/core";
import { formatNumber } from "@/lib/domain/format";
import { withUnit } from "./time-series-option";

export interface ChartValueFormat {
  unit: string;
  maxFractionDigits: number;
}

export interface EChartClientProps {
  /** A plain, serialisable option built on the server (no functions). */
  option: EChartsCoreOption;
  /** The chart's accessible name; the figures themselves belong in a table beside it. */
  label: string;
  locale: "zh" | "en";
  height?: number;
  /** How values read in the tooltip and on the value axis; formatters are made here, in the browser. */
  valueFormat?: ChartValueFormat;
}

type Loose = Record<string, unknown>;

function withFormatters(option: EChartsCoreOption, locale: "zh" | "en", format: ChartValueFormat | undefined, reducedMotion: boolean): EChartsCoreOption {
  const result: Loose = { ...option };
  // Options built elsewhere may animate; a reader who asked for reduced motion gets none.
  if (reducedMotion) result.animation = false;
  if (!format) return result;
  const number = (value: unknown) => (typeof value === "number" ? formatNumber(value, locale, format.maxFractionDigits) : "—");
  result.tooltip = { ...(option.tooltip as Loose | undefined), valueFormatter: (value: unknown) => withUnit(number(value), format.unit, locale) };
  const axis = (y: Loose) => ({ ...y, axisLabel: { ...(y.axisLabel as Loose | undefined), formatter: (value: number) => number(value) } });
  const yAxis = option.yAxis as Loose | Loose[] | undefined;
  if (yAxis) result.yAxis = Array.isArray(yAxis) ? yAxis.map(axis) : axis(yAxis);
  return result;
}

/**
 * Draws an ECharts option in the browser. ECharts itself is fetched by a dynamic import the first
 * time a chart mounts, so pages without charts never load it; the chart follows its container's
 * size and is disposed on unmount. The box is one image to assistive technology, named by `label`.
 */
export function EChartClient({ option, label, locale, height = 320, valueFormat }: EChartClientProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef({ option, valueFormat });

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    let cancelled = false;
    let observer: ResizeObserver | undefined;
    const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    import("./echarts-setup").then(({ initChart }) => {
      if (cancelled) return;
      const instance = initChart(el, locale);
      instance.setOption(withFormatters(latest.current.option, locale, latest.current.valueFormat, reducedMotion));
      chart.current = instance;
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(el);
    }).catch(() => {
      // The chunk did not load (offline, blocked): the box stays empty and the data table beside it holds every figure.
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [locale]);

  // A server re-render (router.refresh, a new as-of day) sends a new option: redraw in place.
  useEffect(() => {
    latest.current = { option, valueFormat };
    const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    chart.current?.setOption(withFormatters(option, locale, valueFormat, reducedMotion), { notMerge: true });
  }, [option, valueFormat, locale]);

  return <div ref={element} className="echart" role="img" aria-label={label} style={{ height }} />;
}
