import { z } from "zod";
import { centreFilterSchema } from "@/lib/validation/centre-filter";
import { asOfField, localeField } from "./view-fields.schema";

/**
 * A province's dashboard and its downloads: the province (its URL segment: a malformed code is simply
 * not found), the centre filter, the day shown and the reader's language.
 */
export const provincePageSchema = centreFilterSchema.extend({
  code: z.string().max(20),
  asOf: asOfField(),
  locale: localeField(),
});
export type ProvincePageInput = z.output<typeof provincePageSchema>;
