"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formCommand } from "@/lib/adapters/form";
import { deleteEvidence } from "@/lib/use-cases/updates/delete-evidence";
import { reviewUpdate } from "@/lib/use-cases/updates/review-update";
import { saveUpdate } from "@/lib/use-cases/updates/save-update";
import { uploadEvidence } from "@/lib/use-cases/updates/upload-evidence";

/** Back to the update's page, fresh, with what was done for its message. */
function backTo(centreId: string, period: string, done: string): never {
  const path = `/centres/${centreId}/updates/${period}`;
  revalidatePath(path);
  redirect(`${path}?done=${done}`);
}

export const saveUpdateAction = formCommand("saveUpdateAction", saveUpdate, {
  done: (update) => backTo(update.centreId, update.period, update.intent === "submit" ? "submitted" : "saved"),
});

export const reviewUpdateAction = formCommand("reviewUpdateAction", reviewUpdate, {
  done: (update) => backTo(update.centreId, update.period, update.decision),
});

export const uploadEvidenceAction = formCommand("uploadEvidenceAction", uploadEvidence, {
  files: ["file"],
  done: (file) => backTo(file.centreId, file.period, "uploaded"),
});

export const deleteEvidenceAction = formCommand("deleteEvidenceAction", deleteEvidence, {
  done: (file) => backTo(file.centreId, file.period, "deleted"),
});
