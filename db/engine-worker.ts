import "server-only";
// The engine's worker thread (started by db/engine-read-model.ts, loaded by path with tsx): computes
// partitions on its own read-only connection, so a pass over 10,000 centres never holds the server's
// event loop. One job at a time. Partitions are posted one by one, each after the main thread has
// acknowledged the previous one: Node hands every queued message to the receiving thread in one turn
// of its event loop, so posting all of them at once would deserialize a whole pass there in one go.
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { parentPort } from "node:worker_threads";
import type { Db } from "./client";
import { computeJob, type ComputedPartition, type EngineJob } from "./engine-compute";
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

let acknowledged: (() => void) | undefined;
const jobs: WorkerRequest[] = [];
let busy = false;

async function runJobs(): Promise<void> {
  busy = true;
  for (let request = jobs.shift(); request !== undefined; request = jobs.shift()) {
    const { id, file, job } = request;
    try {
      const computed: ComputedPartition[] = [];
      const summary = computeJob(connection(file), job, (c) => computed.push(c));
      for (const c of computed) {
        const ack = new Promise<void>((resolve) => (acknowledged = resolve));
        parentPort!.postMessage({ id, kind: "partition", computed: c });
        await ack;
      }
      parentPort!.postMessage({ id, kind: "done", summary });
    } catch (error) {
      parentPort!.postMessage({ id, kind: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  busy = false;
}

parentPort?.on("message", (message: WorkerRequest | "ack") => {
  if (message === "ack") return acknowledged?.();
  jobs.push(message);
  if (!busy) void runJobs();
});
