import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { writeAudit, type AuditActor, type Tx } from "./audit";
import { centreFocusTags, centres, centreTargets, milestones, planTargets } from "./schema";
import { ConflictError, DomainError, NotFoundError } from "@/lib/domain/errors";
import type { FocusTag } from "@/lib/domain/vocabulary";
import type { CentreInput } from "@/lib/validation/centre";
import { writeTransaction, type DbOrTx } from "./transaction";

function focusTagsOf(db: Db | Tx, centreIds: string[]): Map<string, FocusTag[]> {
  const byCentre = new Map<string, FocusTag[]>();
  if (centreIds.length === 0) return byCentre;
  const rows = db
    .select()
    .from(centreFocusTags)
    .where(inArray(centreFocusTags.centreId, centreIds))
    .orderBy(asc(centreFocusTags.centreId), asc(centreFocusTags.position))
    .all();
  for (const row of rows) byCentre.set(row.centreId, [...(byCentre.get(row.centreId) ?? []), row.tag]);
  return byCentre;
}

/** Centres of one province with the figures the province page lists. */
export function listCentresOfProvince(db: Db, provinceCode: string) {
  const rows = db
    .select({
      id: centres.id,
      name: centres.name,
      cityCode: centres.cityCode,
      leadInstitution: centres.leadInstitution,
      plannedBudgetYuan: centres.plannedBudgetYuan,
      plannedCompletionDate: centres.plannedCompletionDate,
      status: centres.status,
      isDemo: centres.isDemo,
    })
    .from(centres)
    .where(eq(centres.provinceCode, provinceCode))
    .orderBy(asc(centres.cityCode), asc(centres.name))
    .all();
  const tags = focusTagsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, focusTags: tags.get(r.id) ?? [] }));
}

/** One centre with its focus tags, contributing targets and milestones. */
export function getCentre(db: DbOrTx, id: string) {
  const centre = db.select().from(centres).where(eq(centres.id, id)).get();
  if (!centre) return undefined;
  const targets = db
    .select({ id: planTargets.id, title: planTargets.title, metric: planTargets.metric })
    .from(centreTargets)
    .innerJoin(planTargets, eq(planTargets.id, centreTargets.targetId))
    .where(eq(centreTargets.centreId, id))
    .orderBy(asc(planTargets.title))
    .all();
  const centreMilestones = db
    .select()
    .from(milestones)
    .where(eq(milestones.centreId, id))
    .orderBy(asc(milestones.plannedDate), asc(milestones.title))
    .all();
  return { ...centre, focusTags: focusTagsOf(db, [id]).get(id) ?? [], targets, milestones: centreMilestones };
}

/** Only the fields permission checks need: which province a centre belongs to. */
export function getCentreProvince(db: DbOrTx, id: string): string | undefined {
  return db.select({ provinceCode: centres.provinceCode }).from(centres).where(eq(centres.id, id)).get()?.provinceCode;
}

function replaceLinks(tx: Tx, centreId: string, input: CentreInput): void {
  if (input.targetIds.length > 0) {
    const valid = tx
      .select({ id: planTargets.id })
      .from(planTargets)
      .where(and(inArray(planTargets.id, input.targetIds), eq(planTargets.provinceCode, input.provinceCode)))
      .all();
    // A centre may only contribute to its own province's targets.
    if (valid.length !== new Set(input.targetIds).size) throw new DomainError("targetNotInProvince", "targetIds");
  }
  tx.delete(centreFocusTags).where(eq(centreFocusTags.centreId, centreId)).run();
  input.focusTags.forEach((tag, position) => tx.insert(centreFocusTags).values({ centreId, tag, position }).run());
  tx.delete(centreTargets).where(eq(centreTargets.centreId, centreId)).run();
  for (const targetId of new Set(input.targetIds)) tx.insert(centreTargets).values({ centreId, targetId }).run();
}

function centreColumns(input: CentreInput) {
  const { focusTags, targetIds, ...columns } = input;
  return columns;
}

export function createCentre(db: DbOrTx, input: CentreInput, actor: AuditActor, options: { id?: string; isDemo?: boolean } = {}): string {
  const id = options.id ?? randomUUID();
  writeTransaction(db, (tx) => {
    tx.insert(centres).values({ id, ...centreColumns(input), isDemo: options.isDemo ?? false }).run();
    replaceLinks(tx, id, input);
    writeAudit(tx, { actor, entity: "centre", entityId: id, action: "create", after: input });
  });
  return id;
}

/** Saves an edit unless the centre changed since `version` was read. The province cannot change here. */
export function updateCentre(db: DbOrTx, id: string, version: number, input: CentreInput, actor: AuditActor): void {
  writeTransaction(db, (tx) => {
    const before = tx.select().from(centres).where(eq(centres.id, id)).get();
    if (!before) throw new NotFoundError();
    // The stored version goes with the refusal, so an API caller can read again and resend.
    if (before.version !== version) throw new ConflictError(undefined, before.version);
    if (before.provinceCode !== input.provinceCode) throw new DomainError("provinceImmutable", "provinceCode");
    const beforeTags = focusTagsOf(tx, [id]).get(id) ?? [];
    tx.update(centres)
      .set({ ...centreColumns(input), version: version + 1 })
      .where(and(eq(centres.id, id), eq(centres.version, version)))
      .run();
    replaceLinks(tx, id, input);
    writeAudit(tx, {
      actor,
      entity: "centre",
      entityId: id,
      action: "update",
      before: { ...before, focusTags: beforeTags },
      after: { ...input, version: version + 1 },
    });
  });
}

/** Centres in a reading scope ("all" or a province code), for the reporting overview. */
export function listCentresInScope(db: Db, scope: "all" | string) {
  const query = db
    .select({ id: centres.id, name: centres.name, provinceCode: centres.provinceCode, startDate: centres.startDate, status: centres.status })
    .from(centres)
    .orderBy(asc(centres.provinceCode), asc(centres.name));
  return scope === "all" ? query.all() : query.where(eq(centres.provinceCode, scope)).all();
}

/** Names of the given centres, by id (for labelling flags; callers pass ids they may read). */
export function centreNames(db: Db, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  return new Map(db.select({ id: centres.id, name: centres.name }).from(centres).where(inArray(centres.id, [...ids])).all().map((c) => [c.id, c.name]));
}
