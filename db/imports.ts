import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { writeAudit } from "./audit";
import { createCentre, updateCentre } from "./centres";
import { createMilestone, updateMilestone } from "./milestones";
import { centreFocusTags, centres, centreTargets, milestones, planTargets, updateMilestones, updates } from "./schema";
import { saveInputOf, saveUpdate } from "./updates";
import type { Actor } from "@/lib/domain/permissions";
import type { ExistingCentre, CentreAction } from "@/lib/import/plan-centres";
import type { ExistingMilestone, MilestoneAction } from "@/lib/import/plan-milestones";
import type { ExistingUpdate, UpdateAction } from "@/lib/import/plan-updates";
import type { CentreRef } from "@/lib/import/centre-ref";
import type { FocusTag } from "@/lib/domain/vocabulary";
import { VALUE_FIELDS, type UpdateFields, type UpdateValues } from "@/lib/validation/update";
import { writeTransaction, type DbOrTx } from "./transaction";

// What an import compares its rows with, and the one transaction that writes a checked file.

type Scope = "all" | string;
const inScope = (scope: Scope) => (scope === "all" ? undefined : eq(centres.provinceCode, scope));

/** Every centre in scope as the centre form would submit it, for matching and "unchanged" checks. */
export function importableCentres(db: DbOrTx, scope: Scope): ExistingCentre[] {
  const rows = db.select().from(centres).where(inScope(scope)).orderBy(asc(centres.provinceCode), asc(centres.name)).all();
  const tags = new Map<string, FocusTag[]>();
  const targets = new Map<string, string[]>();
  const tagRows = db.select({ centreId: centreFocusTags.centreId, tag: centreFocusTags.tag }).from(centreFocusTags).innerJoin(centres, eq(centres.id, centreFocusTags.centreId)).where(inScope(scope)).orderBy(asc(centreFocusTags.centreId), asc(centreFocusTags.position)).all();
  for (const r of tagRows) tags.set(r.centreId, [...(tags.get(r.centreId) ?? []), r.tag]);
  const linkRows = db.select({ centreId: centreTargets.centreId, targetId: centreTargets.targetId }).from(centreTargets).innerJoin(centres, eq(centres.id, centreTargets.centreId)).where(inScope(scope)).all();
  for (const r of linkRows) targets.set(r.centreId, [...(targets.get(r.centreId) ?? []), r.targetId]);
  return rows.map((c) => ({
    id: c.id,
    version: c.version,
    provinceCode: c.provinceCode,
    cityCode: c.cityCode,
    name: c.name,
    leadInstitution: c.leadInstitution,
    leadCreditCode: c.leadCreditCode,
    partners: c.partners,
    focusTags: tags.get(c.id) ?? [],
    plannedBudgetYuan: c.plannedBudgetYuan,
    startDate: c.startDate,
    plannedCompletionDate: c.plannedCompletionDate,
    status: c.status,
    targetIds: (targets.get(c.id) ?? []).sort(),
  }));
}

export function targetProvinces(db: DbOrTx): Map<string, string> {
  return new Map(db.select({ id: planTargets.id, provinceCode: planTargets.provinceCode }).from(planTargets).all().map((t) => [t.id, t.provinceCode]));
}

export function centreRefs(db: DbOrTx, scope: Scope): CentreRef[] {
  return db.select({ id: centres.id, provinceCode: centres.provinceCode, name: centres.name }).from(centres).where(inScope(scope)).orderBy(asc(centres.provinceCode), asc(centres.name)).all();
}

export function importableMilestones(db: DbOrTx, scope: Scope): (ExistingMilestone & { centreName: string; provinceCode: string })[] {
  return db
    .select({
      id: milestones.id,
      version: milestones.version,
      centreId: milestones.centreId,
      centreName: centres.name,
      provinceCode: centres.provinceCode,
      title: milestones.title,
      category: milestones.category,
      weight: milestones.weight,
      plannedDate: milestones.plannedDate,
      evidenceRequired: milestones.evidenceRequired,
    })
    .from(milestones)
    .innerJoin(centres, eq(centres.id, milestones.centreId))
    .where(inScope(scope))
    .orderBy(asc(centres.provinceCode), asc(centres.name), asc(milestones.plannedDate), asc(milestones.title))
    .all();
}

/** This period's updates of the centres in scope, by centre. */
export function periodUpdates(db: DbOrTx, scope: Scope, period: string): Map<string, ExistingUpdate> {
  const rows = db
    .select({ update: updates })
    .from(updates)
    .innerJoin(centres, eq(centres.id, updates.centreId))
    .where(and(eq(updates.period, period), inScope(scope)))
    .all()
    .map((r) => r.update);
  const progress = new Map<string, UpdateFields["milestones"]>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const m of db.select().from(updateMilestones).where(inArray(updateMilestones.updateId, chunk)).all()) {
      progress.set(m.updateId, [...(progress.get(m.updateId) ?? []), { id: m.milestoneId, progress: m.progress, actualCompletionDate: m.actualCompletionDate }]);
    }
  }
  return new Map(
    rows.map((r) => [
      r.centreId,
      { status: r.status, version: r.version, values: Object.fromEntries(VALUE_FIELDS.map((f) => [f, r[f]])) as UpdateValues, milestones: progress.get(r.id) ?? [] },
    ]),
  );
}

/** A checked row the database refused after all (someone changed it meanwhile): the import stops here. */
export class ImportRowError extends Error {
  constructor(
    readonly row: number,
    readonly cause: unknown,
  ) {
    super(`row ${row}`);
    this.name = "ImportRowError";
  }
}

export type ImportWrite = CentreAction | MilestoneAction | UpdateAction;

export interface ImportBatch {
  kind: string;
  fileName: string;
  sha256: string;
  rows: number;
  period?: string;
  intent?: "save" | "submit";
}

/**
 * Writes a checked file in one transaction: each changed row through the same functions the forms use
 * (each with its own audit entry), then one audit entry for the batch naming what it created and changed.
 * Any refusal rolls the whole file back.
 */
export function applyImport(db: DbOrTx, batch: ImportBatch, writes: readonly ImportWrite[], actor: Actor, now = new Date().toISOString()) {
  return writeTransaction(db, (tx) => {
    const created: string[] = [];
    const updated: string[] = [];
    const who = { userId: actor.id };
    for (const write of writes) {
      if (write.op === "unchanged" || write.op === "skip") continue;
      try {
        // The row writers take this transaction: their own writeTransaction is a savepoint of it.
        switch (write.kind) {
          case "centre":
            if (write.op === "create") created.push(createCentre(tx, write.input, who));
            else {
              updateCentre(tx, write.id, write.version, write.input, who);
              updated.push(write.id);
            }
            break;
          case "milestone":
            if (write.op === "create") created.push(createMilestone(tx, write.input, who));
            else {
              updateMilestone(tx, write.input, who);
              updated.push(write.input.id);
            }
            break;
          case "update": {
            const saved = saveUpdate(tx, saveInputOf(write.fields), actor, now);
            (write.fields.version === 0 ? created : updated).push(saved.id);
          }
        }
      } catch (error) {
        throw new ImportRowError(write.row, error);
      }
    }
    const id = randomUUID();
    writeAudit(tx, { actor: who, entity: "import", entityId: id, action: "import", after: { ...batch, created, updated }, at: now });
    return { id, created: created.length, updated: updated.length };
  });
}
