import "server-only";
import { asc, desc, eq, gt, sql } from "drizzle-orm";
import { entryHash, verifyChain, type ChainEntry, type ChainResult } from "@/lib/audit/chain";
import { auditLog } from "./schema";
import type { Tx } from "./audit";
import type { Db } from "./client";
import { writeTransaction, readTransaction } from "./transaction";

// Reading, verifying and (once) sealing the audit log's hash chain. Entries are read a page at a time so
// a long log never has to fit in memory.

const PAGE_SIZE = 1000;

function* auditEntries(db: Tx | Db): Generator<ChainEntry> {
  let afterId = 0;
  for (;;) {
    const page = db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(PAGE_SIZE).all();
    yield* page;
    if (page.length < PAGE_SIZE) return;
    afterId = page[page.length - 1]!.id;
  }
}

/** Walks the whole chain inside one read transaction, so writers in other processes see one snapshot. */
export function verifyAuditChain(db: Db): ChainResult {
  return readTransaction(db, (tx) => verifyChain(auditEntries(tx)));
}

/**
 * Runs `change` with the append-only triggers lifted, all in one transaction: they are read from the
 * schema, dropped and created again from the same SQL, so no other statement ever sees them missing.
 * For the one-time sealing below, and for tests that tamper with the log on purpose.
 */
export function withoutAuditGuard<T>(db: Db, change: (tx: Tx) => T): T {
  return writeTransaction(db, (tx) => {
    const triggers = tx.all<{ name: string; sql: string }>(sql`select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'`);
    for (const trigger of triggers) tx.run(sql`drop trigger ${sql.identifier(trigger.name)}`);
    const result = change(tx);
    // sql.raw is safe here: the text is the trigger's own CREATE statement as SQLite stored it from our
    // migration (sqlite_master), never anything a user sent.
    for (const trigger of triggers) tx.run(sql.raw(trigger.sql));
    return result;
  });
}

/**
 * Chains the entries written before the chain existed (hash null), in id order, after migrations run.
 * Only the newest entry is read when there is nothing to seal, since new entries are written sealed.
 * Returns how many entries it sealed.
 */
export function sealAuditChain(db: Db): number {
  const newest = db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  if (!newest || newest.hash !== null) return 0;
  return withoutAuditGuard(db, (tx) => {
    let prevHash: string | null = null;
    let sealed = 0;
    for (const entry of auditEntries(tx)) {
      if (entry.hash === null) {
        const hash = entryHash({ ...entry, prevHash });
        tx.update(auditLog).set({ prevHash, hash }).where(eq(auditLog.id, entry.id)).run();
        entry.hash = hash;
        sealed += 1;
      }
      prevHash = entry.hash;
    }
    return sealed;
  });
}
