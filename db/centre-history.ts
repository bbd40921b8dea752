import "server-only";
import { and, asc, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "./client";
import { approvalStandsAt } from "./engine-data";
import type { ApprovedReport } from "@/lib/domain/engine";
import { APPROVED_REPORT } from "@/lib/registry/approved-report";
import { auditLog, updateApprovals, updates, users, type ApprovedMilestone, type ApprovedValues } from "./schema";

/**
 * A centre's approved figures period by period and its milestones' approved progress, as they stood
 * at `cutoff` (an ISO instant; now when left out): from the approvals' own record, so a view of the
 * past shows what was approved then, not later corrections.
 */
export function centreApprovedHistory(db: Db, centreId: string, cutoff?: string) {
  const standing = cutoff === undefined ? isNull(updateApprovals.withdrawnAt) : approvalStandsAt(cutoff);
  const rows = db
    .select({ period: updateApprovals.period, periodEnd: updateApprovals.periodEnd, values: updateApprovals.values, milestones: updateApprovals.milestones })
    .from(updateApprovals)
    .where(and(eq(updateApprovals.centreId, centreId), standing))
    .orderBy(asc(updateApprovals.periodEnd))
    .all();
  const milestoneProgress = new Map<string, { progress: number; actualCompletionDate: string | null }>();
  // Each period's figures mapped as the engine maps them (the charts read their IndicatorPeriod part).
  const periods: ApprovedReport[] = rows.map((row) => {
    for (const m of row.milestones as ApprovedMilestone[]) milestoneProgress.set(m.id, { progress: m.progress, actualCompletionDate: m.actualCompletionDate });
    const v = row.values as ApprovedValues;
    return APPROVED_REPORT.fromRecord(row.period, row.periodEnd, v);
  });
  return { periods, milestoneProgress };
}

/** Who did what to the centre's updates and when (submit, approve, return, reopen), newest first, up to `cutoff` if given. */
export function centreUpdateEvents(db: Db, centreId: string, cutoff?: string) {
  const updateRows = db.select({ id: updates.id, period: updates.period }).from(updates).where(eq(updates.centreId, centreId)).all();
  if (updateRows.length === 0) return [];
  const periodOf = new Map(updateRows.map((u) => [u.id, u.period]));
  return db
    .select({ id: auditLog.id, updateId: auditLog.entityId, action: auditLog.action, at: auditLog.at, actorName: users.name, after: auditLog.after })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.entity, "update"),
        inArray(auditLog.entityId, [...periodOf.keys()]),
        inArray(auditLog.action, ["submit", "approve", "return", "reopen"]),
        cutoff === undefined ? undefined : lt(auditLog.at, cutoff),
      ),
    )
    .orderBy(desc(auditLog.id))
    .all()
    .map(({ after, ...event }) => {
      const reason = after && typeof after === "object" && "reason" in after && typeof after.reason === "string" ? after.reason : null;
      return { ...event, period: periodOf.get(event.updateId)!, reason };
    });
}
