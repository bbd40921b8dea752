import { getTranslations, getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { logRefusal } from "@/lib/auth/security-log";
import { measureValue } from "@/lib/domain/dashboard";
import { readableScope } from "@/lib/domain/permissions";
import { CENTRE_STATUSES } from "@/lib/domain/vocabulary";
import { csvDownloadHeaders, csvWithPreamble } from "@/lib/export/csv";
import { localeOrDefault } from "@/lib/i18n/locale";
import { overviewViewSchema, overviewViewValues } from "@/lib/validation/overview";
import { readAsOf } from "@/app/_lib/as-of";
import { overviewModel } from "../overview-model";

export const dynamic = "force-dynamic";

/** The overview's province table as CSV: the same rows, filter and order as the page, raw figures with units in the headers. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "unauthenticated" }, { status: 401 });
  if (readableScope(user) !== "all") {
    logRefusal({ userId: user.id, route: "/overview/export", reason: "national_scope_required" });
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const asOfView = readAsOf(params);
  const view = overviewViewSchema.safeParse(overviewViewValues(params));
  if (asOfView.error || !view.success) {
    const field = asOfView.error ? "asOf" : String(view.error?.issues[0]?.path[0] ?? "");
    return Response.json({ error: "invalid", field, reason: asOfView.error ?? view.error?.issues[0]?.message }, { status: 400 });
  }
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const { engine, rows, reportingPeriod } = overviewModel(user, view.data, asOfView.asOf);
  const preamble = [
    [t("export.scope"), t("export.national")],
    [t("export.asOf"), asOfView.asOf ? t("export.asOfPast", { date: asOfView.asOf }) : t("export.asOfNow", { date: engine.today })],
    [t("export.units"), t("export.unitsNote")],
    [t("export.filter"), `${view.data.q ?? "—"} / ${t(`overview.${view.data.show === "all" ? "showAll" : "showBehind"}`)}`],
  ];
  const header = [
    t("export.columns.code"),
    t("provinces.name"),
    ...CENTRE_STATUSES.map((s) => `${t("export.columns.centres")}：${t(`centreStatuses.${s}`)}`),
    `${t("progress.meanCompletion")}（%）`,
    `${t("overview.measures.target_progress")}（%）`,
    t("overview.measures.schedule_index"),
    t("export.columns.targets"),
    t("targetStandings.met"),
    t("targetStandings.on_track"),
    t("targetStandings.at_risk"),
    t("targetStandings.unmeasured"),
    `${t("export.columns.executed")}（${t("export.yuan")}）`,
    `${t("export.columns.plannedToDate")}（${t("export.yuan")}）`,
    `${t("export.columns.budget")}（${t("export.yuan")}）`,
    `${t("export.columns.executedPct")}（%）`,
    t("overview.redFlags"),
    t("overview.amberFlags"),
    `${t("export.columns.expected")}（${reportingPeriod ?? "—"}）`,
    `${t("export.columns.onTime")}（${reportingPeriod ?? "—"}）`,
    `${t("export.columns.timeliness")}（%）`,
  ];
  const body = rows.map((p) => [
    p.code,
    locale === "zh" ? p.nameZh : p.nameEn,
    ...CENTRE_STATUSES.map((s) => p.centresByStatus[s]),
    measureValue(p, "completion"),
    p.targetProgressPct,
    p.scheduleIndex,
    p.targets.targets,
    p.targets.met,
    p.targets.onTrack - p.targets.met,
    p.targets.atRisk,
    p.targets.unmeasured,
    p.investment.executedYuan,
    p.investment.plannedToDateYuan,
    p.investment.budgetYuan,
    p.investment.executedPctOfPlanned,
    p.redFlags,
    p.amberFlags,
    p.reporting?.expected ?? null,
    p.reporting?.onTime ?? null,
    p.reporting?.timeliness === null || p.reporting === undefined ? null : Math.round(p.reporting.timeliness * 10) / 10,
  ]);
  const name = `${t("export.overviewFile")}-${asOfView.asOf ?? engine.today}.csv`;
  return new Response(csvWithPreamble(preamble, header, body), { headers: csvDownloadHeaders(name) });
}
