// Issue 4's figures for `npm run bench`, on the synthetic data set (db/seed/scale.ts), default N = 10,000:
// - the engine (every centre's completion, every target's progress, every flag, rows loaded included)
//   against a plain scan of the same rows by the same SQL, in the same run: goal ≤ 3×;
// - the duplicate rule at 2N over N: goal ≤ 2.5 (not quadratic).
import { performance } from "node:perf_hooks";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "@/db/client";
import { computeEngine, computeEngineCached } from "@/db/engine";
import { loadEngineInput } from "@/db/engine-data";
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

export function benchEngine(report: Report, centres: number, runs: number): void {
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
    // What a page pays while nothing has changed: the version-stamp lookup of the cached snapshot.
    computeEngineCached(main.db, TODAY, REPORTING_START);
    const [cachedMs] = interleaved([() => computeEngineCached(main.db, TODAY, REPORTING_START)], runs * 20);
    report("engine_cached_us", cachedMs! * 1000, "us", 1);
    report("engine_cached_vs_scan_ratio", cachedMs! / scanMs!, "x", 5);

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
