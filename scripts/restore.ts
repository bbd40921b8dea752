// `npm run restore -- --from DIR`: checks the backup in DIR (manifest checksums, integrity_check, a
// migration level this code knows) and that nothing has the database open, then replaces DATABASE_PATH
// and EVIDENCE_PATH, keeping what was there as *.before-restore. Stop the server first. On refusal
// nothing changes and the exit code is 1. The next `npm start` migrates the restored database.
import { parseArgs } from "node:util";
import { restoreBackup } from "@/db/restore";
import { BackupRefused } from "@/lib/backup/manifest";
import { env } from "@/lib/env";

const USAGE = "usage: npm run restore -- --from DIR";

function main(): void {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { from: { type: "string" } }, strict: true });
  if (values.from === undefined) throw new TypeError("--from is required");
  restoreBackup({ databasePath: env.DATABASE_PATH, evidencePath: env.EVIDENCE_PATH }, values.from);
  console.log(`restored ${env.DATABASE_PATH} and ${env.EVIDENCE_PATH} from ${values.from}; the previous ones are kept as *.before-restore`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof BackupRefused ? `restore refused: ${error.message}` : error instanceof TypeError ? `${error.message}\n${USAGE}` : error);
  process.exitCode = 1;
}
