import "server-only";
import type { Db } from "./client";
import { count } from "drizzle-orm";
import { centres, engineVersions } from "./schema";

/** The scope every partition reads (thresholds, the province list). */
export const GLOBAL_SCOPE = "*";

/** A scope's stamps: `version` for today's view, `past` for past closes (migration 0015 says which writes move which). */
export interface ScopeVersion {
  version: number;
  past: number;
}

/**
 * Every scope's version, bumped by triggers in the writing transaction (migration 0015), so every
 * process on the database agrees on them. A scope without a row has never been bumped: version 0.
 */
export function readVersions(db: Db): Map<string, ScopeVersion> {
  const rows = db.select().from(engineVersions).all();
  return new Map(rows.map((r) => [r.scope, { version: r.version, past: r.pastVersion }]));
}

/**
 * SQLite's `data_version`: it changes when another connection commits, never for this connection's own
 * commits. A version bump seen while it stands still was made by this process (the read model then
 * lets the next reader wait for the rebuilt partition: read-your-writes).
 */
export function dataVersion(db: Db): number {
  return db.$client.pragma("data_version", { simple: true }) as number;
}

/** How many centres there are: the read model computes small databases in-process. */
export function centreCount(db: Db): number {
  return db.select({ n: count() }).from(centres).get()?.n ?? 0;
}
