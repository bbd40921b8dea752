import type { CentreStatus, FocusTag } from "../vocabulary";
import { cityLabel, percentFigure, thresholdFigure } from "./explain";
import type { RiskThresholds } from "./thresholds";
import { groupBy, isBelow, makeFlag, severityRank, type RiskFlag } from "./types";

/**
 * Compute use at the end of one approved period, on the 0–100 scale. Only utilization: no form
 * reports rack occupancy, so the occupancy bounds of the domain notes were removed rather than
 * kept editable while acting on nothing.
 */
export interface ComputeReading {
  period: string;
  utilizationPercent: number | null;
}

export interface ComputeCentreInput {
  id: string;
  cityCode: string;
  status: CentreStatus;
  focusTags: readonly FocusTag[];
  /** The latest approved periods, newest first. */
  recentCompute?: readonly ComputeReading[];
}

const EXPANDING: readonly CentreStatus[] = ["planned", "under_construction"];
const STATUS_LABEL: Record<CentreStatus, { zh: string; en: string }> = {
  planned: { zh: "规划中", en: "planned" },
  under_construction: { zh: "在建", en: "under construction" },
  operational: { zh: "运营中", en: "operational" },
  suspended: { zh: "暂停", en: "suspended" },
};

/** Red below the red bound, amber below the amber bound, null when busy, undefined when nothing was reported. */
function idleLevel(reading: ComputeReading, t: RiskThresholds["duplicate"]): "red" | "amber" | null | undefined {
  const u = reading.utilizationPercent;
  if (u === null) return undefined;
  if (isBelow(u, t.idleUtilizationRedBelowPercent)) return "red";
  if (isBelow(u, t.idleUtilizationAmberBelowPercent)) return "amber";
  return null;
}

// Called only for readings idleLevel judged, which all carry a utilization figure.
const describe = (reading: ComputeReading, locale: "zh" | "en"): string =>
  `${reading.period} ${locale === "zh" ? "利用率" : "utilization"} ${percentFigure(reading.utilizationPercent!)}`;

const list = (values: readonly (number | null | undefined)[]) => values.map((v) => (v === null || v === undefined ? "—" : String(v))).join(",");

/**
 * Idle but expanding: a compute centre (focus includes compute_infrastructure) idle in each of its
 * last `idlePeriods` approved periods while another compute project in the same city is planned or
 * under construction. Red when every period's utilization is below the red bound (30%), amber when
 * every period is at least below the amber bound (50%).
 * One flag per (idle centre, expanding project) pair. O(N) to group, then idle × expanding per city.
 */
export function checkIdleButExpanding(centres: readonly ComputeCentreInput[], thresholds: RiskThresholds): RiskFlag[] {
  const t = thresholds.duplicate;
  const compute = centres.filter((centre) => centre.focusTags.includes("compute_infrastructure"));
  const flags = new Map<string, RiskFlag>();
  for (const [cityCode, group] of groupBy(compute, (centre) => centre.cityCode)) {
    const expanding = group.filter((centre) => EXPANDING.includes(centre.status));
    if (expanding.length === 0) continue;
    for (const idle of group) {
      const readings = (idle.recentCompute ?? []).slice(0, t.idlePeriods);
      if (readings.length < t.idlePeriods || readings.length === 0) continue;
      const levels = readings.map((reading) => idleLevel(reading, t));
      if (levels.some((level) => level === null || level === undefined)) continue;
      const severity = levels.every((level) => level === "red") ? "red" : "amber";
      const uLimit = severity === "red" ? t.idleUtilizationRedBelowPercent : t.idleUtilizationAmberBelowPercent;
      for (const other of expanding) {
        if (other.id === idle.id) continue;
        const values = {
          rule: "idle_expanding",
          cityCode,
          idleCentreId: idle.id,
          expandingCentreId: other.id,
          expandingStatus: other.status,
          periods: readings.map((reading) => reading.period).join(","),
          utilizationPercents: list(readings.map((reading) => reading.utilizationPercent)),
          utilizationBelowPercent: uLimit,
        };
        const status = STATUS_LABEL[other.status];
        const explanation = {
          zh: `智算中心最近 ${readings.length} 个已审核期（${readings.map((r) => describe(r, "zh")).join("；")}）均低于利用率 ${thresholdFigure("percent", uLimit, "zh")} 的阈值，而同城${cityLabel(cityCode, "zh")}另一智算项目${status.zh}。`,
          en: `The compute centre's last ${readings.length} approved periods (${readings.map((r) => describe(r, "en")).join("; ")}) were all below ${thresholdFigure("percent", uLimit, "en")} utilization, while another compute project in the same city, ${cityLabel(cityCode, "en")}, is ${status.en}.`,
        };
        const flag = makeFlag("duplicate_construction", severity, { kind: "centre_pair", ids: [idle.id, other.id] }, values, explanation, "idle_expanding");
        // Two projects both idle and both expanding would meet twice: keep the worse finding.
        const existing = flags.get(flag.key);
        if (!existing || severityRank(flag.severity) < severityRank(existing.severity)) flags.set(flag.key, flag);
      }
    }
  }
  return [...flags.values()];
}
