import "server-only";
import type { Db } from "@/db/client";
import { listProvinceOptions } from "@/db/provinces";
import { measureValue, provinceDashboardRows, sortProvinceRows, type ProvinceDashboardRow, type SortKey } from "@/lib/domain/dashboard";
import type { Actor } from "@/lib/domain/permissions";
import { isSuppressed } from "@/lib/domain/risk/flag-review";
import type { OverviewView } from "@/lib/validation/overview";
import { defaultDisciplinePeriod, disciplinePeriodChoices, type ProvinceDiscipline } from "@/lib/domain/reporting-discipline";
import { chinaToday } from "@/lib/domain/china-time";
import { env } from "@/lib/env";
import { disciplineReport } from "../discipline/discipline-report";
import { flagsInScope, getEngine } from "../engine";

/** The overview lists the most severe open flags; the flag list has the rest. */
export const TOP_FLAGS = 25;

export interface OverviewProvince extends ProvinceDashboardRow {
  nameZh: string;
  nameEn: string;
  shortZh: string;
  /** A province with no centre and no target: on the map, not in the table. */
  empty: boolean;
  /** Reporting in the latest ended quarter (monthly provinces over its months); undefined when none has ended. */
  reporting: ProvinceDiscipline | undefined;
}

/** What the overview page and its CSV export show: every province's row, the table's rows filtered and ordered. */
export async function overviewFigures(db: Db, actor: Actor, view: OverviewView, asOf: string | undefined) {
  const engine = await getEngine(asOf);
  const flags = flagsInScope(engine, actor);
  const open = flags.filter((f) => !isSuppressed(f.state));
  const openKeys = new Set(open.map((f) => f.flag.key));
  const names = listProvinceOptions(db);
  const rows = provinceDashboardRows(
    engine,
    names.map((p) => p.code),
    (flag) => openKeys.has(flag.key),
  );
  // "Reporting on time this period": the latest quarter that has ended by the day shown.
  const reportingPeriod = defaultDisciplinePeriod(disciplinePeriodChoices(env.REPORTING_START, asOf ?? chinaToday()));
  const reporting = new Map((reportingPeriod === undefined ? [] : disciplineReport(db, "all", reportingPeriod, asOf).report.provinces).map((p) => [p.provinceCode, p]));
  const provinces: OverviewProvince[] = rows.map((row, i) => ({ ...row, ...names[i]!, empty: row.completion.centres === 0 && row.targets.targets === 0, reporting: reporting.get(row.code) }));
  const query = view.q?.toLowerCase();
  const listed = provinces.filter(
    (p) => !p.empty && (query === undefined || `${p.nameZh} ${p.nameEn}`.toLowerCase().includes(query)) && (view.show === "all" || p.targets.atRisk > 0 || p.redFlags > 0),
  );
  return { engine, open, provinces, reportingPeriod, rows: sortProvinceRows(listed, sortValue(view.sort), view.dir) };
}

function sortValue(key: SortKey): (p: OverviewProvince) => number | string | null {
  switch (key) {
    case "name":
      return (p) => p.code;
    case "completion":
      return (p) => measureValue(p, "completion");
    case "target_progress":
      return (p) => p.targetProgressPct;
    case "schedule_index":
      return (p) => p.scheduleIndex;
    case "at_risk":
      return (p) => p.targets.atRisk;
    case "investment":
      return (p) => p.investment.executedPctOfPlanned;
    case "red_flags":
      return (p) => p.redFlags;
    case "on_time":
      return (p) => p.reporting?.timeliness ?? null;
  }
}
