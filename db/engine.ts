import type { Db } from "./client";
import { loadEngineInput } from "./engine-data";
import { latestFlagReviews } from "./flag-reviews";
import { getThresholds } from "./thresholds";
import { runEngine } from "@/lib/domain/engine";

/** The engine over the whole database on `today` under the stored thresholds, with the latest review of each flag. */
export function computeEngine(db: Db, today: string, reportingStart: string) {
  const thresholds = getThresholds(db);
  const result = runEngine(loadEngineInput(db, reportingStart), today, thresholds);
  return { ...result, thresholds, reviews: latestFlagReviews(db) };
}
export type EngineSnapshot = ReturnType<typeof computeEngine>;
