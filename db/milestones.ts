import "server-only";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { writeAudit, type AuditActor } from "./audit";
import { centres, milestones } from "./schema";
import { ConflictError, NotFoundError } from "@/lib/domain/errors";
import type { MilestoneInput, UpdateMilestoneInput } from "@/lib/validation/centre";
import { writeTransaction, type DbOrTx } from "./transaction";

/** The milestone with the province of its centre, for the permission check before an edit. */
export function getMilestoneWithProvince(db: DbOrTx, id: string) {
  return db
    .select({ milestone: milestones, provinceCode: centres.provinceCode })
    .from(milestones)
    .innerJoin(centres, eq(centres.id, milestones.centreId))
    .where(eq(milestones.id, id))
    .get();
}

export interface DemoProgress {
  progress: number;
  actualCompletionDate: string | null;
  isDemo: boolean;
}

export function createMilestone(db: DbOrTx, input: MilestoneInput, actor: AuditActor, demo?: DemoProgress): string {
  const id = randomUUID();
  writeTransaction(db, (tx) => {
    tx.insert(milestones).values({ id, ...input, ...demo }).run();
    writeAudit(tx, { actor, entity: "milestone", entityId: id, action: "create", after: { ...input, ...demo } });
  });
  return id;
}

export function updateMilestone(db: DbOrTx, input: UpdateMilestoneInput, actor: AuditActor): void {
  const { id, version, ...changes } = input;
  writeTransaction(db, (tx) => {
    const before = tx.select().from(milestones).where(eq(milestones.id, id)).get();
    if (!before) throw new NotFoundError();
    if (before.version !== version) throw new ConflictError(undefined, before.version);
    tx.update(milestones)
      .set({ ...changes, version: version + 1 })
      .where(and(eq(milestones.id, id), eq(milestones.version, version)))
      .run();
    writeAudit(tx, { actor, entity: "milestone", entityId: id, action: "update", before, after: { ...changes, version: version + 1 } });
  });
}
