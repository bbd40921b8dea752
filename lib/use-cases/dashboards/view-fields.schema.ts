import { z } from "zod";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/domain/vocabulary";
import { isoDate, optionalFilter } from "@/lib/validation/fields";

/** The reader's language, in which a view names provinces and the subjects of flags. */
export const localeField = () => z.enum(LOCALES).default(DEFAULT_LOCALE);

/** The past day a dashboard shows (the adapter has checked it against the picker's choices), or now. */
export const asOfField = () => optionalFilter(isoDate());
