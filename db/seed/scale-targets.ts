import "server-only";
// Plan targets of the synthetic data set (db/seed/scale.ts): a few per province, each with a measure
// whose unit fits it, sized from the linked centres' own plans so some are on track and some behind.
import type { planTargets } from "../schema";
import { plannedShareAt } from "@/lib/domain/investment";
import { daysBetween } from "@/lib/domain/periods";
import type { TargetMeasure } from "@/lib/domain/target-measures";
import type { TargetKind } from "@/lib/domain/vocabulary";
import type { ScaleCentre } from "./scale-plan";

const BASELINE_DATE = "2025-01-01";
const DEADLINE = "2027-12-31";

interface TargetPlan {
  metric: string;
  measure: TargetMeasure;
  kind: TargetKind;
  unit: string;
  linked: ScaleCentre[];
  baselineValue?: number;
  targetValue: number;
}

function targetsOfProvince(group: ScaleCentre[], next: () => number): TargetPlan[] {
  const factor = (from: number, width: number) => from + width * next();
  const compute = group.filter((c) => c.computeCapacity !== null);
  const quartersToDeadline = (c: ScaleCentre) => Math.max(0, daysBetween(c.startDate, DEADLINE) / 91);
  const plans: TargetPlan[] = [
    {
      metric: "人工智能创新中心运营数量",
      measure: "centres_operational",
      kind: "count",
      unit: "个",
      linked: group,
      targetValue: Math.max(1, Math.round(group.filter((c) => c.plannedCompletionDate <= DEADLINE).length * factor(0.8, 0.4))),
    },
    {
      metric: "人工智能创新中心投资完成额",
      measure: "investment_executed",
      kind: "sum",
      unit: "亿元",
      linked: group,
      targetValue: Math.max(0.1, Math.round((group.reduce((s, c) => s + c.plannedBudgetYuan * plannedShareAt(c.startDate, c.plannedCompletionDate, DEADLINE), 0) * factor(0.5, 0.4)) / 1e7) / 10),
    },
    {
      metric: "发明专利授权量",
      measure: "patents_granted",
      kind: "sum",
      unit: "件",
      linked: group,
      targetValue: Math.max(1, Math.round(group.filter((c) => c.reports).reduce((s, c) => s + quartersToDeadline(c) * c.rates.patents * 0.35, 0) * factor(0.8, 0.5))),
    },
  ];
  if (compute.length > 0) {
    plans.push(
      { metric: "智能算力规模", measure: "compute_pflops", kind: "sum", unit: "PFLOPS", linked: compute, targetValue: Math.round(compute.reduce((s, c) => s + c.computeCapacity!, 0) * factor(0.8, 0.5)) },
      { metric: "智算中心算力利用率", measure: "compute_utilization", kind: "rate", unit: "%", linked: compute, baselineValue: 40, targetValue: 65 },
    );
  }
  return plans;
}

/** Targets per province (in code order) and, for each centre, the targets it is linked to. */
export function planScaleTargets(centres: readonly ScaleCentre[], idOf: (index: number) => string, now: string, next: () => number) {
  const byProvince = new Map<string, ScaleCentre[]>();
  for (const centre of centres) {
    const group = byProvince.get(centre.provinceCode);
    if (group) group.push(centre);
    else byProvince.set(centre.provinceCode, [centre]);
  }
  const rows: (typeof planTargets.$inferInsert)[] = [];
  const linksOf = new Map<string, string[]>();
  for (const [provinceCode, group] of [...byProvince].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const plan of targetsOfProvince(group, next)) {
      const id = idOf(rows.length);
      rows.push({
        id,
        provinceCode,
        title: `${group[0]!.provinceShortZh}${plan.metric}目标（合成数据）`,
        kind: plan.kind,
        metric: plan.metric,
        unit: plan.unit,
        targetValue: plan.targetValue,
        baselineValue: plan.baselineValue ?? 0,
        baselineDate: BASELINE_DATE,
        deadline: DEADLINE,
        measure: plan.measure,
        plannedValues: [],
        sourceDocument: "合成基准数据（非真实文件）",
        sourceUrl: null,
        sourceStatus: "illustrative",
        isDemo: true,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      for (const centre of plan.linked) {
        const list = linksOf.get(centre.id);
        if (list) list.push(id);
        else linksOf.set(centre.id, [id]);
      }
    }
  }
  return { rows, linksOf };
}
