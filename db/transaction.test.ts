import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "./client";
import { createTestDb } from "./test-db";
import { readTransaction, writeTransaction } from "./transaction";

// Two real connections on one SQLite file, as the server and `npm run reminders` (or a CLI) are: this
// process's drizzle connection, and a second one in a worker thread, so the worker can wait on the busy
// timeout while this thread holds a transaction open. They share a small control block:
// [0] command for the worker, [1] its outcome (1 committed, 2 failed), [2] the value it read.
const WORKER = `
const { workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const state = new Int32Array(workerData.shared);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
Atomics.wait(state, 0, 0);
try {
  if (state[0] === 1) {
    // A plain write, committed at once.
    db.prepare("update counter set n = n + 1").run();
  } else {
    // Read, then write what it read plus one: the pattern of a version check or the audit chain.
    db.transaction(() => {
      const n = db.prepare("select n from counter").pluck().get();
      state[2] = n;
      db.prepare("update counter set n = ?").run(n + 1);
    }).immediate();
  }
  state[1] = 1;
} catch (error) {
  state[1] = 2;
}
Atomics.notify(state, 1);
db.close();
`;

function startWorker(file: string) {
  const shared = new SharedArrayBuffer(12);
  const state = new Int32Array(shared);
  const worker = new Worker(WORKER, { eval: true, workerData: { file, shared } });
  const exited = new Promise<void>((resolve, reject) => {
    worker.once("exit", () => resolve());
    worker.once("error", reject);
  });
  return {
    state,
    exited,
    /** Tells the worker what to do (1: a plain write; 2: an immediate read-then-write). */
    command(kind: 1 | 2) {
      Atomics.store(state, 0, kind);
      Atomics.notify(state, 0);
    },
    /** Blocks this thread until the worker finished (or `ms` passed); its outcome, 0 while still busy. */
    outcome(ms: number) {
      Atomics.wait(state, 1, 0, ms);
      return Atomics.load(state, 1);
    },
  };
}

/** What `run` threw (failing the test when it did not throw). */
function failure(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

/** SQLite's extended result code, whether better-sqlite3 threw it or drizzle wrapped it. */
function sqliteCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.code;
}

const read = (db: Db) => db.get<{ n: number }>(sql`select n from counter`)!.n;

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function counterDb() {
  const t = createTestDb();
  t.db.run(sql`create table counter (n integer not null)`);
  t.db.run(sql`insert into counter values (0)`);
  cleanup = t.close;
  return t;
}

describe("write transactions begin immediately", () => {
  it("a deferred read-then-write fails with SQLITE_BUSY_SNAPSHOT once another connection committed after its read", async () => {
    const { db, file } = counterDb();
    const other = startWorker(file);
    const error = failure(() =>
      db.transaction(
        (tx) => {
          const n = tx.get<{ n: number }>(sql`select n from counter`)!.n; // the snapshot starts here
          other.command(1);
          expect(other.outcome(10_000)).toBe(1); // the other connection wrote and committed meanwhile
          tx.run(sql`update counter set n = ${n + 1}`); // cannot upgrade a stale snapshot: no busy wait
        },
        { behavior: "deferred" },
      ),
    );
    expect(sqliteCode(error)).toBe("SQLITE_BUSY_SNAPSHOT");
    await other.exited;
    expect(read(db)).toBe(1); // only the other write is there: this one was lost
  });

  it("writeTransaction holds the write lock from its first read: the other writer waits, then both commit", async () => {
    const { db, file } = counterDb();
    const other = startWorker(file);
    writeTransaction(db, (tx) => {
      const n = tx.get<{ n: number }>(sql`select n from counter`)!.n;
      other.command(2);
      // The other connection's BEGIN IMMEDIATE waits on its busy timeout while this one holds the lock.
      expect(other.outcome(300)).toBe(0);
      tx.run(sql`update counter set n = ${n + 1}`);
    });
    expect(other.outcome(10_000)).toBe(1);
    await other.exited;
    expect(other.state[2]).toBe(1); // it read this transaction's committed value, not a stale one
    expect(read(db)).toBe(2); // both increments are there
  });

  it("a second connection on the file waits for a writeTransaction of this one, in the same way", () => {
    const { db, file } = counterDb();
    const second = openDatabase(file);
    try {
      // Inside one thread the second connection cannot wait for the first to finish, so a short busy
      // timeout shows it is locked out (SQLITE_BUSY) rather than reading a snapshot it could not write.
      second.$client.pragma("busy_timeout = 1");
      writeTransaction(db, (tx) => {
        tx.run(sql`update counter set n = n + 1`);
        expect(sqliteCode(failure(() => writeTransaction(second, (t2) => t2.run(sql`update counter set n = n + 10`))))).toBe("SQLITE_BUSY");
      });
      expect(readTransaction(second, (t2) => t2.get<{ n: number }>(sql`select n from counter`)!.n)).toBe(1);
    } finally {
      second.$client.close();
    }
  });
});

describe("every transaction in the source goes through db/transaction.ts", () => {
  const roots = ["app", "db", "lib", "scripts"];
  const files = roots.flatMap((root) => (fs.readdirSync(root, { recursive: true, encoding: "utf8" }) as string[]).map((f) => path.join(root, f)));
  const sources = files.filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && f !== path.join("db", "transaction.ts"));

  it("finds the source files", () => {
    expect(sources).toContain(path.join("db", "updates.ts"));
  });

  it("no other file opens a transaction of its own (a deferred one would lose to another process's commit)", () => {
    const offenders = sources.filter((f) => /\.transaction\s*\(/.test(fs.readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
