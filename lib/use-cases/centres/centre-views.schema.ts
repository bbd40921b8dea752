import { z } from "zod";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/domain/vocabulary";
import { isoDate, optionalFilter } from "@/lib/validation/fields";

// The inputs of the centre area's views. Ids come from the URL: anything may arrive, and a malformed one
// is simply not found (the loads test it against the id pattern before reading).

/** One row named by its URL segment. */
export const rowIdSchema = z.object({ id: z.string() });

/** A centre's page and its download: the centre, the past day shown (checked against the picker's choices by the adapter) or now, and the reader's language. */
export const centreViewSchema = z.object({
  id: z.string(),
  asOf: optionalFilter(isoDate()),
  locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
});
export type CentreViewInput = z.output<typeof centreViewSchema>;

/** The new-centre form: the province it is registered in (an administrator's pick), else the actor's own. */
export const newCentreFormSchema = z.object({ province: optionalFilter(z.string().max(20)), locale: z.enum(LOCALES).default(DEFAULT_LOCALE) });

/** The province choices of a form, named in the reader's language. */
export const provinceOptionsSchema = z.object({ locale: z.enum(LOCALES).default(DEFAULT_LOCALE) });
