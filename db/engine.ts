import { max } from "drizzle-orm";
import type { Db } from "./client";
import { loadEngineInput } from "./engine-data";
import { latestFlagReviews } from "./flag-reviews";
import { auditLog } from "./schema";
import { getThresholds } from "./thresholds";
import { asOfCutoff } from "@/lib/domain/as-of";
import { runEngine } from "@/lib/domain/engine";

/**
 * The engine over the whole database on `today` under the stored thresholds, with the latest review of
 * each flag. With `asOf` (a past day), the figures as they stood at the end of that day: `today` is
 * that day, and only records, approvals and flag reviews made by then count (thresholds are today's).
 */
export function computeEngine(db: Db, today: string, reportingStart: string, asOf?: string) {
  const thresholds = getThresholds(db);
  const cutoff = asOf === undefined ? undefined : asOfCutoff(asOf);
  const result = runEngine(loadEngineInput(db, reportingStart, cutoff), asOf ?? today, thresholds);
  return { ...result, thresholds, reviews: latestFlagReviews(db, cutoff), asOf: asOf ?? null };
}
export type EngineSnapshot = ReturnType<typeof computeEngine>;

/** Snapshots kept: the current one and a few "as of" views; the least recently computed goes first. */
const MAX_CACHED = 4;
let cache: { db: Db; entries: Map<string, { stamp: number; snapshot: EngineSnapshot }> } | undefined;

/**
 * computeEngine, reused while nothing it reads has changed. Every write the engine depends on (centres,
 * milestones, updates, targets, calendars, thresholds, flag reviews) commits together with an audit
 * entry, so the newest audit id and the date are a complete version stamp; a page then costs one
 * primary-key lookup instead of a pass over all data. Bulk loads (`db:seed -- --scale`) write their own
 * audit entry last, so a running server sees them once they finish.
 */
export function computeEngineCached(db: Db, today: string, reportingStart: string, asOf?: string): EngineSnapshot {
  const stamp = auditStamp(db);
  const key = `${today}|${reportingStart}|${asOf ?? "now"}`;
  if (cache?.db !== db) cache = { db, entries: new Map() };
  const hit = cache.entries.get(key);
  if (hit?.stamp === stamp) return hit.snapshot;
  const snapshot = computeEngine(db, today, reportingStart, asOf);
  cache.entries.delete(key);
  cache.entries.set(key, { stamp, snapshot });
  if (cache.entries.size > MAX_CACHED) cache.entries.delete(cache.entries.keys().next().value!);
  return snapshot;
}

/** The newest audit entry's id: changes with every audited write, so it versions anything computed from the data. */
export function auditStamp(db: Db): number {
  return db.select({ id: max(auditLog.id) }).from(auditLog).get()?.id ?? 0;
}
