import { asc, eq } from "drizzle-orm";
import type { Db } from "./client";
import { centreFocusTags, centres, centreTargets, milestones, planTargets, provinces, reportingCalendars, updateMilestones, updates } from "./schema";
import { isEnterpriseLead } from "@/lib/domain/credit-code";
import { DEFAULT_CALENDAR } from "@/lib/domain/periods";
import type { ApprovedReport, EngineCentre, EngineInput, EngineTarget } from "@/lib/domain/engine";
import type { FocusTag } from "@/lib/domain/vocabulary";

const sumOrNull = (...values: (number | null)[]) => (values.every((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0));

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
  for (const row of db.select().from(centreFocusTags).orderBy(asc(centreFocusTags.centreId), asc(centreFocusTags.position)).all()) {
    const list = tagsOf.get(row.centreId);
    if (list) list.push(row.tag);
    else tagsOf.set(row.centreId, [row.tag]);
  }

  const milestonesOf = new Map<string, EngineCentre["milestones"][number][]>();
  const milestoneRows = db
    .select({ id: milestones.id, centreId: milestones.centreId, title: milestones.title, weight: milestones.weight, plannedDate: milestones.plannedDate, progress: milestones.progress })
    .from(milestones)
    .all();
  // Progress as last approved: the newest approved update reporting a milestone overrides the figure
  // recorded when it was registered (the same rule as approvedMilestoneProgress, for every centre at once).
  const approvedProgress = new Map<string, number>();
  const approvedRows = db
    .select({ milestoneId: updateMilestones.milestoneId, progress: updateMilestones.progress })
    .from(updateMilestones)
    .innerJoin(updates, eq(updates.id, updateMilestones.updateId))
    .where(eq(updates.status, "approved"))
    .orderBy(asc(updates.periodEnd))
    .all();
  for (const row of approvedRows) approvedProgress.set(row.milestoneId, row.progress);
  for (const { centreId, ...m } of milestoneRows) {
    const milestone = { ...m, progress: approvedProgress.get(m.id) ?? m.progress };
    const list = milestonesOf.get(centreId);
    if (list) list.push(milestone);
    else milestonesOf.set(centreId, [milestone]);
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
    .all();
  for (const { centreId, convertedSelf, convertedTransfer, convertedLicense, convertedJoint, convertedEquity, ...r } of updateRows) {
    const report = { ...r, resultsConverted: sumOrNull(convertedSelf, convertedTransfer, convertedLicense, convertedJoint, convertedEquity) };
    const list = reportsOf.get(centreId);
    if (list) list.push(report);
    else reportsOf.set(centreId, [report]);
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
    .all();
  const engineCentres: EngineCentre[] = centreRows.map((c) => ({
    ...c,
    focusTags: tagsOf.get(c.id) ?? [],
    enterpriseLed: isEnterpriseLead(c.leadInstitution, c.leadCreditCode),
    milestones: milestonesOf.get(c.id) ?? [],
    reports: reportsOf.get(c.id) ?? [],
  }));

  const centresOfTarget = new Map<string, string[]>();
  for (const link of db.select().from(centreTargets).all()) {
    const list = centresOfTarget.get(link.targetId);
    if (list) list.push(link.centreId);
    else centresOfTarget.set(link.targetId, [link.centreId]);
  }
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
