// `npm run backup -- [--out DIR]`: an online copy of DATABASE_PATH and EVIDENCE_PATH, safe while the
// server runs. DIR defaults to backups/<UTC time> beside the database; it must be new or empty.
// Prints the folder on stdout (`DIR=$(npm run -s backup)`); refusals on stderr, exit 1.
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup } from "@/db/backup";
import { BackupRefused } from "@/lib/backup/manifest";
import { env } from "@/lib/env";

const USAGE = "usage: npm run backup -- [--out DIR]";

function main(): void {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { out: { type: "string" } }, strict: true });
  const now = new Date();
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const outDir = values.out ?? path.join(path.dirname(path.resolve(env.DATABASE_PATH)), "backups", stamp);
  const manifest = createBackup({ databasePath: env.DATABASE_PATH, evidencePath: env.EVIDENCE_PATH }, outDir, now);
  console.error(`backup OK: ${manifest.files.length - 1} evidence files, ${manifest.migrations.count} migrations, integrity_check ok`);
  console.log(outDir);
}

try {
  main();
} catch (error) {
  console.error(error instanceof BackupRefused ? `backup refused: ${error.message}` : error instanceof TypeError ? `${error.message}\n${USAGE}` : error);
  process.exitCode = 1;
}
