import "server-only";
// The two ways this app opens a transaction. Every write that reads before it writes (a version check,
// the audit chain's newest entry, "already recorded?") begins IMMEDIATE: it takes SQLite's write lock
// before its first read, so another process's commit can never slip in between and make the read stale.
// A DEFERRED transaction that read first would instead fail with SQLITE_BUSY (its snapshot cannot be
// upgraded to a writer once another connection committed), without waiting on busy_timeout; an immediate
// one waits for the lock (up to busy_timeout) and then sees the newest data. Inside another transaction
// both are savepoints of the outer one. db/transaction.test.ts shows the difference with two connections,
// and a test keeps every `.transaction(` in the source going through this file.
import type { Tx } from "./audit";
import type { Db } from "./client";

/** A transaction that may write: holds the write lock from its first statement to its commit. */
/** A connection or an open transaction: data functions take either, so a use case can run them inside its own transaction. */
export type DbOrTx = Db | Tx;

export function writeTransaction<T>(db: DbOrTx, change: (tx: Tx) => T): T {
  return db.transaction(change, { behavior: "immediate" });
}

/** A read-only transaction: one consistent snapshot; writers in other processes go on meanwhile. */
export function readTransaction<T>(db: DbOrTx, read: (tx: Tx) => T): T {
  return db.transaction(read, { behavior: "deferred" });
}
