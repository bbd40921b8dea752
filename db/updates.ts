import "server-only";
import { and, asc, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { writeAudit, type Tx } from "./audit";
import { notify, reviewerIdsFor } from "./notifications";
import { centres, evidenceFiles, milestones, updateApprovals, updateMilestones, updates } from "./schema";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { parsePeriod } from "@/lib/domain/periods";
import type { Actor } from "@/lib/domain/permissions";
import { decide, type UpdateAction, type UpdateFacts, type UpdateReviewAction } from "@/lib/domain/update-workflow";
import { VALUE_FIELDS, type UpdateFields, type UpdateValues } from "@/lib/validation/update";
import { writeTransaction, type DbOrTx } from "./transaction";


type UpdateRow = typeof updates.$inferSelect;

function valuesOf(row: UpdateRow | UpdateFields): UpdateValues {
  return Object.fromEntries(VALUE_FIELDS.map((f) => [f, row[f]])) as UpdateValues;
}

/** Refuses with the workflow's reason: `forbidden` is logged as an authorization refusal by the caller. */
function enforce(action: UpdateAction, actor: Actor, provinceCode: string, row: UpdateRow | undefined) {
  const facts: UpdateFacts | undefined = row && {
    status: row.status,
    provinceCode,
    submittedBy: row.submittedBy,
    editorIds: row.editorIds,
  };
  const decision = decide(action, actor, provinceCode, facts);
  if (!decision.allowed) throw decision.reason === "forbidden" ? new ForbiddenError() : new DomainError(decision.reason);
  return decision.next;
}

function centreProvince(tx: Tx | Db, centreId: string): string {
  const centre = tx.select({ provinceCode: centres.provinceCode }).from(centres).where(eq(centres.id, centreId)).get();
  if (!centre) throw new NotFoundError();
  return centre.provinceCode;
}

/** Stored values as form strings, for the "changed by someone else" message. */
function currentAsForm(row: UpdateRow): Record<string, string> {
  return Object.fromEntries(VALUE_FIELDS.map((f) => [f, row[f] === null ? "" : String(row[f])]));
}

export function getUpdate(db: DbOrTx, centreId: string, period: string) {
  const row = db.select().from(updates).where(and(eq(updates.centreId, centreId), eq(updates.period, period))).get();
  if (!row) return undefined;
  const progress = db.select().from(updateMilestones).where(eq(updateMilestones.updateId, row.id)).all();
  const evidence = db
    .select({ id: evidenceFiles.id, milestoneId: evidenceFiles.milestoneId, originalName: evidenceFiles.originalName, sizeBytes: evidenceFiles.sizeBytes, mediaType: evidenceFiles.mediaType, uploadedAt: evidenceFiles.uploadedAt })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.updateId, row.id), isNull(evidenceFiles.deletedAt)))
    .orderBy(asc(evidenceFiles.uploadedAt))
    .all();
  return { ...row, milestoneProgress: progress, evidence };
}

export function getUpdateById(db: DbOrTx, id: string) {
  return db
    .select({ update: updates, provinceCode: centres.provinceCode })
    .from(updates)
    .innerJoin(centres, eq(centres.id, updates.centreId))
    .where(eq(updates.id, id))
    .get();
}

/** The latest approved update of a period ending before `periodEnd`: what the new figures are compared with. */
export function lastApprovedBefore(db: Db, centreId: string, periodEnd: string) {
  return db
    .select()
    .from(updates)
    .where(and(eq(updates.centreId, centreId), eq(updates.status, "approved"), lt(updates.periodEnd, periodEnd)))
    .orderBy(desc(updates.periodEnd))
    .limit(1)
    .get();
}

/**
 * Each milestone's progress as last approved: from the newest approved update that reports it,
 * else the progress recorded when the milestone was registered. Only approved figures count.
 */
export function approvedMilestoneProgress(db: Db, centreId: string): Map<string, { progress: number; actualCompletionDate: string | null }> {
  const result = new Map<string, { progress: number; actualCompletionDate: string | null }>();
  for (const m of db.select().from(milestones).where(eq(milestones.centreId, centreId)).all()) {
    result.set(m.id, { progress: m.progress, actualCompletionDate: m.actualCompletionDate });
  }
  const approved = db
    .select({ milestoneId: updateMilestones.milestoneId, progress: updateMilestones.progress, actualCompletionDate: updateMilestones.actualCompletionDate })
    .from(updateMilestones)
    .innerJoin(updates, eq(updates.id, updateMilestones.updateId))
    .where(and(eq(updates.centreId, centreId), eq(updates.status, "approved")))
    .orderBy(asc(updates.periodEnd))
    .all();
  // Ascending by period, so the newest approval is written last.
  for (const row of approved) result.set(row.milestoneId, { progress: row.progress, actualCompletionDate: row.actualCompletionDate });
  return result;
}

/** Updates of these centres (for the reporting overview), keyed by centre and period. */
export function updateStatusesFor(db: Db, centreIds: string[], periods: string[]) {
  if (centreIds.length === 0 || periods.length === 0) return [];
  return db
    .select({ centreId: updates.centreId, period: updates.period, status: updates.status })
    .from(updates)
    .where(and(inArray(updates.centreId, centreIds), inArray(updates.period, periods)))
    .all();
}

export interface SaveUpdateInput {
  centreId: string;
  period: string;
  version: number;
  intent: "save" | "submit";
  values: UpdateValues;
  milestones: UpdateFields["milestones"];
}

/** A checked update form's fields as what saveUpdate takes. */
export function saveInputOf(fields: UpdateFields): SaveUpdateInput {
  return { centreId: fields.centreId, period: fields.period, version: fields.version, intent: fields.intent, values: valuesOf(fields), milestones: fields.milestones };
}

/**
 * Saves the draft (creating it on first save) and, with intent "submit", sends it to review,
 * in one transaction with its audit entries and the reviewers' notifications.
 */
export function saveUpdate(db: DbOrTx, input: SaveUpdateInput, actor: Actor, now = new Date().toISOString()): { id: string; version: number } {
  const period = parsePeriod(input.period);
  if (!period) throw new DomainError("invalidPeriod");
  return writeTransaction(db, (tx) => {
    const provinceCode = centreProvince(tx, input.centreId);
    const existing = tx.select().from(updates).where(and(eq(updates.centreId, input.centreId), eq(updates.period, input.period))).get();
    const status = enforce("save", actor, provinceCode, existing);
    let id: string;
    let version: number;
    if (existing) {
      if (existing.version !== input.version) throw new ConflictError(currentAsForm(existing), existing.version);
      id = existing.id;
      version = existing.version + 1;
      const editorIds = existing.editorIds.includes(actor.id) ? existing.editorIds : [...existing.editorIds, actor.id];
      tx.update(updates)
        .set({ ...input.values, editorIds, version })
        .where(and(eq(updates.id, id), eq(updates.version, input.version)))
        .run();
      writeAudit(tx, { actor: { userId: actor.id }, entity: "update", entityId: id, action: "update", before: valuesOf(existing), after: input.values, at: now });
    } else {
      // Someone else started this period's update after the form was opened.
      if (input.version !== 0) throw new ConflictError();
      id = randomUUID();
      version = 1;
      tx.insert(updates)
        .values({ id, centreId: input.centreId, period: input.period, periodEnd: period.end, status, ...input.values, editorIds: [actor.id], createdBy: actor.id, version })
        .run();
      writeAudit(tx, { actor: { userId: actor.id }, entity: "update", entityId: id, action: "create", after: { period: input.period, ...input.values }, at: now });
    }
    tx.delete(updateMilestones).where(eq(updateMilestones.updateId, id)).run();
    for (const m of input.milestones) {
      tx.insert(updateMilestones).values({ updateId: id, milestoneId: m.id, progress: m.progress, actualCompletionDate: m.actualCompletionDate }).run();
    }
    if (input.intent === "submit") {
      const saved = tx.select().from(updates).where(eq(updates.id, id)).get();
      const next = enforce("submit", actor, provinceCode, saved);
      tx.update(updates).set({ status: next, submittedBy: actor.id, submittedAt: now }).where(eq(updates.id, id)).run();
      writeAudit(tx, { actor: { userId: actor.id }, entity: "update", entityId: id, action: "submit", after: { status: next, period: input.period }, at: now });
      notify(tx, reviewerIdsFor(tx, provinceCode), "submitted", id, actor.id);
    }
    return { id, version };
  });
}


/**
 * Approve, return (with a reason) or reopen (with a reason) a submitted or approved update. An approval
 * keeps a copy of what it approved; a reopen withdraws it, so past "as of" views stay as they were.
 */
export function reviewUpdate(db: DbOrTx, input: { id: string; version: number; action: UpdateReviewAction; reason: string | null }, actor: Actor, now = new Date().toISOString()): void {
  writeTransaction(db, (tx) => {
    const row = tx.select().from(updates).where(eq(updates.id, input.id)).get();
    if (!row) throw new NotFoundError();
    const provinceCode = centreProvince(tx, row.centreId);
    const next = enforce(input.action, actor, provinceCode, row);
    if (row.version !== input.version) throw new ConflictError(undefined, row.version);
    if (input.action !== "approve" && !input.reason) throw new DomainError("reasonRequired", "reason");
    const stamp =
      input.action === "approve"
        ? { approvedBy: actor.id, approvedAt: now }
        : { returnedBy: actor.id, returnedAt: now, returnReason: input.reason, approvedBy: null, approvedAt: null };
    tx.update(updates)
      .set({ status: next, ...stamp, version: row.version + 1 })
      .where(and(eq(updates.id, row.id), eq(updates.version, input.version)))
      .run();
    writeAudit(tx, {
      actor: { userId: actor.id },
      entity: "update",
      entityId: row.id,
      action: input.action,
      before: { status: row.status },
      after: { status: next, reason: input.reason },
      at: now,
    });
    if (input.action === "approve") {
      const approvedMilestones = tx
        .select({ id: updateMilestones.milestoneId, progress: updateMilestones.progress, actualCompletionDate: updateMilestones.actualCompletionDate })
        .from(updateMilestones)
        .where(eq(updateMilestones.updateId, row.id))
        .all();
      tx.insert(updateApprovals)
        .values({ id: randomUUID(), updateId: row.id, centreId: row.centreId, period: row.period, periodEnd: row.periodEnd, values: valuesOf(row), milestones: approvedMilestones, approvedBy: actor.id, approvedAt: now })
        .run();
    } else if (row.status === "approved") {
      tx.update(updateApprovals)
        .set({ withdrawnAt: now })
        .where(and(eq(updateApprovals.updateId, row.id), isNull(updateApprovals.withdrawnAt)))
        .run();
    }
    const kind = input.action === "approve" ? "approved" : input.action === "return" ? "returned" : "reopened";
    notify(tx, [row.submittedBy, row.createdBy], kind, row.id, actor.id, input.reason);
  });
}

/** Submitted updates in scope, oldest first: the reviewers' queue. */
export function reviewQueue(db: Db, scope: "all" | string) {
  const query = db
    .select({
      id: updates.id,
      period: updates.period,
      submittedAt: updates.submittedAt,
      centreId: centres.id,
      centreName: centres.name,
      provinceCode: centres.provinceCode,
    })
    .from(updates)
    .innerJoin(centres, eq(centres.id, updates.centreId))
    .orderBy(asc(updates.submittedAt));
  const submitted = eq(updates.status, "submitted");
  return scope === "all" ? query.where(submitted).all() : query.where(and(submitted, eq(centres.provinceCode, scope))).all();
}

/** Updates that this user started or submitted and that need their attention (returned or draft). */
export function myOpenUpdates(db: Db, userId: string) {
  return db
    .select({ id: updates.id, period: updates.period, status: updates.status, centreId: centres.id, centreName: centres.name, returnReason: updates.returnReason })
    .from(updates)
    .innerJoin(centres, eq(centres.id, updates.centreId))
    .where(and(or(eq(updates.createdBy, userId), eq(updates.submittedBy, userId)), inArray(updates.status, ["draft", "returned"])))
    .orderBy(asc(updates.periodEnd))
    .all();
}

/** A centre's updates, newest period first, for its page. */
export function listUpdatesOfCentre(db: Db, centreId: string) {
  return db
    .select({ id: updates.id, period: updates.period, status: updates.status, submittedAt: updates.submittedAt, approvedAt: updates.approvedAt })
    .from(updates)
    .where(eq(updates.centreId, centreId))
    .orderBy(desc(updates.periodEnd))
    .all();
}
