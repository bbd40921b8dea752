"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCalendar } from "@/db/calendars";
import { getCentreProvince } from "@/db/centres";
import { addEvidence, deleteEvidence } from "@/db/evidence";
import { loadUpdateContext } from "@/db/update-context";
import { getUpdateById, reviewUpdate, saveUpdate } from "@/db/updates";
import { formAction } from "@/lib/auth/form-action";
import { env } from "@/lib/env";
import { DomainError, FieldErrors, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { canEditCentresIn } from "@/lib/domain/permissions";
import { cleanFileName, sniffEvidenceType } from "@/lib/domain/file-types";
import { parsePeriod, periodRefusal } from "@/lib/domain/periods";
import { chinaToday } from "@/lib/domain/china-time";
import { removeEvidenceFile, storeEvidenceFile } from "@/lib/storage/evidence-store";
import { fieldErrorKeys } from "@/lib/validation/form-state";
import { optionalText, enumOf, version } from "@/lib/validation/fields";
import { updateFieldsSchema, updateSchema, VALUE_FIELDS, type UpdateValues } from "@/lib/validation/update";

const EDITORS = ["staff", "admin"] as const;

function updatePath(centreId: string, period: string) {
  return `/centres/${centreId}/updates/${period}`;
}

export const saveUpdateAction = formAction("saveUpdateAction", { schema: updateFieldsSchema, roles: EDITORS }, (fields, user) => {
  const db = getDb();
  const period = parsePeriod(fields.period)!;
  const provinceCode = getCentreProvince(db, fields.centreId);
  if (!provinceCode) throw new NotFoundError();
  // Before any rule reads the centre's stored figures: a refusal must not tell another province's numbers.
  if (!canEditCentresIn(user, provinceCode)) throw new ForbiddenError();
  if (fields.version === 0) {
    const refusal = periodRefusal(period, getCalendar(db, provinceCode), chinaToday(), env.REPORTING_START);
    if (refusal) throw new DomainError(refusal);
  }
  const context = loadUpdateContext(db, fields.centreId, period, chinaToday(), env.NARRATIVE_DEVIATION_PP);
  if (!context) throw new NotFoundError();
  // The same schema with the rules that need stored state (last approval, evidence, plan).
  const checked = updateSchema(context).safeParse(fields);
  if (!checked.success) throw new FieldErrors(fieldErrorKeys(checked.error.issues));
  const input = checked.data;
  const values = Object.fromEntries(VALUE_FIELDS.map((f) => [f, input[f]])) as UpdateValues;
  saveUpdate(db, { centreId: input.centreId, period: input.period, version: input.version, intent: input.intent, values, milestones: input.milestones }, user);
  revalidatePath(updatePath(input.centreId, input.period));
  redirect(`${updatePath(input.centreId, input.period)}?done=${input.intent === "submit" ? "submitted" : "saved"}`);
});

const reviewSchema = z.object({
  id: z.string().min(1),
  version: version(),
  decision: enumOf(["approve", "return", "reopen"] as const),
  reason: optionalText(2000),
});

export const reviewUpdateAction = formAction("reviewUpdateAction", { schema: reviewSchema, roles: ["reviewer"] }, (input, user) => {
  const db = getDb();
  const stored = getUpdateById(db, input.id);
  if (!stored) throw new NotFoundError();
  reviewUpdate(db, { id: input.id, version: input.version, action: input.decision, reason: input.reason }, user);
  const path = updatePath(stored.update.centreId, stored.update.period);
  revalidatePath(path);
  redirect(`${path}?done=${input.decision}`);
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
    const originalName = cleanFileName(input.file.name);
    const type = sniffEvidenceType(bytes, originalName);
    if (!type) throw new DomainError("fileType", "file");
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
