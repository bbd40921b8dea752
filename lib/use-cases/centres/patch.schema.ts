import { z } from "zod";

/**
 * A partial edit from the API: the row its URL names, and the body's fields (already limited to the
 * known keys by the adapter). The fields are checked with the form's schema once merged over the stored
 * row, after the row's scope is checked, so a caller learns nothing about a row outside it.
 */
export const patchSchema = z.object({ id: z.string(), body: z.record(z.string(), z.unknown()) });
