import { asc, eq } from "drizzle-orm";
import type { Db } from "./client";
import { centreFocusTags, centres, centreTargets, milestones, planTargets, provinces, reportingCalendars, updateMilestones, updates } from "./schema";
import { isEnterpriseLead } from "@/lib/domain/credit-code";
import { DEFAULT_CALENDAR } from "@/lib/domain/periods";
import type { ApprovedReport, EngineCentre, EngineInput, EngineTarget } from "@/lib/domain/engine";
import type { FocusTag } from "@/lib/domain/vocabulary";

/** The five conversion modes added together, in this order; null when none was reported. */
function convertedSum(a: number | null, b: number | null, c: number | null, d: number | null, e: number | null): number | null {
  if (a === null && b === null && c === null && d === null && e === null) return null;
  return 0 + (a ?? 0) + (b ?? 0) + (c ?? 0) + (d ?? 0) + (e ?? 0);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// The large tables are read with `.values()`: rows as arrays, in the selected columns' order, built
// into the engine's objects directly. Drizzle's row mapping cost more than SQLite's reading; these
// columns need no decoding (text and numbers).
type TagRow = [centreId: string, tag: FocusTag, position: number];
type MilestoneRow = [id: string, centreId: string, title: string, weight: number, plannedDate: string, progress: number];
type UpdateRow = [centreId: string, period: string, periodEnd: string, investmentExecutedYuan: number | null, computePflops: number | null, utilizationPercent: number | null, patentsGranted: number | null, resultsProduced: number | null, convertedSelf: number | null, convertedTransfer: number | null, convertedLicense: number | null, convertedJoint: number | null, convertedEquity: number | null, techContractValueYuan: number | null, firmsIncubated: number | null, talentIntroduced: number | null];
type CentreRow = [id: string, provinceCode: string, cityCode: string, status: EngineCentre["status"], leadInstitution: string, leadCreditCode: string | null, plannedBudgetYuan: number, startDate: string, plannedCompletionDate: string];

/**
 * Everything the engine reads, nationwide: the duplicate and scattered rules compare centres across
 * a city or province, so one province's figures cannot be computed from its own rows alone. Only
 * approved updates are read, milestone progress included.
 */
export function loadEngineInput(db: Db, reportingStart: string): EngineInput {
  const calendarRows = db
    .select({ code: provinces.code, cadence: reportingCalendars.cadence, dueDays: reportingCalendars.dueDays, graceDays: reportingCalendars.graceDays })
    .from(provinces)
    .leftJoin(reportingCalendars, eq(reportingCalendars.provinceCode, provinces.code))
    .all();

  const tagsOf = new Map<string, FocusTag[]>();
  const tagRows = db.select().from(centreFocusTags).orderBy(asc(centreFocusTags.centreId), asc(centreFocusTags.position)).values() as TagRow[];
  for (const [centreId, tag] of tagRows) push(tagsOf, centreId, tag);

  const milestonesOf = new Map<string, EngineCentre["milestones"][number][]>();
  const milestoneRows = db
    .select({ id: milestones.id, centreId: milestones.centreId, title: milestones.title, weight: milestones.weight, plannedDate: milestones.plannedDate, progress: milestones.progress })
    .from(milestones)
    .values() as MilestoneRow[];
  // Progress as last approved: the newest approved update reporting a milestone overrides the figure
  // recorded when it was registered (the same rule as approvedMilestoneProgress, for every centre at once).
  const approvedProgress = new Map<string, number>();
  const approvedRows = db
    .select({ milestoneId: updateMilestones.milestoneId, progress: updateMilestones.progress })
    .from(updateMilestones)
    .innerJoin(updates, eq(updates.id, updateMilestones.updateId))
    .where(eq(updates.status, "approved"))
    .orderBy(asc(updates.periodEnd))
    .values() as [milestoneId: string, progress: number][];
  for (const [milestoneId, progress] of approvedRows) approvedProgress.set(milestoneId, progress);
  for (const [id, centreId, title, weight, plannedDate, progress] of milestoneRows) {
    push(milestonesOf, centreId, { id, title, weight, plannedDate, progress: approvedProgress.get(id) ?? progress });
  }

  const reportsOf = new Map<string, ApprovedReport[]>();
  const updateRows = db
    .select({
      centreId: updates.centreId,
      period: updates.period,
      periodEnd: updates.periodEnd,
      investmentExecutedYuan: updates.investmentExecutedYuan,
      computePflops: updates.computePflops,
      utilizationPercent: updates.utilizationPercent,
      patentsGranted: updates.patentsGranted,
      resultsProduced: updates.resultsProduced,
      convertedSelf: updates.convertedSelf,
      convertedTransfer: updates.convertedTransfer,
      convertedLicense: updates.convertedLicense,
      convertedJoint: updates.convertedJoint,
      convertedEquity: updates.convertedEquity,
      techContractValueYuan: updates.techContractValueYuan,
      firmsIncubated: updates.firmsIncubated,
      talentIntroduced: updates.talentIntroduced,
    })
    .from(updates)
    .where(eq(updates.status, "approved"))
    .values() as UpdateRow[];
  for (const [centreId, period, periodEnd, investmentExecutedYuan, computePflops, utilizationPercent, patentsGranted, resultsProduced, cs, ct, cl, cj, ce, techContractValueYuan, firmsIncubated, talentIntroduced] of updateRows) {
    const resultsConverted = convertedSum(cs, ct, cl, cj, ce);
    push(reportsOf, centreId, { period, periodEnd, investmentExecutedYuan, computePflops, utilizationPercent, patentsGranted, resultsProduced, techContractValueYuan, firmsIncubated, talentIntroduced, resultsConverted });
  }

  const centreRows = db
    .select({
      id: centres.id,
      provinceCode: centres.provinceCode,
      cityCode: centres.cityCode,
      status: centres.status,
      leadInstitution: centres.leadInstitution,
      leadCreditCode: centres.leadCreditCode,
      plannedBudgetYuan: centres.plannedBudgetYuan,
      startDate: centres.startDate,
      plannedCompletionDate: centres.plannedCompletionDate,
    })
    .from(centres)
    .values() as CentreRow[];
  const engineCentres: EngineCentre[] = centreRows.map(([id, provinceCode, cityCode, status, leadInstitution, leadCreditCode, plannedBudgetYuan, startDate, plannedCompletionDate]) => ({
    id,
    provinceCode,
    cityCode,
    status,
    leadInstitution,
    leadCreditCode,
    plannedBudgetYuan,
    startDate,
    plannedCompletionDate,
    focusTags: tagsOf.get(id) ?? [],
    enterpriseLed: isEnterpriseLead(leadInstitution, leadCreditCode),
    milestones: milestonesOf.get(id) ?? [],
    reports: reportsOf.get(id) ?? [],
  }));

  const centresOfTarget = new Map<string, string[]>();
  for (const [centreId, targetId] of db.select().from(centreTargets).values() as [centreId: string, targetId: string][]) push(centresOfTarget, targetId, centreId);
  const targets: EngineTarget[] = db
    .select()
    .from(planTargets)
    .all()
    .map((t) => ({
      id: t.id,
      provinceCode: t.provinceCode,
      unit: t.unit,
      measure: t.measure,
      centreIds: centresOfTarget.get(t.id) ?? [],
      spec: { kind: t.kind, baselineValue: t.baselineValue, baselineDate: t.baselineDate, targetValue: t.targetValue, deadline: t.deadline, checkpoints: t.plannedValues },
    }));

  return {
    reportingStart,
    provinces: calendarRows.map((p) => ({
      code: p.code,
      calendar: p.cadence === null ? DEFAULT_CALENDAR : { cadence: p.cadence, dueDays: p.dueDays!, graceDays: p.graceDays! },
    })),
    centres: engineCentres,
    targets,
  };
}
