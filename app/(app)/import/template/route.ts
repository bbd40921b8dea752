import { getLocale, getTranslations } from "next-intl/server";
import { addressOf } from "@/lib/auth/security-log";
import { localeOrDefault, localName } from "@/lib/i18n/locale";
import { importTemplate } from "@/lib/use-cases/import/import-template";
import { refusalStatus } from "@/lib/use-cases/outcome";
import { templateResponse } from "@/app/_lib/import-template";
import { plainTranslator } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";

const ERRORS = { 401: "unauthenticated", 403: "forbidden", 404: "not_found" } as const;

/** An import template, blank or filled with the data the user may import into (their province, or all for admins). */
export async function GET(request: Request) {
  const locale = localeOrDefault(await getLocale());
  const query = { ...Object.fromEntries(new URL(request.url).searchParams), locale };
  const outcome = await importTemplate.execute({ actor: { via: "session" }, route: "/import/template", method: "GET", address: addressOf(request.headers) }, query);
  if (!outcome.ok) {
    const { refusal } = outcome;
    if (refusal.kind === "invalid") return Response.json({ error: "invalid", field: refusal.fields[0]?.path ?? "", reason: refusal.fields[0]?.code ?? "invalid" }, { status: 400 });
    const status = refusalStatus(refusal);
    return Response.json({ error: ERRORS[status as keyof typeof ERRORS] ?? "refused" }, { status });
  }
  const t = await getTranslations();
  const { province } = outcome.value;
  return templateResponse(outcome.value, plainTranslator(t), province ? localName(locale, province) : t("export.national"));
}
