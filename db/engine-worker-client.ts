import "server-only";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import type { ComputedPartition, EngineJob, JobSummary } from "./engine-compute";

/**
 * The worker thread, loaded by path at run time (db/engine-worker.mjs registers tsx, then loads the
 * TypeScript worker), so neither Next's bundler nor Vitest has to know about it; the react-server
 * condition makes `server-only` importable there.
 */
export class EngineWorker {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, { emit: (c: ComputedPartition) => void; resolve: (s: JobSummary) => void; reject: (e: Error) => void }>();

  constructor() {
    // Never bundled: Next's Turbopack follows `new Worker(path)` from an imported worker_threads into the
    // file and bundles it (tsx and esbuild's binary with it), ignore comments or not; the constructor taken
    // from process.getBuiltinModule is one it does not recognise.
    const { Worker } = process.getBuiltinModule("node:worker_threads");
    this.worker = new Worker(path.join(process.cwd(), "db", "engine-worker.mjs"), { execArgv: ["--conditions=react-server"] });
    this.worker.unref();
    this.worker.on("message", (message: { id: number; kind: "partition"; computed: ComputedPartition } | { id: number; kind: "done"; summary: JobSummary } | { id: number; kind: "error"; message: string }) => {
      const job = this.pending.get(message.id);
      if (message.kind === "partition") {
        job?.emit(message.computed);
        // The next partition is deserialized in a later turn of the event loop (db/engine-worker.ts).
        return this.worker.postMessage("ack");
      }
      if (!job) return;
      this.pending.delete(message.id);
      if (message.kind === "done") job.resolve(message.summary);
      else job.reject(new Error(message.message));
    });
    this.worker.on("error", (error) => this.failAll(error));
    this.worker.on("exit", (code) => this.failAll(new Error(`engine worker exited with code ${code}`)));
  }

  run(file: string, job: EngineJob, emit: (c: ComputedPartition) => void): Promise<JobSummary> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { emit, resolve, reject });
      this.worker.postMessage({ id, file, job });
    });
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
