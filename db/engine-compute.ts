import "server-only";
import type { Db } from "./client";
import { loadEngineInput } from "./engine-data";
import { GLOBAL_SCOPE, readVersions } from "./engine-versions";
import { latestFlagReviews } from "./flag-reviews";
import { getThresholds } from "./thresholds";
import { readTransaction } from "./transaction";
import { asOfCutoff } from "@/lib/domain/as-of";
import { runPartition, splitByProvince, type EnginePartition } from "@/lib/domain/engine-partition";

/** What to compute: some provinces (or all of them, `provinces: null`) now or as of a past close. */
export interface EngineJob {
  today: string;
  reportingStart: string;
  asOf: string | null;
  provinces: string[] | null;
}

/** One computed partition and the version of its scope it was computed from. */
export interface ComputedPartition {
  partition: EnginePartition;
  version: number;
}

/** What every partition of a job shares: the global version, thresholds and flag reviews it read. */
export interface JobSummary {
  global: number;
  /** Every province, when the job computed all of them. */
  provinces: string[] | null;
  thresholds: ReturnType<typeof getThresholds>;
  reviews: ReturnType<typeof latestFlagReviews>;
  computedAt: string;
}

/**
 * Runs a job in one read transaction, so the versions read belong to the rows read: a write committed
 * meanwhile bumps a version this job did not see, and the read model computes that partition again.
 * Each partition is handed to `emit` as soon as it is done (the worker posts it, one message each, so
 * the main thread deserializes one province at a time). A past close uses the scopes' past versions.
 */
export function computeJob(db: Db, job: EngineJob, emit: (computed: ComputedPartition) => void): JobSummary {
  return readTransaction(db, () => {
    const versions = readVersions(db);
    const versionOf = (scope: string) => {
      const v = versions.get(scope);
      return v === undefined ? 0 : job.asOf === null ? v.version : v.past;
    };
    const thresholds = getThresholds(db);
    const cutoff = job.asOf === null ? undefined : asOfCutoff(job.asOf);
    const today = job.asOf ?? job.today;
    let provinces: string[] | null = null;
    if (job.provinces === null) {
      const parts = splitByProvince(loadEngineInput(db, job.reportingStart, cutoff));
      provinces = [...parts.keys()];
      for (const [code, input] of parts) emit({ partition: runPartition(code, input, today, thresholds), version: versionOf(code) });
    } else {
      for (const code of job.provinces) emit({ partition: runPartition(code, loadEngineInput(db, job.reportingStart, cutoff, code), today, thresholds), version: versionOf(code) });
    }
    return { global: versionOf(GLOBAL_SCOPE), provinces, thresholds, reviews: latestFlagReviews(db, cutoff), computedAt: new Date().toISOString() };
  });
}
