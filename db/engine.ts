import { max } from "drizzle-orm";
import type { Db } from "./client";
import { loadEngineInput } from "./engine-data";
import { latestFlagReviews } from "./flag-reviews";
import { auditLog } from "./schema";
import { getThresholds } from "./thresholds";
import { runEngine } from "@/lib/domain/engine";

/** The engine over the whole database on `today` under the stored thresholds, with the latest review of each flag. */
export function computeEngine(db: Db, today: string, reportingStart: string) {
  const thresholds = getThresholds(db);
  const result = runEngine(loadEngineInput(db, reportingStart), today, thresholds);
  return { ...result, thresholds, reviews: latestFlagReviews(db) };
}
export type EngineSnapshot = ReturnType<typeof computeEngine>;

let cached: { db: Db; key: string; snapshot: EngineSnapshot } | undefined;

/**
 * computeEngine, reused while nothing it reads has changed. Every write the engine depends on (centres,
 * milestones, updates, targets, calendars, thresholds, flag reviews) commits together with an audit
 * entry, so the newest audit id and the date are a complete version stamp; a page then costs one
 * primary-key lookup instead of a pass over all data. Bulk loads (`db:seed -- --scale`) write their own
 * audit entry last, so a running server sees them once they finish.
 */
export function computeEngineCached(db: Db, today: string, reportingStart: string): EngineSnapshot {
  const stamp = db.select({ id: max(auditLog.id) }).from(auditLog).get()?.id ?? 0;
  const key = `${today}|${reportingStart}|${stamp}`;
  if (cached?.db === db && cached.key === key) return cached.snapshot;
  const snapshot = computeEngine(db, today, reportingStart);
  cached = { db, key, snapshot };
  return snapshot;
}
