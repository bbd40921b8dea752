import { z } from "zod";
import { IMPORT_KINDS } from "@/lib/import/kinds";
import { parsePeriod } from "@/lib/domain/periods";
import { checkbox, enumOf } from "./fields";

const optionalPeriod = () =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim().toUpperCase() : undefined),
    z.string().refine((p) => parsePeriod(p) !== undefined, { error: "period" }).optional(),
  );

/** The import form's fields besides the file (the file is checked by content in lib/import/file.ts). */
export const importOptionsSchema = z
  .object({
    kind: enumOf(IMPORT_KINDS),
    period: optionalPeriod(),
    submit: checkbox(),
    dryRun: checkbox(),
  })
  .refine((v) => v.kind !== "updates" || v.period !== undefined, { path: ["period"], error: "required" });
export type ImportOptions = z.infer<typeof importOptionsSchema>;

/** Upload limit: a 50,000-row XLSX is about 5 MB. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** A template download: which data, which format, blank or filled with the data in scope (a period for updates). */
export const importTemplateSchema = z
  .object({
    kind: enumOf(IMPORT_KINDS),
    format: z.preprocess((v) => v ?? "xlsx", z.enum(["xlsx", "csv"], { error: "invalid" })),
    filled: checkbox(),
    period: optionalPeriod(),
  })
  .refine((v) => !(v.filled && v.kind === "updates") || v.period !== undefined, { path: ["period"], error: "required" });
