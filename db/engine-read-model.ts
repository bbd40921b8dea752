import "server-only";
import type { Db } from "./client";
import { computeJob, type ComputedPartition, type EngineJob, type JobSummary } from "./engine-compute";
import { EngineWorker } from "./engine-worker-client";
import { centreCount, dataVersion, GLOBAL_SCOPE, readVersions, type ScopeVersion } from "./engine-versions";
import { addPartition, combinePartitions, finishCombination, replacePartitions, startCombination, type Combination } from "@/lib/domain/engine-partition";
import type { EngineResult } from "@/lib/domain/engine";

/** The figures every page reads: the engine's result with what it was computed under, and when. */
export type EngineSnapshot = EngineResult & Pick<JobSummary, "thresholds" | "reviews" | "computedAt"> & { asOf: string | null };

/** How long a reader waits for a partition this process's own write made stale (read-your-writes). */
export const READ_YOUR_WRITES_MS = 2000;
/** Up to this many centres a pass costs well under 50 ms (≈ 0.3 ms a centre), so it runs in-process. */
export const INLINE_MAX_CENTRES = 150;
/** Snapshots kept: today's and the twelve closes the as-of picker offers. */
const MAX_ENTRIES = 13;

type Mode = "auto" | "worker" | "inline";
type Versions = Map<string, ScopeVersion>;

interface Entry {
  key: string;
  job: Omit<EngineJob, "provinces">;
  parts: Map<string, ComputedPartition>;
  /** Every province, known after the first full pass; null: the next job must be a full pass. */
  provinces: string[] | null;
  global: number;
  snapshot: EngineSnapshot | undefined;
  /** The partition versions (and the global one, under GLOBAL_SCOPE) the snapshot was combined from. */
  served: Map<string, number>;
  running: boolean;
  /** Why the last job failed; a reader with no snapshot yet gets it, the next read tries again. */
  failure: Error | undefined;
  waiters: Set<() => void>;
}

/**
 * The engine as a read model: one partition per province and as-of key, each stamped with the version
 * of its scope (db/engine-versions.ts) it was computed from. A read compares the stamps with the
 * database's versions (one small query), asks for the stale partitions and serves the last complete
 * snapshot meanwhile. Large databases are computed in a worker thread; small ones in-process.
 *
 * Read-your-writes: a bump this process made (the versions moved while SQLite's data_version did not)
 * makes readers of that partition wait, at most READ_YOUR_WRITES_MS, for its rebuild. Bumps from other
 * processes are served from the last snapshot until the rebuild lands (bounded by one partition pass).
 */
export class EngineReadModel {
  private readonly entries = new Map<string, Entry>();
  private seen: { dataVersion: number; versions: Versions } | undefined;
  private readonly ownBumps = new Map<string, ScopeVersion & { until: number }>();
  private worker: EngineWorker | undefined;

  constructor(
    private readonly db: Db,
    private readonly mode: Mode = "auto",
  ) {}

  async read(today: string, reportingStart: string, asOf?: string): Promise<EngineSnapshot> {
    const versions = readVersions(this.db);
    this.noteOwnBumps(versions);
    const entry = this.entry(today, reportingStart, asOf ?? null);
    const stale = staleProvinces(entry, versions);
    if (stale === null || stale.length > 0) {
      if (this.inline()) {
        const arrived: ComputedPartition[] = [];
        this.apply(entry, computeJob(this.db, { ...entry.job, provinces: stale }, (c) => arrived.push(c)), arrived);
      } else this.schedule(entry, stale);
    }
    if (entry.snapshot === undefined) await waitUntil(entry, () => entry.snapshot !== undefined || entry.failure !== undefined, Infinity);
    else await waitUntil(entry, () => !this.ownBumpPending(entry), READ_YOUR_WRITES_MS);
    if (entry.snapshot === undefined) throw entry.failure ?? new Error("engine snapshot missing");
    return entry.snapshot;
  }

  /** Stops the worker (tests; a server simply exits). */
  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private inline(): boolean {
    if (this.mode !== "auto") return this.mode === "inline";
    return this.db.$client.memory || centreCount(this.db) <= INLINE_MAX_CENTRES;
  }

  private entry(today: string, reportingStart: string, asOf: string | null): Entry {
    // A past close does not depend on today; today's view is one entry, replaced when the date moves on.
    const key = asOf === null ? `now|${today}|${reportingStart}` : `past|${asOf}|${reportingStart}`;
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry;
    }
    let previous: EngineSnapshot | undefined;
    if (asOf === null)
      for (const [k, e] of this.entries)
        if (k.startsWith("now|") && !e.running) {
          // Yesterday's figures are served until today's first pass lands, as any stale snapshot is.
          previous = e.snapshot;
          this.entries.delete(k);
        }
    entry = { key, job: { today, reportingStart, asOf }, parts: new Map(), provinces: null, global: -1, snapshot: previous, served: new Map(), running: false, failure: undefined, waiters: new Set() };
    this.entries.set(key, entry);
    for (const [k, e] of this.entries) if (this.entries.size > MAX_ENTRIES && !e.running && k !== key) this.entries.delete(k);
    return entry;
  }

  private schedule(entry: Entry, stale: string[] | null): void {
    if (entry.running) return; // when the running job lands, staleness is checked again
    entry.running = true;
    entry.failure = undefined;
    this.worker ??= new EngineWorker();
    const arrived: ComputedPartition[] = [];
    // A full pass is combined as its partitions arrive (one per turn of the event loop), not at the end.
    const combination = stale === null ? startCombination() : undefined;
    this.worker
      .run(this.db.$client.name, { ...entry.job, provinces: stale }, (c) => {
        arrived.push(c);
        if (combination) addPartition(combination, c.partition);
      })
      .then((summary) => this.apply(entry, summary, arrived, combination))
      .catch((error: unknown) => {
        console.error("engine worker failed", error);
        entry.failure = error instanceof Error ? error : new Error(String(error));
        void this.worker?.terminate();
        this.worker = undefined;
      })
      .finally(() => {
        entry.running = false;
        // Writes committed while the job ran: compute again (a failure waits for the next read).
        const again = entry.failure === undefined ? staleProvinces(entry, readVersions(this.db)) : [];
        if (again === null || again.length > 0) this.schedule(entry, again);
        for (const wake of [...entry.waiters]) wake();
      });
  }

  /**
   * Takes a job's partitions into the entry and rebuilds its snapshot: only the changed provinces when
   * the rest still stands (same global version), else a combination of every partition.
   */
  private apply(entry: Entry, summary: JobSummary, arrived: readonly ComputedPartition[], combination?: Combination): void {
    const incremental = entry.snapshot !== undefined && entry.provinces !== null && summary.provinces === null && entry.global === summary.global;
    const changes = arrived.map((c) => ({ before: entry.parts.get(c.partition.provinceCode)?.partition, after: c.partition }));
    for (const c of arrived) entry.parts.set(c.partition.provinceCode, c);
    entry.global = summary.global;
    if (summary.provinces !== null) {
      entry.provinces = summary.provinces;
      for (const code of entry.parts.keys()) if (!summary.provinces.includes(code)) entry.parts.delete(code);
    }
    entry.served = new Map([...entry.parts].map(([code, c]) => [code, c.version]));
    entry.served.set(GLOBAL_SCOPE, summary.global);
    const all = [...entry.parts.values()].map((c) => c.partition);
    const today = entry.job.asOf ?? entry.job.today;
    const result = incremental ? replacePartitions(entry.snapshot!, changes, all) : combination ? finishCombination(combination, all, today) : combinePartitions(all, today);
    entry.snapshot = { ...result, thresholds: summary.thresholds, reviews: summary.reviews, computedAt: summary.computedAt, asOf: entry.job.asOf };
  }

  private noteOwnBumps(versions: Versions): void {
    const now = Date.now();
    const dv = dataVersion(this.db);
    if (this.seen?.dataVersion === dv) {
      for (const [scope, v] of versions) {
        const old = this.seen.versions.get(scope);
        if (old?.version !== v.version || old.past !== v.past) this.ownBumps.set(scope, { ...v, until: now + READ_YOUR_WRITES_MS });
      }
    }
    for (const [scope, bump] of this.ownBumps) if (bump.until < now) this.ownBumps.delete(scope);
    this.seen = { dataVersion: dv, versions };
  }

  private ownBumpPending(entry: Entry): boolean {
    const now = Date.now();
    for (const [scope, bump] of this.ownBumps) {
      if (bump.until < now) continue;
      const wanted = entry.job.asOf === null ? bump.version : bump.past;
      const have = entry.served.get(scope) ?? -1;
      if (have < wanted) return true;
    }
    return false;
  }
}

/** The provinces whose partition is behind its version; null when a full pass is needed (first pass, thresholds). */
function staleProvinces(entry: Entry, versions: Versions): string[] | null {
  const versionOf = (scope: string) => {
    const v = versions.get(scope);
    return v === undefined ? 0 : entry.job.asOf === null ? v.version : v.past;
  };
  if (entry.provinces === null || entry.global !== versionOf(GLOBAL_SCOPE)) return null;
  // A new province bumps the global scope (migration 0015), so the known list is complete.
  return entry.provinces.filter((code) => entry.parts.get(code)?.version !== versionOf(code));
}

async function waitUntil(entry: Entry, done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    const left = deadline - Date.now();
    if (left <= 0) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        entry.waiters.delete(wake);
        resolve();
      };
      const timer = Number.isFinite(left) ? setTimeout(wake, left) : undefined;
      entry.waiters.add(wake);
    });
  }
}
