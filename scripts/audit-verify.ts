// `npm run audit:verify`: walks the audit log's hash chain in DATABASE_PATH. Prints OK with the number of
// entries and the newest hash (keep it: the chain alone cannot show that the newest entries were cut off),
// or the first broken link and exits 1. It only reads: a database from before the chain must be migrated
// (which seals its entries) first.
import { verifyAuditChain } from "@/db/audit-chain";
import { getDb } from "@/db/client";

function main(): void {
  const result = verifyAuditChain(getDb());
  if (result.ok) {
    console.log(`audit chain OK: ${result.count} entries${result.head ? `, newest #${result.head.id} ${result.head.hash}` : ""}`);
    return;
  }
  console.error(`audit chain BROKEN at entry #${result.id} (${result.count} entries before it are intact)`);
  console.error(`  ${result.field} expected: ${result.expected ?? "(none)"}`);
  console.error(`  ${result.field} stored:   ${result.stored ?? "(none)"}`);
  process.exitCode = 1;
}

try {
  main();
} catch (error) {
  console.error(`audit:verify could not read the audit log: ${(error as Error).message}\n(a database from an older version needs \`npm run db:migrate\` first)`);
  process.exitCode = 2;
}
