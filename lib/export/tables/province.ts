import { cityName } from "@/lib/domain/cities";
import type { CentreResult, TargetResult } from "@/lib/domain/engine";
import type { Forecast } from "@/lib/domain/forecast";
import type { LookAlikeGroup } from "@/lib/domain/look-alike";
import { periodLabel } from "@/lib/domain/periods";
import type { RiskFlag } from "@/lib/domain/risk/types";
import { withUnit, type ExportCell, type Translate } from "../table";

type Rows = { header: string[]; rows: ExportCell[][] };

export interface TargetExportRow {
  title: string;
  unit: string;
  kind: string;
  measure: string | null;
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  deadline: string;
  sourceStatus: string;
  sourceDocument: string;
  result: TargetResult;
}

/** The forecast sentence the target table shows; none for a target no report can measure. */
export function forecastText(t: Translate, result: Pick<TargetResult, "forecast" | "unmeasuredReason">, deadline: string): string | null {
  if (result.unmeasuredReason === "no_measure" || result.unmeasuredReason === "unit_mismatch") return null;
  const f: Forecast = result.forecast;
  if (f.kind === "on_track") return t("progress.forecast.on_track", { date: f.forecastDate, deadline });
  if (f.kind === "late") return t("progress.forecast.late", { date: f.forecastDate, days: f.daysLate, deadline });
  return t(`progress.forecast.${f.kind}`);
}

const joinList = (locale: "zh" | "en", items: readonly string[]) => items.join(locale === "zh" ? "、" : ", ");

/** The province's targets: plan, actual, planned to date, schedule index, standing, forecast and flags; each value in the target's own unit (its column). */
export function targetRows(t: Translate, locale: "zh" | "en", targets: readonly TargetExportRow[]): Rows {
  return {
    header: [
      t("targets.title"),
      t("export.columns.kind"),
      t("export.columns.measure"),
      t("export.columns.unit"),
      t("export.columns.baseline"),
      t("export.columns.baselineDate"),
      t("progress.plan"),
      t("export.columns.deadline"),
      t("progress.actual"),
      withUnit(t, t("export.columns.progress"), "%"),
      t("progress.plannedToDate"),
      withUnit(t, t("export.columns.plannedProgress"), "%"),
      t("progress.scheduleIndex"),
      t("export.columns.standing"),
      t("progress.forecastHeading"),
      t("export.columns.flags"),
      t("export.columns.sourceStatus"),
      t("export.columns.sourceDocument"),
    ],
    rows: targets.map((target) => {
      const r = target.result;
      return [
        target.title,
        t(`targetKinds.${target.kind}`),
        target.measure ? t(`targetMeasures.${target.measure}`) : t("targets.noMeasure"),
        target.unit,
        target.baselineValue,
        target.baselineDate,
        target.targetValue,
        target.deadline,
        r.actual,
        r.progressPct,
        // Interpolated, so it carries float noise; two decimals are more than any target's unit needs.
        r.plannedValue === null ? null : Math.round(r.plannedValue * 100) / 100,
        r.plannedPct,
        r.scheduleIndex,
        t(`targetStandings.${r.standing}`),
        forecastText(t, r, target.deadline),
        r.flags.length === 0 ? null : r.flags.map((f) => f.explanation[locale]).join("\n"),
        t(`sourceStatuses.${target.sourceStatus}`),
        target.sourceDocument,
      ];
    }),
  };
}

export interface CentreExportRow {
  id: string;
  name: string;
  leadInstitution: string;
  cityCode: string;
  focusTags: readonly string[];
  plannedBudgetYuan: number;
  result: CentreResult;
  /** The centre's open red and amber flags, as the page's flag column counts them. */
  openFlags: readonly RiskFlag[];
}

/** The province's centres as the page lists them (after its filter). */
export function centreRows(t: Translate, locale: "zh" | "en", centres: readonly CentreExportRow[]): Rows {
  return {
    header: [
      t("centres.name"),
      t("centres.leadInstitution"),
      t("centres.city"),
      t("centres.focusTags"),
      withUnit(t, t("centres.plannedBudget"), t("export.yuan")),
      t("centres.status"),
      withUnit(t, t("progress.completion"), "%"),
      withUnit(t, t("centreDashboard.planned"), "%"),
      t("progress.scheduleIndex"),
      t("province.latestUpdate"),
      t("risk.computedLevel"),
      t("export.columns.openFlags"),
    ],
    rows: centres.map((c) => {
      const r = c.result;
      return [
        c.name,
        c.leadInstitution,
        cityName(c.cityCode) ?? c.cityCode,
        joinList(locale, c.focusTags.map((tag) => t(`focusTags.${tag}`))),
        c.plannedBudgetYuan,
        t(`centreStatuses.${r.status}`),
        r.completionPct,
        r.plannedCompletionPct,
        r.scheduleIndex,
        r.latestReport ? periodLabel(r.latestReport.period, locale) : null,
        t(`risk.level.${r.computedLevel}`),
        c.openFlags.length === 0 ? null : joinList(locale, [...new Set(c.openFlags.map((f) => t(`risk.codes.${f.code}`)))]),
      ];
    }),
  };
}

/** Look-alike groups, one row per centre, numbered by group, with the group's duplicate findings. */
export function lookAlikeRows(
  t: Translate,
  locale: "zh" | "en",
  groups: readonly LookAlikeGroup[],
  centres: ReadonlyMap<string, { name: string; cityCode: string; leadInstitution: string; focusTags: readonly string[] }>,
): Rows {
  return {
    header: [t("export.columns.group"), t("risk.columns.severity"), t("centres.name"), t("centres.city"), t("centres.leadInstitution"), t("centres.focusTags"), t("risk.columns.explanation")],
    rows: groups.flatMap((group, g) =>
      group.centreIds.map((id) => {
        const c = centres.get(id);
        return [
          g + 1,
          t(`risk.severity.${group.flags[0]!.severity}`),
          c?.name ?? id,
          c ? (cityName(c.cityCode) ?? c.cityCode) : null,
          c?.leadInstitution ?? null,
          c ? joinList(locale, c.focusTags.map((tag) => t(`focusTags.${tag}`))) : null,
          group.flags.map((f) => f.explanation[locale]).join("\n"),
        ];
      }),
    ),
  };
}
