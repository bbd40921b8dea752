import "server-only";
import type { Db } from "@/db/client";
import { auditStamp } from "@/db/engine";
import { loadReportingDiscipline, type DisciplineData } from "@/db/reporting-discipline";
import { asOfCutoff } from "@/lib/domain/as-of";
import { chinaToday } from "@/lib/domain/china-time";
import { parsePeriod } from "@/lib/domain/periods";
import { countedPeriods, reportingDiscipline, type DisciplineReport } from "@/lib/domain/reporting-discipline";
import { env } from "@/lib/env";

const MAX_CACHED = 8;
// Per database, as the engine's snapshot is: a test's fresh file never sees another file's figures.
const caches = new WeakMap<Db, Map<string, { data: DisciplineData; report: DisciplineReport }>>();

/**
 * Reporting discipline for a scope ("all" or a province) and a period (checked by the caller), now or as
 * of the end of a past day. Kept while no audited write happens (every submission, review and
 * registration is audited) and the day is the same, like the engine's snapshot.
 */
export function disciplineReport(db: Db, scope: "all" | string, periodCode: string, asOf?: string): { data: DisciplineData; report: DisciplineReport } {
  const today = asOf ?? chinaToday();
  const cache = caches.get(db) ?? new Map<string, { data: DisciplineData; report: DisciplineReport }>();
  caches.set(db, cache);
  const key = `${auditStamp(db)}|${scope}|${periodCode}|${today}|${asOf ?? "now"}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const period = parsePeriod(periodCode)!;
  // "As of" a day: only what happened before its end (Beijing) counts; now: everything so far.
  const cutoff = asOf === undefined ? new Date().toISOString() : asOfCutoff(asOf);
  // Every period code any province could be counted over: the chosen one and, for a quarter, its months.
  const periodCodes = [...new Set([...countedPeriods(period, "quarterly"), ...countedPeriods(period, "monthly")].map((p) => p.code))];
  const data = loadReportingDiscipline(db, { scope, periods: periodCodes, cutoff });
  const result = { data, report: reportingDiscipline({ period, today, cutoff, reportingStart: env.REPORTING_START, provinces: data.provinces, centres: data.centres }) };
  cache.set(key, result);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return result;
}
