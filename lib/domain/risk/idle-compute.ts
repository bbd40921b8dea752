import type { CentreStatus, FocusTag } from "../vocabulary";
import { cityLabel, percentFigure, pctLimit } from "./explain";
import type { RiskThresholds } from "./thresholds";
import { groupBy, isBelow, makeFlag, severityRank, type RiskFlag } from "./types";

/** Compute use at the end of one approved period; percentages on the 0–100 scale. */
export interface ComputeReading {
  period: string;
  utilizationPercent: number | null;
  rackOccupancyPercent?: number | null;
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

/** Red below the red bounds, amber below the amber bounds, null when busy, undefined when nothing was reported. */
function idleLevel(reading: ComputeReading, t: RiskThresholds["duplicate"]): "red" | "amber" | null | undefined {
  const u = reading.utilizationPercent;
  const o = reading.rackOccupancyPercent ?? null;
  if (u === null && o === null) return undefined;
  const under = (uLimit: number, oLimit: number) => (u !== null && isBelow(u, uLimit)) || (o !== null && isBelow(o, oLimit));
  if (under(t.idleUtilizationRedBelowPercent, t.idleOccupancyRedBelowPercent)) return "red";
  if (under(t.idleUtilizationAmberBelowPercent, t.idleOccupancyAmberBelowPercent)) return "amber";
  return null;
}

function describe(reading: ComputeReading, locale: "zh" | "en"): string {
  const parts: string[] = [];
  const occupancy = reading.rackOccupancyPercent ?? null;
  if (reading.utilizationPercent !== null) parts.push(`${locale === "zh" ? "利用率" : "utilization"} ${percentFigure(reading.utilizationPercent)}`);
  if (occupancy !== null) parts.push(`${locale === "zh" ? "机架上架率" : "rack occupancy"} ${percentFigure(occupancy)}`);
  return `${reading.period} ${parts.join(locale === "zh" ? "、" : ", ")}`;
}

const list = (values: readonly (number | null | undefined)[]) => values.map((v) => (v === null || v === undefined ? "—" : String(v))).join(",");

/**
 * Idle but expanding: a compute centre (focus includes compute_infrastructure) idle in each of its
 * last `idlePeriods` approved periods while another compute project in the same city is planned or
 * under construction. Red when every period is below the red bounds (utilization < 30% or rack
 * occupancy < 50%), amber when every period is at least below the amber bounds (50% / 65%).
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
      const [uLimit, oLimit] =
        severity === "red"
          ? [t.idleUtilizationRedBelowPercent, t.idleOccupancyRedBelowPercent]
          : [t.idleUtilizationAmberBelowPercent, t.idleOccupancyAmberBelowPercent];
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
          occupancyPercents: list(readings.map((reading) => reading.rackOccupancyPercent)),
          utilizationBelowPercent: uLimit,
          occupancyBelowPercent: oLimit,
        };
        const status = STATUS_LABEL[other.status];
        const explanation = {
          zh: `智算中心最近 ${readings.length} 个已审核期（${readings.map((r) => describe(r, "zh")).join("；")}）均低于利用率 ${uLimit}% 或机架上架率 ${oLimit}% 的阈值，而同城${cityLabel(cityCode, "zh")}另一智算项目${status.zh}。`,
          en: `The compute centre's last ${readings.length} approved periods (${readings.map((r) => describe(r, "en")).join("; ")}) were all below ${pctLimit(uLimit / 100)} utilization or ${pctLimit(oLimit / 100)} rack occupancy, while another compute project in the same city, ${cityLabel(cityCode, "en")}, is ${status.en}.`,
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
