import "server-only";
import { getEvidenceForDownload } from "@/db/evidence";
import { readEvidenceFile } from "@/lib/storage/evidence-store";
import { defineQuery } from "../define";
import { downloadEvidenceSchema } from "./evidence.schema";

/** An evidence file for a reader of its centre's province: its bytes, type and original name. */
export const downloadEvidence = defineQuery({
  name: "updates.downloadEvidence",
  input: downloadEvidenceSchema,
  load: ({ db, input }) => getEvidenceForDownload(db, input.id),
  province: (file) => file.provinceCode,
  run: ({ rows }) => ({ bytes: new Uint8Array(readEvidenceFile(rows.storedName)), mediaType: rows.mediaType, originalName: rows.originalName }),
});
