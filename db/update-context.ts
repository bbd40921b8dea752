import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "./client";
import { centres, evidenceFiles, milestones, updates } from "./schema";
import { approvedMilestoneProgress, lastApprovedBefore } from "./updates";
import { plannedShareAt } from "@/lib/domain/investment";
import type { Period } from "@/lib/domain/periods";
import { CUMULATIVE_FIELDS, type UpdateContext } from "@/lib/validation/update";

/** Everything the update rules compare a submission with, read from the database for one centre and period. */
export function loadUpdateContext(db: Db, centreId: string, period: Period, today: string, deviationThresholdPp: number): UpdateContext | undefined {
  const centre = db.select().from(centres).where(eq(centres.id, centreId)).get();
  if (!centre) return undefined;
  const approved = approvedMilestoneProgress(db, centreId);
  const centreMilestones = db.select({ id: milestones.id, evidenceRequired: milestones.evidenceRequired }).from(milestones).where(eq(milestones.centreId, centreId)).all();
  const previous = lastApprovedBefore(db, centreId, period.end);
  const withEvidence = db
    .select({ milestoneId: evidenceFiles.milestoneId })
    .from(evidenceFiles)
    .innerJoin(updates, eq(updates.id, evidenceFiles.updateId))
    .where(and(eq(updates.centreId, centreId), isNull(evidenceFiles.deletedAt)))
    .all()
    .filter((e) => e.milestoneId !== null);
  return {
    today,
    milestones: new Map(centreMilestones.map((m) => [m.id, { evidenceRequired: m.evidenceRequired, approvedProgress: approved.get(m.id)?.progress ?? 0 }])),
    milestonesWithEvidence: new Set(withEvidence.map((e) => e.milestoneId!)),
    lastApproved: previous ? Object.fromEntries(CUMULATIVE_FIELDS.map((f) => [f, previous[f]])) : null,
    budgetYuan: centre.plannedBudgetYuan,
    plannedShare: plannedShareAt(centre.startDate, centre.plannedCompletionDate, period.end),
    deviationThresholdPp,
  };
}
