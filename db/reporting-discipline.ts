import "server-only";
import { and, asc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "./client";
import { rowsAsOf } from "./engine-data";
import { auditLog, centres, provinces, reportingCalendars, updateApprovals, updates } from "./schema";
import { DEFAULT_CALENDAR, type Calendar } from "@/lib/domain/periods";
import type { DisciplineCentre, UpdateEvent, UpdateHistory } from "@/lib/domain/reporting-discipline";

export interface DisciplineData {
  /** The provinces in scope with their calendar (the default where none is stored), in code order. */
  provinces: { code: string; nameZh: string; nameEn: string; calendar: Calendar }[];
  centres: (DisciplineCentre & { name: string })[];
}

const WORKFLOW_ACTIONS: UpdateEvent["action"][] = ["submit", "return", "reopen"];

/**
 * The event lists the reporting-discipline rule reads, for the centres in `scope` ("all" or one province
 * code) and the given period codes, as they stood just before `cutoff` (an ISO instant): centres
 * registered before it, with the start date they had then (later edits undone from the audit log, as the
 * engine does); each update's submit, return and reopen entries from the audit log and its approvals
 * (update_approvals) made before it. Calendars are current, as in the engine.
 */
export function loadReportingDiscipline(db: Db, { scope, periods, cutoff }: { scope: "all" | string; periods: readonly string[]; cutoff: string }): DisciplineData {
  const inScope = (column: typeof centres.provinceCode | typeof provinces.code): SQL | undefined => (scope === "all" ? undefined : eq(column, scope));
  const provinceRows = db
    .select({ code: provinces.code, nameZh: provinces.nameZh, nameEn: provinces.nameEn, cadence: reportingCalendars.cadence, dueDays: reportingCalendars.dueDays, graceDays: reportingCalendars.graceDays })
    .from(provinces)
    .leftJoin(reportingCalendars, eq(reportingCalendars.provinceCode, provinces.code))
    .where(inScope(provinces.code))
    .orderBy(asc(provinces.code))
    .all();

  const registered = and(inScope(centres.provinceCode), lt(centres.createdAt, cutoff));
  const centreRows = db
    .select({ id: centres.id, name: centres.name, provinceCode: centres.provinceCode, startDate: centres.startDate })
    .from(centres)
    .where(registered)
    .orderBy(asc(centres.provinceCode), asc(centres.name))
    .all();
  const startDates = startDatesAt(db, cutoff);

  const histories = new Map<string, { centreId: string; period: string; history: { events: UpdateEvent[]; approvals: UpdateHistory["approvals"][number][] } }>();
  if (periods.length > 0) {
    const ofPeriods = and(registered, inArray(updates.period, [...periods]));
    const updateRows = db
      .select({ id: updates.id, centreId: updates.centreId, period: updates.period, submittedAt: updates.submittedAt })
      .from(updates)
      .innerJoin(centres, eq(centres.id, updates.centreId))
      .where(ofPeriods)
      .all();
    for (const u of updateRows) histories.set(u.id, { centreId: u.centreId, period: u.period, history: { events: [], approvals: [] } });

    const eventRows = db
      .select({ updateId: auditLog.entityId, action: auditLog.action, at: auditLog.at })
      .from(auditLog)
      .innerJoin(updates, eq(updates.id, auditLog.entityId))
      .innerJoin(centres, eq(centres.id, updates.centreId))
      .where(and(ofPeriods, eq(auditLog.entity, "update"), inArray(auditLog.action, WORKFLOW_ACTIONS), lt(auditLog.at, cutoff)))
      .orderBy(asc(auditLog.id))
      .all();
    for (const e of eventRows) histories.get(e.updateId)?.history.events.push({ action: e.action as UpdateEvent["action"], at: e.at });

    // Rows written without the workflow (the synthetic benchmark set) have no audit entries: their
    // stored submission time stands in for the first submission.
    for (const u of updateRows) {
      const h = histories.get(u.id)!.history;
      if (u.submittedAt !== null && u.submittedAt < cutoff && !h.events.some((e) => e.action === "submit")) h.events.unshift({ action: "submit", at: u.submittedAt });
    }

    const approvalRows = db
      .select({ updateId: updateApprovals.updateId, approvedAt: updateApprovals.approvedAt, withdrawnAt: updateApprovals.withdrawnAt })
      .from(updateApprovals)
      .innerJoin(centres, eq(centres.id, updateApprovals.centreId))
      .where(and(registered, inArray(updateApprovals.period, [...periods]), lt(updateApprovals.approvedAt, cutoff)))
      .all();
    for (const a of approvalRows) histories.get(a.updateId)?.history.approvals.push({ approvedAt: a.approvedAt, withdrawnAt: a.withdrawnAt });
  }

  const updatesOf = new Map<string, Map<string, UpdateHistory>>();
  for (const { centreId, period, history } of histories.values()) {
    let byPeriod = updatesOf.get(centreId);
    if (!byPeriod) updatesOf.set(centreId, (byPeriod = new Map()));
    byPeriod.set(period, history);
  }

  return {
    provinces: provinceRows.map(({ code, nameZh, nameEn, cadence, dueDays, graceDays }) => ({
      code,
      nameZh,
      nameEn,
      calendar: cadence === null || dueDays === null || graceDays === null ? DEFAULT_CALENDAR : { cadence, dueDays, graceDays },
    })),
    centres: centreRows.map((c) => ({ ...c, startDate: startDates.get(c.id) ?? c.startDate, updates: updatesOf.get(c.id) ?? new Map() })),
  };
}

/** Each centre's start date as it stood at `cutoff` (later edits undone, as in the engine's as-of view). */
function startDatesAt(db: Db, cutoff: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const [centreId, before] of rowsAsOf(db, "centre", cutoff)) if (typeof before.startDate === "string") result.set(centreId, before.startDate);
  return result;
}
