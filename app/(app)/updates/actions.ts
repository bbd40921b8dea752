"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { addEvidence, deleteEvidence } from "@/db/evidence";
import { getUpdateById } from "@/db/updates";
import { saveUpdateFor } from "@/app/_lib/update-edits";
import { formCommand } from "@/lib/adapters/form";
import { reviewUpdate } from "@/lib/use-cases/updates/review-update";
import { formAction } from "@/lib/auth/form-action";
import { env } from "@/lib/env";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { canEditCentresIn } from "@/lib/domain/permissions";
import { cleanFileName, nameForType, sniffEvidenceType } from "@/lib/domain/file-types";
import { removeEvidenceFile, storeEvidenceFile } from "@/lib/storage/evidence-store";
import { updateFieldsSchema } from "@/lib/validation/update";

const EDITORS = ["staff", "admin"] as const;

function updatePath(centreId: string, period: string) {
  return `/centres/${centreId}/updates/${period}`;
}

export const saveUpdateAction = formAction("saveUpdateAction", { schema: updateFieldsSchema, roles: EDITORS }, (fields, user) => {
  saveUpdateFor(user, fields);
  revalidatePath(updatePath(fields.centreId, fields.period));
  redirect(`${updatePath(fields.centreId, fields.period)}?done=${fields.intent === "submit" ? "submitted" : "saved"}`);
});

export const reviewUpdateAction = formCommand("reviewUpdateAction", reviewUpdate, {
  done: (update) => {
    const path = updatePath(update.centreId, update.period);
    revalidatePath(path);
    redirect(`${path}?done=${update.decision}`);
  },
});

const uploadSchema = z.object({
  updateId: z.string().min(1),
  milestoneId: z.preprocess((v) => (v === "" ? null : v), z.string().nullable()).default(null),
  file: z.instanceof(File, { error: "fileRequired" }).refine((f) => f.size > 0, { error: "fileRequired" }),
});

export const uploadEvidenceAction = formAction(
  "uploadEvidenceAction",
  { schema: uploadSchema, roles: EDITORS, files: ["file"] },
  async (input, user) => {
    const db = getDb();
    const stored = getUpdateById(db, input.updateId);
    if (!stored) throw new NotFoundError();
    // Before a byte is read or written; addEvidence checks the workflow again in its transaction.
    if (!canEditCentresIn(user, stored.provinceCode)) throw new ForbiddenError();
    if (input.file.size > env.EVIDENCE_MAX_MB * 1024 * 1024) throw new DomainError("fileTooLarge", "file");
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const cleanName = cleanFileName(input.file.name);
    const type = sniffEvidenceType(bytes, cleanName);
    if (!type) throw new DomainError("fileType", "file");
    const originalName = nameForType(cleanName, type);
    // The file is on disk before the row commits; if the row is refused, the file goes again.
    const file = storeEvidenceFile(bytes, type.extension);
    try {
      addEvidence(db, { updateId: input.updateId, milestoneId: input.milestoneId, originalName, storedName: file.storedName, mediaType: type.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256 }, user);
    } catch (error) {
      removeEvidenceFile(file.storedName);
      throw error;
    }
    const path = updatePath(stored.update.centreId, stored.update.period);
    revalidatePath(path);
    redirect(`${path}?done=uploaded`);
  },
);

export const deleteEvidenceAction = formAction(
  "deleteEvidenceAction",
  { schema: z.object({ id: z.string().min(1), updateId: z.string().min(1) }), roles: EDITORS },
  (input, user) => {
    const db = getDb();
    const stored = getUpdateById(db, input.updateId);
    if (!stored) throw new NotFoundError();
    const storedName = deleteEvidence(db, input.id, user);
    removeEvidenceFile(storedName);
    const path = updatePath(stored.update.centreId, stored.update.period);
    revalidatePath(path);
    redirect(`${path}?done=deleted`);
  },
);
