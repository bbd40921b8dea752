import "server-only";
import Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import fs from "node:fs";
import path from "node:path";
import { BackupRefused, copyDurably, describeFile, EVIDENCE_FOLDER, fsyncPath, isSafeFileName, writeManifest, type Manifest } from "@/lib/backup/manifest";

// `npm run backup`: an online copy of the database and the evidence files, checked and listed in a
// manifest. Safe while the server runs: VACUUM INTO reads one snapshot inside a single read transaction,
// and in WAL mode writers go on committing meanwhile (unlike the page-by-page backup API, which starts
// over whenever another connection writes).

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export type MigrationLevel = Manifest["migrations"];

/** The migrations this code ships: a database beyond them was written by newer code. */
export function codeMigrationLevel(): MigrationLevel {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  return { count: migrations.length, latest: migrations.at(-1)?.folderMillis ?? null };
}

/** "ok", or what is wrong; damage to the schema pages makes the check itself fail, which counts too. */
function integrityReport(sqlite: Database.Database): string {
  try {
    const rows = sqlite.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join("; ");
  } catch (error) {
    return (error as Error).message;
  }
}

/** Opens a database file read-only for checks; it must be a migrated tracker database. */
export function inspectDatabase(file: string): { integrity: string; migrations: MigrationLevel; auditHead: Manifest["auditHead"] } {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const report = integrityReport(sqlite);
    if (report !== "ok") return { integrity: report, migrations: { count: 0, latest: null }, auditHead: null };
    const hasJournal = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    if (!hasJournal) throw new BackupRefused(`${file} is not a tracker database (no migration journal)`);
    const level = sqlite.prepare("select count(*) as count, max(created_at) as latest from __drizzle_migrations").get() as { count: number; latest: number | null };
    const head = sqlite.prepare("select id, hash from audit_log order by id desc limit 1").get() as { id: number; hash: string | null } | undefined;
    return { integrity: report, migrations: { count: level.count, latest: level.latest === null ? null : Number(level.latest) }, auditHead: head ?? null };
  } catch (error) {
    if (error instanceof BackupRefused) throw error;
    throw new BackupRefused(`${file} could not be read as a database: ${(error as Error).message}`);
  } finally {
    sqlite.close();
  }
}

export interface BackupPaths {
  databasePath: string;
  evidencePath: string;
}

/**
 * Writes a backup into `outDir` (created; refused if it holds anything) and returns its manifest. A
 * backup that fails half-way is removed again, so no folder without a manifest is left to be mistaken
 * for one (restore would refuse it anyway).
 */
export function createBackup(paths: BackupPaths, outDir: string, now = new Date()): Manifest {
  if (!fs.existsSync(paths.databasePath)) throw new BackupRefused(`${paths.databasePath} not found`);
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new BackupRefused(`${outDir} is not empty`);
  try {
    return writeBackup(paths, outDir, now);
  } catch (error) {
    for (const name of fs.existsSync(outDir) ? fs.readdirSync(outDir) : []) fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
    throw error;
  }
}

function writeBackup({ databasePath, evidencePath }: BackupPaths, outDir: string, now: Date): Manifest {
  fs.mkdirSync(path.join(outDir, EVIDENCE_FOLDER), { recursive: true });
  const database = path.basename(databasePath);
  const copy = path.join(outDir, database);

  const source = new Database(databasePath, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    source.prepare("vacuum into ?").run(copy);
  } finally {
    source.close();
  }
  // A self-contained file: no -wal beside it to lose or to pair with the wrong copy.
  const writable = new Database(copy);
  writable.pragma("journal_mode = DELETE");
  writable.close();
  fsyncPath(copy);
  const checked = inspectDatabase(copy);
  if (checked.integrity !== "ok") throw new BackupRefused(`the copy failed integrity_check: ${checked.integrity}`);

  // Evidence files are written before their rows commit, so copying them after the snapshot finds every
  // file it refers to (one uploaded since is an unreferenced extra), unless it was deleted in between:
  // then it is missing from the copy, as a deleted file is. Only names the store generates are copied.
  const evidence = fs.existsSync(evidencePath) ? fs.readdirSync(evidencePath, { withFileTypes: true }).filter((e) => e.isFile() && isSafeFileName(e.name)) : [];
  for (const entry of evidence) copyDurably(path.join(evidencePath, entry.name), path.join(outDir, EVIDENCE_FOLDER, entry.name));
  fsyncPath(path.join(outDir, EVIDENCE_FOLDER));

  const manifest: Manifest = {
    format: 1,
    createdAt: now.toISOString(),
    database,
    integrityCheck: "ok",
    migrations: checked.migrations,
    auditHead: checked.auditHead,
    files: [database, ...evidence.map((e) => `${EVIDENCE_FOLDER}/${e.name}`).sort()].map((name) => describeFile(outDir, name)),
  };
  writeManifest(outDir, manifest);
  return manifest;
}
