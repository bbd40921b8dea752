import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { writeAudit, type AuditActor } from "./audit";
import { planTargets } from "./schema";
import { ConflictError, NotFoundError } from "@/lib/domain/errors";
import type { TargetInput } from "@/lib/validation/target";
import { writeTransaction, type DbOrTx } from "./transaction";

export function listTargets(db: Db, provinceCode?: string) {
  const query = db.select().from(planTargets).orderBy(asc(planTargets.provinceCode), asc(planTargets.deadline), asc(planTargets.title));
  return provinceCode ? query.where(eq(planTargets.provinceCode, provinceCode)).all() : query.all();
}

export function getTarget(db: Db, id: string) {
  return db.select().from(planTargets).where(eq(planTargets.id, id)).get();
}

export function createTarget(db: DbOrTx, input: TargetInput, actor: AuditActor, options: { id?: string; isDemo?: boolean } = {}): string {
  const id = options.id ?? randomUUID();
  writeTransaction(db, (tx) => {
    tx.insert(planTargets).values({ id, ...input, isDemo: options.isDemo ?? false }).run();
    writeAudit(tx, { actor, entity: "plan_target", entityId: id, action: "create", after: input });
  });
  return id;
}

export function updateTarget(db: DbOrTx, id: string, version: number, input: TargetInput, actor: AuditActor): void {
  writeTransaction(db, (tx) => {
    const before = tx.select().from(planTargets).where(eq(planTargets.id, id)).get();
    if (!before) throw new NotFoundError();
    if (before.version !== version) throw new ConflictError();
    tx.update(planTargets)
      .set({ ...input, version: version + 1 })
      .where(and(eq(planTargets.id, id), eq(planTargets.version, version)))
      .run();
    writeAudit(tx, { actor, entity: "plan_target", entityId: id, action: "update", before, after: { ...input, version: version + 1 } });
  });
}

/** Titles of the given targets, by id (for labelling flags; callers pass ids they may read). */
export function targetTitles(db: Db, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  return new Map(db.select({ id: planTargets.id, title: planTargets.title }).from(planTargets).where(inArray(planTargets.id, [...ids])).all().map((t) => [t.id, t.title]));
}
