import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { writeAudit, type Tx } from "./audit";
import { centres, evidenceFiles, milestones, updates } from "./schema";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { decide } from "@/lib/domain/update-workflow";
import { writeTransaction, type DbOrTx } from "./transaction";

function enforceOnUpdate(tx: Tx, updateId: string, actor: Actor, action: "upload" | "deleteEvidence") {
  const row = tx
    .select({ update: updates, provinceCode: centres.provinceCode })
    .from(updates)
    .innerJoin(centres, eq(centres.id, updates.centreId))
    .where(eq(updates.id, updateId))
    .get();
  if (!row) throw new NotFoundError();
  const { update, provinceCode } = row;
  const decision = decide(action, actor, provinceCode, { status: update.status, provinceCode, submittedBy: update.submittedBy, editorIds: update.editorIds });
  if (!decision.allowed) throw decision.reason === "forbidden" ? new ForbiddenError() : new DomainError(decision.reason);
  return update;
}

export interface NewEvidence {
  updateId: string;
  milestoneId: string | null;
  originalName: string;
  storedName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

export function addEvidence(db: DbOrTx, input: NewEvidence, actor: Actor): string {
  return writeTransaction(db, (tx) => {
    const update = enforceOnUpdate(tx, input.updateId, actor, "upload");
    if (input.milestoneId) {
      const milestone = tx.select({ centreId: milestones.centreId }).from(milestones).where(eq(milestones.id, input.milestoneId)).get();
      if (milestone?.centreId !== update.centreId) throw new DomainError("unknownMilestone", "milestoneId");
    }
    const id = randomUUID();
    tx.insert(evidenceFiles).values({ id, ...input, uploadedBy: actor.id, uploadedAt: new Date().toISOString() }).run();
    writeAudit(tx, { actor: { userId: actor.id }, entity: "evidence", entityId: id, action: "upload", after: { ...input } });
    return id;
  });
}

/** Marks the file deleted (audited) and returns its stored name so the caller can remove it after commit. */
export function deleteEvidence(db: DbOrTx, id: string, actor: Actor): string {
  return writeTransaction(db, (tx) => {
    const file = tx.select().from(evidenceFiles).where(and(eq(evidenceFiles.id, id), isNull(evidenceFiles.deletedAt))).get();
    if (!file) throw new NotFoundError();
    enforceOnUpdate(tx, file.updateId, actor, "deleteEvidence");
    tx.update(evidenceFiles).set({ deletedAt: new Date().toISOString(), deletedBy: actor.id }).where(eq(evidenceFiles.id, id)).run();
    writeAudit(tx, { actor: { userId: actor.id }, entity: "evidence", entityId: id, action: "delete", before: file });
    return file.storedName;
  });
}

/** For the download and the deletion: the file, its update and the province whose readers may fetch it. */
export function getEvidenceForDownload(db: Db, id: string) {
  return db
    .select({
      updateId: evidenceFiles.updateId,
      storedName: evidenceFiles.storedName,
      originalName: evidenceFiles.originalName,
      mediaType: evidenceFiles.mediaType,
      provinceCode: centres.provinceCode,
    })
    .from(evidenceFiles)
    .innerJoin(updates, eq(updates.id, evidenceFiles.updateId))
    .innerJoin(centres, eq(centres.id, updates.centreId))
    .where(and(eq(evidenceFiles.id, id), isNull(evidenceFiles.deletedAt)))
    .get();
}
