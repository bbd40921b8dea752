import { Fragment, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { INDICATORS as CHARTS, type Indicator, type IndicatorPeriod } from "@/lib/export/tables/centre";
import { TimeSeriesChart } from "@/app/_components/charts/time-series-chart";

interface Props {
  locale: "zh" | "en";
  periods: readonly IndicatorPeriod[];
  budgetYuan: number;
  startDate: string;
  plannedCompletionDate: string;
  /** The conversion threshold that applies to this centre (enterprise-led or not), as a fraction. */
  conversionThreshold: number;
  /** Utilization below which the idle rule warns (amber), %. */
  idleAmberBelowPercent: number;
}

/**
 * A centre's indicators over its approved periods: investment executed against the straight-line
 * plan, conversion rate against its threshold, and compute utilization against the idle line. The
 * charts drawn are those the indicator registry feeds (the same list as the export tables).
 */
export function CentreIndicators({ locale, periods, budgetYuan, startDate, plannedCompletionDate, conversionThreshold, idleAmberBelowPercent }: Props) {
  const t = useTranslations("centreCharts");
  // Amounts in the locale's large unit: 亿元, or CNY millions.
  const [divisor, unit] = locale === "zh" ? [1e8, "亿元"] : [1e6, "CNY m"];
  const investment = periods.filter((p) => p.investmentExecutedYuan !== null).map((p) => ({ date: p.periodEnd, value: p.investmentExecutedYuan! / divisor }));
  const conversion = periods
    .filter((p) => p.resultsProduced !== null && p.resultsProduced > 0 && p.resultsConverted !== null)
    .map((p) => ({ date: p.periodEnd, value: (p.resultsConverted! / p.resultsProduced!) * 100 }));
  const utilization = periods.filter((p) => p.utilizationPercent !== null).map((p) => ({ date: p.periodEnd, value: p.utilizationPercent! }));
  const charts: Record<Indicator, ReactNode> = {
    investment: (
      <TimeSeriesChart
        title={t("investment")}
        unit={unit}
        locale={locale}
        height={260}
        series={[
          { name: t("executed"), kind: "actual", points: investment },
          {
            name: t("plannedLine"),
            kind: "planned",
            points: [
              { date: startDate, value: 0 },
              { date: plannedCompletionDate, value: budgetYuan / divisor },
            ],
          },
        ]}
      />
    ),
    conversion: (
      <TimeSeriesChart
        title={t("conversion")}
        unit="%"
        locale={locale}
        height={260}
        maxFractionDigits={1}
        series={[{ name: t("conversionRate"), kind: "actual", points: conversion }]}
        threshold={{ value: conversionThreshold * 100, label: t("conversionThreshold") }}
      />
    ),
    utilization: utilization.length > 0 && (
      <TimeSeriesChart
        title={t("utilization")}
        unit="%"
        locale={locale}
        height={260}
        maxFractionDigits={1}
        series={[{ name: t("utilizationRate"), kind: "actual", points: utilization }]}
        threshold={{ value: idleAmberBelowPercent, label: t("idleLine") }}
      />
    ),
  };
  return (
    <div className="chart-grid">
      {CHARTS.map((chart) => (
        <Fragment key={chart}>{charts[chart]}</Fragment>
      ))}
    </div>
  );
}
