// `npm run reminders`: one run of the reminders job (lib/reminders/run.ts). Idempotent: run it every few
// minutes from cron or a systemd timer; a reminder already recorded is never sent again.
import { getDb, migrateDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { reminderJobOptions } from "@/lib/reminders/config";
import { runReminders } from "@/lib/reminders/run";

async function main() {
  const db = getDb();
  // Safe on a database the server already migrated; lets the timer run before the first `npm start`.
  migrateDatabase(db);
  const result = await runReminders(db, reminderJobOptions(env));
  console.log(`reminders: ${result.reminders} new, ${result.queued} mail queued, ${result.sent} sent, ${result.retrying} to retry, ${result.failed} failed`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
