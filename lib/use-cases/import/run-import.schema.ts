import { z } from "zod";
import { importOptionsSchema } from "@/lib/validation/import";

export type ImportProgress = { phase: "reading" } | { phase: "checking"; done: number; total: number } | { phase: "writing"; total: number };

/**
 * The import form's options, the uploaded file (its size is capped by the adapter before it is read),
 * and where progress goes while the file is read and checked (a stream of JSON lines, a bench's counter).
 */
export const runImportSchema = z.intersection(
  importOptionsSchema,
  z.object({
    file: z.object({ name: z.string().max(200), bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0, { error: "fileRequired" }) }, { error: "fileRequired" }),
    onProgress: z.custom<(progress: ImportProgress) => void>((v) => typeof v === "function").optional(),
  }),
);
export type RunImportInput = z.output<typeof runImportSchema>;
