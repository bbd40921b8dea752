import "server-only";
import { max } from "drizzle-orm";
import type { Db } from "./client";
import { loadEngineInput } from "./engine-data";
import { EngineReadModel, type EngineSnapshot } from "./engine-read-model";
import { latestFlagReviews } from "./flag-reviews";
import { auditLog } from "./schema";
import { getThresholds } from "./thresholds";
import { asOfCutoff } from "@/lib/domain/as-of";
import { runEngine } from "@/lib/domain/engine";

export type { EngineSnapshot } from "./engine-read-model";

/**
 * The engine over the whole database in one pass, in-process, on `today` under the stored thresholds,
 * with the latest review of each flag. With `asOf` (a past day), the figures as they stood at the end
 * of that day: `today` is that day, and only records, approvals and flag reviews made by then count
 * (thresholds are today's). Pages read the partitioned read model instead (readEngine); this pass is
 * its reference (tests, scripts, benches).
 */
export function computeEngine(db: Db, today: string, reportingStart: string, asOf?: string): EngineSnapshot {
  const thresholds = getThresholds(db);
  const cutoff = asOf === undefined ? undefined : asOfCutoff(asOf);
  const result = runEngine(loadEngineInput(db, reportingStart, cutoff), asOf ?? today, thresholds);
  return { ...result, thresholds, reviews: latestFlagReviews(db, cutoff), asOf: asOf ?? null, computedAt: new Date().toISOString() };
}

// One read model per connection (a test swaps the process's connection for its own file).
const models = new WeakMap<Db, EngineReadModel>();

/** The read model's snapshot for `db`: served from per-province partitions, rebuilt off the request thread. */
export function readEngine(db: Db, today: string, reportingStart: string, asOf?: string): Promise<EngineSnapshot> {
  let model = models.get(db);
  if (!model) {
    model = new EngineReadModel(db);
    models.set(db, model);
  }
  return model.read(today, reportingStart, asOf);
}

/** The newest audit entry's id: changes with every audited write, so it versions anything computed from the data. */
export function auditStamp(db: Db): number {
  return db.select({ id: max(auditLog.id) }).from(auditLog).get()?.id ?? 0;
}
