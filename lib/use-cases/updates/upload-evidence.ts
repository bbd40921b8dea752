import "server-only";
import { addEvidence } from "@/db/evidence";
import { getUpdateById } from "@/db/updates";
import { DomainError } from "@/lib/domain/errors";
import { cleanFileName, nameForType, sniffEvidenceType } from "@/lib/domain/file-types";
import { env } from "@/lib/env";
import { removeEvidenceFile, storeEvidenceFile } from "@/lib/storage/evidence-store";
import { defineCommand } from "../define";
import { uploadEvidenceSchema } from "./evidence.schema";

const maxBytes = () => env.EVIDENCE_MAX_MB * 1024 * 1024;

/**
 * Staff of the centre's province attach a file to an update they may still edit. Its type is read from
 * its bytes, not its name. The file is on disk before its row commits; if the row is refused, it goes again.
 */
export const uploadEvidence = defineCommand({
  name: "updates.uploadEvidence",
  input: uploadEvidenceSchema,
  load: async ({ db, input }) => {
    const stored = getUpdateById(db, input.updateId);
    if (!stored) return undefined;
    // The transaction cannot wait for the upload's bytes, so they are read here: they are the caller's
    // own, and nothing is written or told before the scope check.
    const bytes = input.file.size > maxBytes() ? null : new Uint8Array(await input.file.arrayBuffer());
    return { provinceCode: stored.provinceCode, centreId: stored.update.centreId, period: stored.update.period, bytes };
  },
  province: (rows) => rows.provinceCode,
  target: (input) => input.updateId,
  run: (tx, { actor, input, rows }) => {
    if (!rows.bytes) throw new DomainError("fileTooLarge", "file");
    const cleanName = cleanFileName(input.file.name);
    const type = sniffEvidenceType(rows.bytes, cleanName);
    if (!type) throw new DomainError("fileType", "file");
    const file = storeEvidenceFile(rows.bytes, type.extension);
    try {
      const id = addEvidence(tx, { updateId: input.updateId, milestoneId: input.milestoneId, originalName: nameForType(cleanName, type), storedName: file.storedName, mediaType: type.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256 }, actor);
      return { id, centreId: rows.centreId, period: rows.period };
    } catch (error) {
      removeEvidenceFile(file.storedName);
      throw error;
    }
  },
});
