import "server-only";
import { and, asc, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import type { DbOrTx } from "./transaction";
import type { Db } from "./client";
import { centres, evidenceFiles, milestones, updateMilestones, updates } from "./schema";
import { plannedShareAt } from "@/lib/domain/investment";
import type { Period } from "@/lib/domain/periods";
import { CUMULATIVE_FIELDS, type UpdateContext } from "@/lib/validation/update";

// What the update rules compare a submission with. One centre for the reporting form; many at once for a
// spreadsheet import (a handful of queries for the whole file instead of several per row). Both read the
// same facts and assemble them with the same function, so they cannot disagree.

type Progress = { progress: number; actualCompletionDate: string | null };

interface ContextFacts {
  centre: { plannedBudgetYuan: number; startDate: string; plannedCompletionDate: string };
  milestones: { id: string; evidenceRequired: boolean; progress: number; actualCompletionDate: string | null }[];
  /** Approved milestone progress, oldest period first (the newest approval wins). */
  approvedProgress: ({ milestoneId: string } & Progress)[];
  previous: Record<string, unknown> | undefined;
  evidenceMilestoneIds: (string | null)[];
}

export interface LoadedContext {
  context: UpdateContext;
  /** Each milestone's progress as last approved, else as registered: where the reporting form starts. */
  approved: Map<string, Progress>;
}

function assemble(facts: ContextFacts, period: Period, today: string, deviationThresholdPp: number): LoadedContext {
  const approved = new Map<string, Progress>(facts.milestones.map((m) => [m.id, { progress: m.progress, actualCompletionDate: m.actualCompletionDate }]));
  for (const row of facts.approvedProgress) approved.set(row.milestoneId, { progress: row.progress, actualCompletionDate: row.actualCompletionDate });
  const previous = facts.previous;
  return {
    approved,
    context: {
      today,
      milestones: new Map(facts.milestones.map((m) => [m.id, { evidenceRequired: m.evidenceRequired, approvedProgress: approved.get(m.id)?.progress ?? 0 }])),
      milestonesWithEvidence: new Set(facts.evidenceMilestoneIds.filter((id): id is string => id !== null)),
      lastApproved: previous ? Object.fromEntries(CUMULATIVE_FIELDS.map((f) => [f, previous[f] as number | null])) : null,
      budgetYuan: facts.centre.plannedBudgetYuan,
      plannedShare: plannedShareAt(facts.centre.startDate, facts.centre.plannedCompletionDate, period.end),
      deviationThresholdPp,
    },
  };
}

const milestoneColumns = { centreId: milestones.centreId, id: milestones.id, evidenceRequired: milestones.evidenceRequired, progress: milestones.progress, actualCompletionDate: milestones.actualCompletionDate };
const approvedColumns = {
  centreId: updates.centreId,
  milestoneId: updateMilestones.milestoneId,
  progress: updateMilestones.progress,
  actualCompletionDate: updateMilestones.actualCompletionDate,
};

/** Everything the update rules compare a submission with, for one centre and period. */
export function loadUpdateContext(db: Db, centreId: string, period: Period, today: string, deviationThresholdPp: number): UpdateContext | undefined {
  return loadUpdateContexts(db, [centreId], period, today, deviationThresholdPp).get(centreId)?.context;
}

/** The same for many centres of one period, by centre id (centres that do not exist are absent). */
export function loadUpdateContexts(db: DbOrTx, centreIds: readonly string[], period: Period, today: string, deviationThresholdPp: number): Map<string, LoadedContext> {
  const result = new Map<string, LoadedContext>();
  // SQLite allows 32,766 bound parameters; chunks keep each IN list far below that.
  for (let i = 0; i < centreIds.length; i += 2000) {
    const ids = centreIds.slice(i, i + 2000);
    const group = <T extends { centreId: string }>(rows: T[]) => {
      const byCentre = new Map<string, T[]>();
      for (const row of rows) byCentre.set(row.centreId, [...(byCentre.get(row.centreId) ?? []), row]);
      return byCentre;
    };
    const centreRows = db.select({ id: centres.id, plannedBudgetYuan: centres.plannedBudgetYuan, startDate: centres.startDate, plannedCompletionDate: centres.plannedCompletionDate }).from(centres).where(inArray(centres.id, ids)).all();
    const milestoneRows = group(db.select(milestoneColumns).from(milestones).where(inArray(milestones.centreId, ids)).all());
    const approvedRows = group(
      db.select(approvedColumns).from(updateMilestones).innerJoin(updates, eq(updates.id, updateMilestones.updateId)).where(and(inArray(updates.centreId, ids), eq(updates.status, "approved"))).orderBy(asc(updates.periodEnd)).all(),
    );
    // Newest first, so the first row of each centre is its latest approval before this period.
    const previousRows = db.select().from(updates).where(and(inArray(updates.centreId, ids), eq(updates.status, "approved"), lt(updates.periodEnd, period.end))).orderBy(desc(updates.periodEnd)).all();
    const previous = new Map<string, (typeof previousRows)[number]>();
    for (const row of previousRows) if (!previous.has(row.centreId)) previous.set(row.centreId, row);
    const evidenceRows = group(
      db.select({ centreId: updates.centreId, milestoneId: evidenceFiles.milestoneId }).from(evidenceFiles).innerJoin(updates, eq(updates.id, evidenceFiles.updateId)).where(and(inArray(updates.centreId, ids), isNull(evidenceFiles.deletedAt))).all(),
    );
    for (const centre of centreRows) {
      const facts: ContextFacts = {
        centre,
        milestones: milestoneRows.get(centre.id) ?? [],
        approvedProgress: approvedRows.get(centre.id) ?? [],
        previous: previous.get(centre.id),
        evidenceMilestoneIds: (evidenceRows.get(centre.id) ?? []).map((e) => e.milestoneId),
      };
      result.set(centre.id, assemble(facts, period, today, deviationThresholdPp));
    }
  }
  return result;
}
