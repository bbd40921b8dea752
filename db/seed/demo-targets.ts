import "server-only";
import type { TargetInput } from "@/lib/validation/target";
import type { SourceStatus, TargetKind } from "@/lib/domain/vocabulary";
import type { TargetMeasure } from "@/lib/domain/target-measures";

export interface TargetCsvRow {
  province_code: string;
  province: string;
  document: string;
  metric: string;
  target_value: string;
  unit: string;
  target_year: string;
  status: string;
  source_url: string;
}

/** Percentages are rates; counts of built things (个) are counts; every other reported quantity is a sum. */
export function targetKindForUnit(unit: string): TargetKind {
  if (unit === "%") return "rate";
  if (unit === "个") return "count";
  return "sum";
}

/**
 * Which centre-reported figure measures a demo target. Only metrics a centre's report really shows
 * are mapped; province-wide figures (industry size, firm counts, penetration rates) stay unmeasured.
 */
const DEMO_MEASURES: Record<string, TargetMeasure> = {
  人工智能创新中心数量: "centres_operational",
  产业创新公共服务平台: "centres_operational",
  算力规模: "compute_pflops",
  智能算力规模: "compute_pflops",
  算力总规模: "compute_pflops",
  智算服务规模: "compute_pflops",
  投资: "investment_executed",
};

/** Figures that only a machine-written article gives are kept, but labelled illustrative. */
export function sourceStatusFromCsv(status: string): SourceStatus {
  if (status === "sourced" || status === "secondary") return status;
  return "illustrative";
}

/**
 * The published documents give a target and a year, not a baseline: the demo assumes a baseline
 * of 0 at the start of the plan (three years before a 2025–2027 target, five before a 2030 one).
 */
export function demoTargetFromCsv(row: TargetCsvRow): TargetInput {
  const year = Number(row.target_year);
  const planYears = year >= 2030 ? 5 : 3;
  return {
    provinceCode: row.province_code,
    title: `到${year}年${row.metric}达到${row.target_value}${row.unit}`,
    kind: targetKindForUnit(row.unit),
    metric: row.metric,
    unit: row.unit,
    targetValue: Number(row.target_value),
    baselineValue: 0,
    baselineDate: `${year - planYears}-12-31`,
    deadline: `${year}-12-31`,
    sourceDocument: row.document,
    sourceUrl: row.source_url || null,
    sourceStatus: sourceStatusFromCsv(row.status),
    measure: DEMO_MEASURES[row.metric] ?? null,
    plannedValues: [],
  };
}
