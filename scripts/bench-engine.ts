// Issue 4's figures for `npm run bench`, on the synthetic data set (db/seed/scale.ts), default N = 10,000:
// - the engine (every centre's completion, every target's progress, every flag, rows loaded included)
//   against a plain scan of the same rows by the same SQL, in the same run: goal ≤ 2× (issue 15);
// - issue 15's read model: the largest province's partition recomputed alone, against the full pass;
//   the main thread's share of a rebuild (a partition's structured clone, the national combination);
//   the longest event-loop stall while the worker computes every partition (goal ≤ 50 ms);
// - the duplicate rule at 2N over N: goal ≤ 2.5 (not quadratic).
import { performance } from "node:perf_hooks";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { getCalendarSetting, setCalendar } from "@/db/calendars";
import { openDatabase, type Db } from "@/db/client";
import { computeEngine } from "@/db/engine";
import { computeJob, type ComputedPartition } from "@/db/engine-compute";
import { loadEngineInput } from "@/db/engine-data";
import { EngineReadModel } from "@/db/engine-read-model";
import { combinePartitions, replacePartitions } from "@/lib/domain/engine-partition";
import * as schema from "@/db/schema";
import { seedScale } from "@/db/seed/scale";
import { createTestDb } from "@/db/test-db";
import { checkDuplicateConstruction, type DuplicateCentreInput } from "@/lib/domain/risk/rules";

const TODAY = "2026-11-27";
const REPORTING_START = "2026-07-01";

export type Report = (name: string, value: number, unit: string, digits?: number) => void;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Medians of the functions' times, run in turn so that both see the same machine state. */
function interleaved(fns: readonly (() => unknown)[], runs: number): number[] {
  for (const fn of fns) fn(); // warm up: JIT, page cache
  const times = fns.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) fns.forEach((fn, i) => times[i]!.push(timed(fn)));
  return times.map(median);
}

/**
 * The SQL the engine runs (statements and parameters, read through a drizzle logger on the same
 * connection), so the scan reads exactly the tables, columns, filters and order the engine does,
 * and follows any change to db/engine-data.ts.
 */
function engineStatements(db: Db): { sql: string; params: unknown[] }[] {
  const captured: { sql: string; params: unknown[] }[] = [];
  const logging = drizzle(db.$client, { schema, logger: { logQuery: (sql, params) => captured.push({ sql, params }) } }) as Db;
  computeEngine(logging, TODAY, REPORTING_START);
  return captured;
}

/** Centres as the duplicate rule sees them inside the engine: tags, lead, status, compute readings newest first. */
function duplicateInput(db: Db): DuplicateCentreInput[] {
  return loadEngineInput(db, REPORTING_START).centres.map((c) => ({
    ...c,
    recentCompute: [...c.reports].sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1)).map((r) => ({ period: r.period, utilizationPercent: r.utilizationPercent })),
  }));
}

function seeded(centres: number, seed: number, report: Report, label: string) {
  console.error(`Seeding ${centres} synthetic centres (seed ${seed})…`);
  const test = createTestDb();
  const result = seedScale(test.db, { centres, seed });
  report(`${label}_seed_ms`, result.elapsedMs, "ms", 0);
  return test;
}

/** The longest gap between 1 ms timer ticks while `work` runs: how long the event loop was held. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    await work();
  } finally {
    clearInterval(ticker);
  }
  return Math.max(longest, performance.now() - last);
}

/** Issue 15: one province against the full pass, the main thread's part of a rebuild, the worker's stall. */
export async function benchPartitions(report: Report, db: Db, engineMs: number, scanMs: number, runs: number): Promise<void> {
  const job = { today: TODAY, reportingStart: REPORTING_START, asOf: null };
  const parts: ComputedPartition[] = [];
  computeJob(db, { ...job, provinces: null }, (c) => parts.push(c));
  const largest = parts.reduce((a, b) => (b.partition.result.centres.size > a.partition.result.centres.size ? b : a)).partition;
  const all = parts.map((c) => c.partition);
  const combined = combinePartitions(all, TODAY);
  const rebuilt = structuredClone(largest);
  const [fullMs, partitionMs, cloneMs, combineMs, replaceMs] = interleaved(
    [
      () => computeJob(db, { ...job, provinces: null }, () => undefined),
      () => computeJob(db, { ...job, provinces: [largest.provinceCode] }, () => undefined),
      () => structuredClone(largest),
      () => combinePartitions(all, TODAY),
      () => replacePartitions(combined, [{ before: largest, after: rebuilt }], all.map((p) => (p === largest ? rebuilt : p))),
    ],
    runs,
  );
  report("engine_partition_largest_centres", largest.result.centres.size, "centres", 0);
  report("engine_partition_ms", partitionMs!, "ms", 1);
  report("engine_partition_vs_full_ratio", partitionMs! / fullMs!, "x", 3);
  report("engine_full_partitioned_ms", fullMs!, "ms", 0);
  report("engine_full_partitioned_vs_scan_ratio", fullMs! / scanMs, "x", 2);
  report("engine_full_partitioned_vs_single_pass_ratio", fullMs! / engineMs, "x", 2);
  // What the main thread pays per rebuilt partition: its structured clone (serialize and deserialize,
  // an upper bound of the receiving side), then putting it into the national result (a write's cost);
  // combining every partition afresh is what a threshold edit or a new day costs.
  report("engine_partition_clone_ms", cloneMs!, "ms", 1);
  report("engine_replace_partition_ms", replaceMs!, "ms", 1);
  report("engine_combine_all_ms", combineMs!, "ms", 1);

  const model = new EngineReadModel(db, "worker");
  try {
    const coldMs = await longestStall(() => model.read(TODAY, REPORTING_START));
    report("engine_worker_cold_loop_stall_ms", coldMs, "ms", 1);
    // A write from another connection (the largest province's calendar saved unchanged): the reads
    // are served from the last snapshot while the worker rebuilds that province; the longest stall.
    const before = await model.read(TODAY, REPORTING_START);
    const other = openDatabase(db.$client.name);
    const { version, cadence, dueDays, graceDays } = getCalendarSetting(other, largest.provinceCode);
    setCalendar(other, largest.provinceCode, version, { cadence, dueDays, graceDays }, { label: "bench" });
    other.$client.close();
    const rebuildStart = performance.now();
    const rebuildMs = await longestStall(async () => {
      while ((await model.read(TODAY, REPORTING_START)) === before) await new Promise((resolve) => setTimeout(resolve, 5));
    });
    report("engine_worker_rebuild_ms", performance.now() - rebuildStart, "ms", 0);
    report("engine_worker_rebuild_loop_stall_ms", rebuildMs, "ms", 1);
    const hitStart = performance.now();
    for (let i = 0; i < 1000; i++) await model.read(TODAY, REPORTING_START);
    report("engine_read_model_hit_us", (performance.now() - hitStart), "us", 1);
  } finally {
    await model.close();
  }
}

export async function benchEngine(report: Report, centres: number, runs: number): Promise<void> {
  if (!Number.isInteger(centres) || centres < 2 || !Number.isInteger(runs) || runs < 1) throw new Error("BENCH_ENGINE_CENTRES must be a whole number ≥ 2, BENCH_ENGINE_RUNS ≥ 1");
  const main = seeded(centres, 1, report, "scale");
  const other = seeded(centres, 2, report, "scale_second");
  try {
    const statements = engineStatements(main.db);
    const scan = () => statements.reduce((rows, s) => rows + main.db.$client.prepare(s.sql).raw().all(...s.params).length, 0);
    const snapshot = computeEngine(main.db, TODAY, REPORTING_START);
    report("engine_centres", snapshot.centres.size, "centres", 0);
    report("engine_flags", snapshot.flags.length, "flags", 0);
    report("scan_rows", scan(), "rows", 0);
    const [engineMs, scanMs] = interleaved([() => computeEngine(main.db, TODAY, REPORTING_START), scan], runs);
    report("engine_ms", engineMs!, "ms", 0);
    report("scan_ms", scanMs!, "ms", 0);
    report("engine_vs_scan_ratio", engineMs! / scanMs!, "x", 2);
    await benchPartitions(report, main.db, engineMs!, scanMs!, runs);

    // 2N, as the rule must scale: N more centres from an independent seed in as many further cities
    // (the same provinces, each city and lead of the second set renamed), so each city keeps its
    // density and the findings double. Spreading them over the same cities instead doubles every
    // city's density and quadruples the pairs that really are duplicates: printed too, with the flags.
    const n = duplicateInput(main.db);
    const second = duplicateInput(other.db);
    const moreCities = [...n, ...second.map((c) => ({ ...c, cityCode: `${c.cityCode}b`, leadInstitution: `${c.leadInstitution}乙` }))];
    const sameCities = [...n, ...second];
    const rule = (input: DuplicateCentreInput[]) => () => checkDuplicateConstruction(input, TODAY);
    const flags = [n, moreCities, sameCities].map((input) => rule(input)().length);
    // The rule takes a fraction of a second: more runs for a steadier median.
    const [nMs, twoNMs, sameMs] = interleaved([rule(n), rule(moreCities), rule(sameCities)], runs * 2 + 1);
    report("duplicate_rule_n_ms", nMs!, "ms", 1);
    report("duplicate_rule_2n_ms", twoNMs!, "ms", 1);
    report("duplicate_rule_2n_over_n", twoNMs! / nMs!, "x", 2);
    report("duplicate_flags_2n_over_n", flags[1]! / flags[0]!, "x", 2);
    report("duplicate_rule_2n_same_cities_ms", sameMs!, "ms", 1);
    report("duplicate_rule_2n_same_cities_over_n", sameMs! / nMs!, "x", 2);
    report("duplicate_flags_2n_same_cities_over_n", flags[2]! / flags[0]!, "x", 2);
  } finally {
    main.close();
    other.close();
  }
}
