import type { DisciplineData } from "@/db/reporting-discipline";
import type { DisciplineFigures, DisciplineReport } from "@/lib/domain/reporting-discipline";
import { pct1 } from "./present";
import type { Reporting } from "./schemas";

function figures(f: DisciplineFigures) {
  return {
    expected: f.expected,
    reported: f.reported,
    approved: f.approved,
    onTime: f.onTime,
    overdue: f.overdue,
    completenessPct: pct1(f.completeness),
    timelinessPct: pct1(f.timeliness),
  };
}

/** Reporting discipline for one period as the API gives it: every province in scope, the total, the overdue centres. */
export function reportingBody(period: string, { data, report }: { data: DisciplineData; report: DisciplineReport }): Omit<Reporting, "asOf" | "today"> {
  const provinces = new Map(data.provinces.map((p) => [p.code, p]));
  const centreNames = new Map(data.centres.map((c) => [c.id, c.name]));
  return {
    period,
    provinces: report.provinces.map((row) => {
      const province = provinces.get(row.provinceCode);
      return {
        provinceCode: row.provinceCode,
        nameZh: province?.nameZh ?? row.provinceCode,
        nameEn: province?.nameEn ?? row.provinceCode,
        cadence: row.cadence,
        centres: row.centres,
        periods: [...row.periods],
        ...figures(row),
      };
    }),
    total: figures(report.total),
    overdue: report.overdue.map((o) => ({
      centreId: o.centreId,
      centreName: centreNames.get(o.centreId) ?? o.centreId,
      provinceCode: o.provinceCode,
      period: o.period,
      dueDate: o.dueDate,
      daysLate: o.daysLate,
    })),
  };
}

/** Before any period has ended there is nothing to count. */
export const NO_REPORTING_PERIOD: Omit<Reporting, "asOf" | "today"> = { period: null, provinces: [], total: null, overdue: [] };
