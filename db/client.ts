import "server-only";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import { sealAuditChain } from "./audit-chain";
import * as schema from "./schema";
import { env } from "@/lib/env";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Opens (creating its folder if needed) an SQLite file with the pragmas every connection needs. */
export function openDatabase(filePath: string): Db {
  if (filePath !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const sqlite = new Database(filePath);
  sqlite.pragma("journal_mode = WAL");
  // FULL: an acknowledged write survives power loss, not only a process crash.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema }) as Db;
}

/** Applies committed migrations, then chains any audit entries written before the chain existed. */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  sealAuditChain(db);
}

// One connection per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { trackerDb?: Db };

export function getDb(): Db {
  globalForDb.trackerDb ??= openDatabase(env.DATABASE_PATH);
  return globalForDb.trackerDb;
}

/**
 * Makes `db` the process's connection: for tests, which run use cases against a fresh file, and for
 * scripts that open a file of their own. Returns a function that puts the previous one back.
 */
export function useDatabase(db: Db): () => void {
  const previous = globalForDb.trackerDb;
  globalForDb.trackerDb = db;
  return () => {
    globalForDb.trackerDb = previous;
  };
}
