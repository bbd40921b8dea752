import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/domain/vocabulary";

/** The cookie that carries the chosen language on every page, signed in or not. */
export const LOCALE_COOKIE = "lang";

export function toLocale(value: string | undefined | null): Locale | undefined {
  return LOCALES.find((l) => l === value);
}

export function localeOrDefault(value: string | undefined | null): Locale {
  return toLocale(value) ?? DEFAULT_LOCALE;
}

/** The name of a bilingual record in the reader's language. */
export function localName(locale: string, record: { nameZh: string; nameEn: string }): string {
  return locale === "zh" ? record.nameZh : record.nameEn;
}
