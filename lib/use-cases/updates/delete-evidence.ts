import "server-only";
import { deleteEvidence as recordDeletion, getEvidenceForDownload } from "@/db/evidence";
import { getUpdateById } from "@/db/updates";
import { removeEvidenceFile } from "@/lib/storage/evidence-store";
import { defineCommand } from "../define";
import { afterCommit } from "./after-commit";
import { deleteEvidenceSchema } from "./evidence.schema";

/**
 * Staff of the centre's province remove a file from an update they may still edit: the row is marked
 * deleted (audited) in the transaction, and the file leaves the disk once that has committed. The
 * file's own update decides, whatever update the form named.
 */
export const deleteEvidence = afterCommit(
  defineCommand({
    name: "updates.deleteEvidence",
    input: deleteEvidenceSchema,
    load: ({ db, input }) => {
      const file = getEvidenceForDownload(db, input.id);
      const stored = file && getUpdateById(db, file.updateId);
      return stored && { provinceCode: stored.provinceCode, centreId: stored.update.centreId, period: stored.update.period };
    },
    province: (rows) => rows.provinceCode,
    run: (tx, { actor, input, rows }) => ({ storedName: recordDeletion(tx, input.id, actor), centreId: rows.centreId, period: rows.period }),
  }),
  ({ storedName }) => removeEvidenceFile(storedName),
);
