import "server-only";
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { BackupRefused, checkFiles, copyDurably, EVIDENCE_FOLDER, fsyncPath, readManifest } from "@/lib/backup/manifest";
import { codeMigrationLevel, inspectDatabase, type BackupPaths, type MigrationLevel } from "./backup";

// `npm run restore`: puts a backup's database and evidence files back. Every check runs before anything
// is touched, so a refusal changes nothing. The server must be stopped first; an exclusive-lock attempt
// refuses while any connection has the database open, but cannot stop one from opening afterwards.

export const BEFORE_RESTORE = ".before-restore";
const TEMP = ".restore-tmp";

/**
 * Refuses while any other connection has the database open. A connection in WAL mode holds a shared
 * lock on the file for as long as it is open, so an exclusive lock is only granted when none is. The
 * last connection to close folds the WAL into the file and removes it, so the file stands alone after.
 */
function assertNotInUse(databasePath: string): void {
  if (!fs.existsSync(databasePath)) return;
  const probe = new Database(databasePath, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.exec("BEGIN EXCLUSIVE; COMMIT");
  } catch {
    throw new BackupRefused(`${databasePath} is in use: stop the server (and any npm run job) first`);
  } finally {
    probe.close();
  }
  for (const side of ["-wal", "-shm"]) {
    if (fs.existsSync(databasePath + side)) throw new BackupRefused(`${databasePath}${side} is still there: is the database in use?`);
  }
}

function assertNotNewer(backup: MigrationLevel, code: MigrationLevel): void {
  if ((backup.latest ?? 0) > (code.latest ?? 0) || backup.count > code.count) {
    throw new BackupRefused(`the backup has ${backup.count} migrations, newer than this code's ${code.count}: restore it with the version that made it`);
  }
}

/** Checks the backup in `from`, then puts it in place; the files it replaces are kept as *.before-restore. */
export function restoreBackup({ databasePath, evidencePath }: BackupPaths, from: string, code = codeMigrationLevel()): void {
  const manifest = readManifest(from);
  const problems = checkFiles(from, manifest);
  if (problems.length > 0) throw new BackupRefused(`the backup does not match its manifest:\n  ${problems.join("\n  ")}`);
  const copy = path.join(from, manifest.database);
  const checked = inspectDatabase(copy);
  if (checked.integrity !== "ok") throw new BackupRefused(`the backup's database failed integrity_check: ${checked.integrity}`);
  assertNotNewer(checked.migrations, code);
  assertNotInUse(databasePath);

  const tempDatabase = databasePath + TEMP;
  const tempEvidence = evidencePath + TEMP;
  try {
    fs.rmSync(tempDatabase, { force: true });
    fs.rmSync(tempEvidence, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(path.resolve(databasePath)), { recursive: true });
    copyDurably(copy, tempDatabase);
    fs.mkdirSync(tempEvidence, { recursive: true });
    for (const file of manifest.files.filter((f) => f.name.startsWith(`${EVIDENCE_FOLDER}/`))) {
      copyDurably(path.join(from, file.name), path.join(tempEvidence, path.basename(file.name)));
    }
    fsyncPath(tempEvidence);
  } catch (error) {
    fs.rmSync(tempDatabase, { force: true });
    fs.rmSync(tempEvidence, { recursive: true, force: true });
    throw error;
  }

  // The old database keeps its inode under the new name (a hard link), and the rename replaces the live
  // name in one step: there is no moment without a database file.
  if (fs.existsSync(databasePath)) {
    fs.rmSync(databasePath + BEFORE_RESTORE, { force: true });
    fs.linkSync(databasePath, databasePath + BEFORE_RESTORE);
  }
  fs.renameSync(tempDatabase, databasePath);
  fsyncPath(path.dirname(path.resolve(databasePath)));
  if (fs.existsSync(evidencePath)) {
    fs.rmSync(evidencePath + BEFORE_RESTORE, { recursive: true, force: true });
    fs.renameSync(evidencePath, evidencePath + BEFORE_RESTORE);
  }
  fs.renameSync(tempEvidence, evidencePath);
  fsyncPath(path.dirname(path.resolve(evidencePath)));
}
