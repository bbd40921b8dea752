import { chinaDateTime } from "@/lib/domain/china-time";
import { plannedShareAt } from "@/lib/domain/investment";
import { periodLabel } from "@/lib/domain/periods";
import type { ApprovedReport } from "@/lib/domain/engine";
import type { ChartFigure } from "@/lib/registry/approved-report";
import { CENTRE_CHARTS, chartIndicators, INDICATORS as REGISTRY, type CentreChart, type IndicatorDef } from "@/lib/registry/indicators";
import { withUnit, type ExportCell, type Translate } from "../table";

type Rows = { header: string[]; rows: ExportCell[][] };

export interface MilestoneExportRow {
  title: string;
  category: string;
  weight: number;
  plannedDate: string;
  /** Approved progress (as of the day shown), %. */
  progress: number;
  actualCompletionDate: string | null;
  /** The timeline's reading: done, in progress or overdue, and days late (negative: early). */
  standing: { state: "done" | "in_progress" | "overdue"; daysLate: number | null };
}

/** The milestone timeline's data: planned and actual dates, approved progress and the slip in days. */
export function milestoneRows(t: Translate, milestones: readonly MilestoneExportRow[]): Rows {
  return {
    header: [
      t("charts.timeline.columns.milestone"),
      t("milestones.category"),
      t("charts.timeline.columns.weight"),
      t("charts.timeline.columns.planned"),
      t("charts.timeline.columns.actual"),
      withUnit(t, t("charts.timeline.columns.progress"), "%"),
      t("charts.timeline.columns.status"),
      withUnit(t, t("export.columns.daysLate"), t("export.days")),
    ],
    rows: milestones.map((m) => [
      m.title,
      t(`milestoneCategories.${m.category}`),
      m.weight,
      m.plannedDate,
      m.actualCompletionDate,
      m.progress,
      t(`export.milestoneStates.${m.standing.state}`),
      m.standing.daysLate,
    ]),
  };
}

/**
 * One approved period's figures as the centre charts read them: the approved report's figures that the
 * registry's chart members feed (resultsConverted: the conversion modes added, null when none was reported).
 */
export type IndicatorPeriod = Pick<ApprovedReport, "period" | "periodEnd" | ChartFigure>;

/** The charts (and their export tables) that some indicator of the registry feeds, in the page's order. */
export const chartsOf = (indicators: readonly IndicatorDef[]) => CENTRE_CHARTS.filter((chart) => chartIndicators(indicators, chart).length > 0);
export const INDICATORS = chartsOf(REGISTRY);
export type Indicator = CentreChart;

export interface IndicatorContext {
  budgetYuan: number;
  startDate: string;
  plannedCompletionDate: string;
  /** The conversion threshold that applies to this centre, as a fraction. */
  conversionThreshold: number;
  idleAmberBelowPercent: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * One indicator chart's data table, one row per approved period: the plotted value in full units
 * (元, %) beside the line it is read against (the straight-line plan, the threshold, the idle line).
 */
export function indicatorRows(t: Translate, locale: "zh" | "en", indicator: Indicator, periods: readonly IndicatorPeriod[], c: IndicatorContext): Rows {
  const lead = [t("reviews.period"), t("export.columns.periodEnd")];
  const first = (p: IndicatorPeriod) => [periodLabel(p.period, locale), p.periodEnd];
  switch (indicator) {
    case "investment":
      return {
        header: [...lead, withUnit(t, t("centreCharts.executed"), t("export.yuan")), withUnit(t, t("centreCharts.plannedLine"), t("export.yuan")), withUnit(t, t("centres.plannedBudget"), t("export.yuan"))],
        rows: periods
          .filter((p) => p.investmentExecutedYuan !== null)
          .map((p) => [...first(p), p.investmentExecutedYuan, Math.round(c.budgetYuan * plannedShareAt(c.startDate, c.plannedCompletionDate, p.periodEnd)), c.budgetYuan]),
      };
    case "conversion":
      return {
        header: [...lead, t("export.columns.resultsProduced"), t("export.columns.resultsConverted"), withUnit(t, t("centreCharts.conversionRate"), "%"), withUnit(t, t("centreCharts.conversionThreshold"), "%")],
        rows: periods
          .filter((p) => p.resultsProduced !== null && p.resultsProduced > 0 && p.resultsConverted !== null)
          .map((p) => [...first(p), p.resultsProduced, p.resultsConverted, round1((p.resultsConverted! / p.resultsProduced!) * 100), round1(c.conversionThreshold * 100)]),
      };
    case "utilization":
      return {
        header: [...lead, withUnit(t, t("centreCharts.utilizationRate"), "%"), withUnit(t, t("centreCharts.idleLine"), "%")],
        rows: periods.filter((p) => p.utilizationPercent !== null).map((p) => [...first(p), p.utilizationPercent, c.idleAmberBelowPercent]),
      };
  }
}

export interface UpdateEventRow {
  at: string;
  period: string;
  action: string;
  actorName: string | null;
  reason: string | null;
}

/** Who submitted, approved, returned or reopened the centre's updates, newest first; times in Beijing time. */
export function updateEventRows(t: Translate, locale: "zh" | "en", events: readonly UpdateEventRow[]): Rows {
  return {
    header: [withUnit(t, t("confidence.at"), t("export.beijingTime")), t("reviews.period"), t("centreDashboard.action"), t("confidence.by"), t("centreDashboard.reason")],
    rows: events.map((e) => [chinaDateTime(e.at), periodLabel(e.period, locale), t(`audit.actions.${e.action}`), e.actorName, e.reason]),
  };
}
