import type { z } from "zod";
import { overviewViewSchema } from "@/lib/validation/overview";
import { asOfField, localeField } from "./view-fields.schema";

/** The national overview and its download: the view settings (map measure, order, filters), the day shown and the reader's language. */
export const overviewSchema = overviewViewSchema.extend({ asOf: asOfField(), locale: localeField() });
export type OverviewInput = z.output<typeof overviewSchema>;
