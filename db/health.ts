import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "./client";

/** A round trip to the database: true when it answers a query. */
export function databaseAnswers(db: Db): boolean {
  try {
    return db.get<{ ok: number }>(sql`select 1 as ok`)?.ok === 1;
  } catch {
    return false;
  }
}
