import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getProvince } from "@/db/provinces";
import { getCurrentUser } from "@/lib/auth/current-user";
import { chinaToday } from "@/lib/domain/china-time";
import { provinceDashboardRows } from "@/lib/domain/dashboard";
import { parsePeriod } from "@/lib/domain/periods";
import { canReadProvince } from "@/lib/domain/permissions";
import { disciplinePeriodChoices, periodChoiceRefusal } from "@/lib/domain/reporting-discipline";
import { isSuppressed } from "@/lib/domain/risk/flag-review";
import { env } from "@/lib/env";
import { quarterlyReportSheets, quarterName } from "@/lib/export/report";
import { workbookResponse, type Translate } from "@/lib/export/table";
import { localeOrDefault, localName } from "@/lib/i18n/locale";
import { firstValues } from "@/lib/validation/fields";
import { disciplineReport } from "@/app/_lib/discipline";
import { refuse, refusalResponse } from "@/app/_lib/export-route";
import { subjectNames } from "@/lib/use-cases/engine";
import { provinceModel } from "../province-model";

export const dynamic = "force-dynamic";

const ROUTE = "/provinces/[code]/report";

/** An ended quarter since reporting began (the latest by default), and the one format a report comes in. */
const reportQuerySchema = (today: string) =>
  z.object({
    quarter: z
      .string()
      .superRefine((code, ctx) => {
        const refusal = parsePeriod(code)?.cadence === "quarterly" ? periodChoiceRefusal(code, today, env.REPORTING_START) : "periodUnknown";
        if (refusal) ctx.addIssue({ code: "custom", message: refusal });
      })
      .optional(),
    format: z.literal("xlsx").default("xlsx"),
  });

/**
 * A province's quarterly status report as an XLSX workbook: the figures as they stood at the end of the
 * quarter (the dashboards' "as of" view of that day), and the quarter's reporting counted to today,
 * since its updates fall due after the quarter ends.
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const { code } = await params;
  const province = getProvince(getDb(), code);
  if (!province) return refusalResponse(refuse.notFound(), user, ROUTE);
  if (!canReadProvince(user, code)) return refusalResponse(refuse.forbidden("province_scope", code), user, ROUTE, request);
  const today = chinaToday();
  const parsed = reportQuerySchema(today).safeParse(firstValues(Object.fromEntries(new URL(request.url).searchParams), ["quarter", "format"]));
  if (!parsed.success) return refusalResponse(refuse.invalid(String(parsed.error.issues[0]?.path[0] ?? ""), parsed.error.issues[0]?.message ?? "invalid"), user, ROUTE);
  const quarterCode = parsed.data.quarter ?? disciplinePeriodChoices(env.REPORTING_START, today).quarters[0];
  if (quarterCode === undefined) return refusalResponse(refuse.notFound(), user, ROUTE);
  const quarter = parsePeriod(quarterCode)!;

  const t: Translate = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const provinceName = localName(locale, province);
  const { engine, targets, allCentres, flags, openWarnings } = await provinceModel(user, code, {}, quarter.end);
  const open = flags.filter((f) => !isSuppressed(f.state));
  const openKeys = new Set(open.map((f) => f.flag.key));
  const { data, report } = disciplineReport(code, quarter.code);
  const sheets = quarterlyReportSheets(t, locale, {
    provinceName,
    quarter,
    today,
    figures: provinceDashboardRows(engine, [code], (flag) => openKeys.has(flag.key))[0]!,
    targets: targets.map((target) => ({ ...target, result: engine.targets.get(target.id)! })),
    centres: allCentres.map((c) => {
      const result = engine.centres.get(c.id)!;
      return { ...c, result, openFlags: openWarnings(result.flags) };
    }),
    flags: open,
    flagNames: subjectNames(open, locale),
    discipline: report.provinces.find((p) => p.provinceCode === code && p.centres > 0),
    overdue: report.overdue,
    centreNames: new Map(data.centres.map((c) => [c.id, c.name])),
  });
  return workbookResponse(sheets, t("report.file", { province: provinceName, quarter: quarterName(quarter, locale) }));
}
