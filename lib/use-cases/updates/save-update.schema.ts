import { z } from "zod";
import { updateFieldsSchema } from "@/lib/validation/update";

/**
 * A draft's fields as the reporting form sends them (its submit button sets intent "submit"). The API
 * sends its indicators nested; its adapter lifts an `indicators` object to the top, and anything else
 * under that name is refused here at `indicators`. The period is any text here: one that is no period
 * names no update, and is answered as not found by the load, as an unknown centre is.
 */
export const saveUpdateSchema = updateFieldsSchema.extend({ period: z.string(), indicators: z.undefined({ error: "invalid" }).optional() });
