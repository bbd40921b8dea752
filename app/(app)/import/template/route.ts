import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getProvince } from "@/db/provinces";
import { getCurrentUser } from "@/lib/auth/current-user";
import { addressOf, logRefusal } from "@/lib/auth/security-log";
import { chinaToday } from "@/lib/domain/china-time";
import { canImport } from "@/lib/domain/permissions";
import { localeOrDefault, localName } from "@/lib/i18n/locale";
import { importTemplateSchema } from "@/lib/validation/import";
import { templateResponse } from "@/app/_lib/import-template";

export const dynamic = "force-dynamic";

/** An import template, blank or filled with the data the user may import into (their province, or all for admins). */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (!canImport(user)) {
    logRefusal({ userId: user.id, route: "/import/template", reason: "import_not_allowed", method: "GET", address: addressOf(request.headers) });
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  const query = importTemplateSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    const issue = query.error.issues[0]!;
    return Response.json({ error: "invalid", field: String(issue.path[0] ?? ""), reason: issue.message }, { status: 400 });
  }
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const province = user.provinceCode ? getProvince(getDb(), user.provinceCode) : undefined;
  const scopeName = province ? localName(locale, province) : t("export.national");
  return templateResponse(user, query.data, (key, values) => t(key, values), locale, scopeName, chinaToday());
}
