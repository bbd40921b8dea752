// The engine's worker thread (started by db/engine-read-model.ts, loaded by path with tsx): computes
// partitions on its own read-only connection, so a pass over 10,000 centres never holds the server's
// event loop. One job at a time; each partition is posted as soon as it is done.
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { parentPort } from "node:worker_threads";
import type { Db } from "./client";
import { computeJob, type EngineJob } from "./engine-compute";
import * as schema from "./schema";

export interface WorkerRequest {
  id: number;
  file: string;
  job: EngineJob;
}

let open: { file: string; db: Db } | undefined;

function connection(file: string): Db {
  if (open?.file !== file) {
    open?.db.$client.close();
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    sqlite.pragma("busy_timeout = 5000");
    open = { file, db: drizzle(sqlite, { schema }) as Db };
  }
  return open.db;
}

parentPort?.on("message", ({ id, file, job }: WorkerRequest) => {
  try {
    const summary = computeJob(connection(file), job, (computed) => parentPort!.postMessage({ id, kind: "partition", computed }));
    parentPort!.postMessage({ id, kind: "done", summary });
  } catch (error) {
    parentPort!.postMessage({ id, kind: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
