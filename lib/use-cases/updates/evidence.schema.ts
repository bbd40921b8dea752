import { z } from "zod";

const id = z.string().min(1);

/** One file for an update, optionally tied to one of its centre's milestones. */
export const uploadEvidenceSchema = z.object({
  updateId: id,
  milestoneId: z.preprocess((v) => (v === "" ? null : v), id.nullable()).default(null),
  file: z.instanceof(File, { error: "fileRequired" }).refine((f) => f.size > 0, { error: "fileRequired" }),
});

/** One evidence file, named with the update the form shows it under. */
export const deleteEvidenceSchema = z.object({ id, updateId: id });

/** One evidence file to download. */
export const downloadEvidenceSchema = z.object({ id });
