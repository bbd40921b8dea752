import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { getSignedInUser } from "@/lib/auth/current-user";
import { LOCALE_COOKIE, localeOrDefault, toLocale } from "./locale";

// The language comes from the `lang` cookie (set by the switch on every page), else the signed-in
// user's setting, else Simplified Chinese.
export default getRequestConfig(async () => {
  const fromCookie = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const locale = fromCookie ?? localeOrDefault((await getSignedInUser())?.locale);
  return {
    locale,
    timeZone: "Asia/Shanghai",
    messages: (await import(`./messages/${locale}.json`)).default,
  };
});
