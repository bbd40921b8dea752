"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locale";
import { rememberLocale } from "@/lib/use-cases/public/set-locale";

/** The language switch: open to everyone (the login page has it too); remembered for a signed-in user. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = toLocale(formData.get("locale")?.toString());
  if (!locale) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600, httpOnly: true });
  await rememberLocale(locale);
}
