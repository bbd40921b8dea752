// `npm run bench`: how the per-request paths scale, printed as ratios against a baseline measured
// in the same run (a bare `select 1` round trip), so figures compare across machines; then issue 4's
// engine figures on the synthetic data set (scripts/bench-engine.ts); then issue 5's page figures from
// the production server (scripts/bench-pages.ts). One figure per line: `BENCH <name> <value> <unit>`.
// Uses temporary SQLite files: the demo data set plus generated centres (BENCH_CENTRES, default 2,000),
// and the synthetic set (BENCH_ENGINE_CENTRES, default 10,000; BENCH_ENGINE_RUNS timed runs, default 5).
// Pages: BENCH_PAGES=0 skips them; BENCH_PAGES_CENTRES (default 10,000), BENCH_PAGES_RUNS (timed rounds,
// default 20). They need a production build, made first when `.next` is missing or older than the source.
// Import (issue 6): BENCH_IMPORT_ROWS (default 10,000) rows of centres, then of one period's updates.
// API writes (issue 8, scripts/bench-api.ts): BENCH_API=0 skips them; BENCH_API_CLIENTS (default 20),
// BENCH_API_SUBMISSIONS (default 600), BENCH_API_HEALTH (health requests, default 3,000).
// Read model under load (issue 15, scripts/bench-mixed.ts): BENCH_MIXED=0 skips it; BENCH_MIXED_CENTRES
// (default 10,000), BENCH_MIXED_SECONDS (each of the two phases, default 60), BENCH_ASOF_SECONDS (20).
import { randomUUID } from "node:crypto";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { createTestDb } from "@/db/test-db";
import { seedDemo } from "@/db/seed";
import { createCentre, getCentre, listCentresOfProvince } from "@/db/centres";
import { createMilestone } from "@/db/milestones";
import { listProvinces } from "@/db/provinces";
import { createSession, findSessionUser } from "@/db/sessions";
import { findCredentialsByEmail } from "@/db/users";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { loadUpdateContext } from "@/db/update-context";
import { approvedMilestoneProgress, reviewQueue } from "@/db/updates";
import { parsePeriod } from "@/lib/domain/periods";
import { FOCUS_TAGS } from "@/lib/domain/vocabulary";
import { benchEngine, type Report } from "./bench-engine";
import { benchPages } from "./bench-pages";
import { benchImport } from "./bench-import";
import { benchApi } from "./bench-api";
import { benchMixed } from "./bench-mixed";

const EXTRA_CENTRES = Number(process.env.BENCH_CENTRES ?? 2000);
const ENGINE_CENTRES = Number(process.env.BENCH_ENGINE_CENTRES ?? 10_000);
const ENGINE_RUNS = Number(process.env.BENCH_ENGINE_RUNS ?? 5);
const PAGES = process.env.BENCH_PAGES !== "0";
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const PAGES_CENTRES = Number(process.env.BENCH_PAGES_CENTRES ?? 10_000);
const PAGES_RUNS = Number(process.env.BENCH_PAGES_RUNS ?? 20);
const API = process.env.BENCH_API !== "0";
const API_CLIENTS = Number(process.env.BENCH_API_CLIENTS ?? 20);
const API_SUBMISSIONS = Number(process.env.BENCH_API_SUBMISSIONS ?? 600);
const API_HEALTH = Number(process.env.BENCH_API_HEALTH ?? 3000);
const MIXED = process.env.BENCH_MIXED !== "0";
const MIXED_CENTRES = Number(process.env.BENCH_MIXED_CENTRES ?? 10_000);
const MIXED_SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const ASOF_SECONDS = Number(process.env.BENCH_ASOF_SECONDS ?? 20);

// The default idle timeout; bench sessions are made just before they are checked.
const BENCH_TIMEOUTS = { idleMs: 30 * 60_000 };
const report: Report = (name, value, unit, digits = 1) => console.log(`BENCH ${name} ${value.toFixed(digits)} ${unit}`);

function timePerOp(fn: () => unknown, minMs = 300): number {
  for (let i = 0; i < 50; i++) fn(); // warm up statement caches
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    runs++;
  }
  return (performance.now() - start) / runs;
}

async function timePerAsyncOp(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - start) / runs;
}

async function benchRequests() {
  const { db, close } = createTestDb();
  try {
    await seedDemo(db, hashPassword);
    const provinceCodes = ["110000", "310000", "440000", "330000", "320000"];
    for (let i = 0; i < EXTRA_CENTRES; i++) {
      const provinceCode = provinceCodes[i % provinceCodes.length]!;
      const id = createCentre(
        db,
        {
          provinceCode,
          cityCode: `${provinceCode.slice(0, 2)}0100`,
          name: `基准测试中心 ${i}`,
          leadInstitution: `基准研究院 ${i % 97}`,
          leadCreditCode: null,
          partners: [],
          focusTags: [FOCUS_TAGS[i % FOCUS_TAGS.length]!, FOCUS_TAGS[(i + 3) % FOCUS_TAGS.length]!],
          plannedBudgetYuan: 100_000_000 + i,
          startDate: "2026-01-01",
          plannedCompletionDate: "2028-12-31",
          status: "under_construction",
          targetIds: [],
        },
        { label: "bench" },
      );
      for (let m = 0; m < 5; m++) {
        createMilestone(db, { centreId: id, title: `里程碑 ${m}`, category: "platform", weight: 1 + m, plannedDate: `2027-0${m + 1}-01`, evidenceRequired: false }, { label: "bench" });
      }
    }
    const staffId = findCredentialsByEmail(db, "staff.zj@demo.gov.cn")!.id;
    const sessionId = createSession(db, staffId, 3600_000);
    const someCentre = listCentresOfProvince(db, "330000")[0]!.id;

    const baseline = timePerOp(() => db.get(sql`select 1`));
    const rows: [string, number][] = [
      ["session_check", timePerOp(() => findSessionUser(db, sessionId, BENCH_TIMEOUTS))],
      ["session_check_unknown_id", timePerOp(() => findSessionUser(db, randomUUID(), BENCH_TIMEOUTS))],
      ["provinces_list_with_counts", timePerOp(() => listProvinces(db, "all"))],
      ["centres_of_one_province", timePerOp(() => listCentresOfProvince(db, "330000"))],
      ["centre_with_milestones_and_targets", timePerOp(() => getCentre(db, someCentre))],
      ["approved_milestone_progress", timePerOp(() => approvedMilestoneProgress(db, someCentre))],
      ["update_form_context", timePerOp(() => loadUpdateContext(db, someCentre, parsePeriod("2026-Q4")!, "2026-11-27", 5))],
      ["review_queue_national", timePerOp(() => reviewQueue(db, "all"))],
    ];
    const stored = findCredentialsByEmail(db, "admin@demo.gov.cn")!.passwordHash;
    const verifyMs = await timePerAsyncOp(() => verifyPassword(stored, "demo-pass-2026"), 10);
    const unknownMs = await timePerAsyncOp(() => verifyPassword(undefined, "demo-pass-2026"), 10);

    // Per operation: its time and its ratio to `select 1` (centres of one province: about BENCH_CENTRES / 5 + 7).
    report("generated_centres", EXTRA_CENTRES, "centres", 0);
    report("select1_us", baseline * 1000, "us");
    for (const [name, ms] of rows) {
      report(`${name}_us`, ms * 1000, "us");
      report(`${name}_vs_select1`, ms / baseline, "x");
    }
    // Sign-in: a known and an unknown email must cost the same (1.00 means equal time).
    report("signin_known_email_ms", verifyMs, "ms");
    report("signin_unknown_email_ms", unknownMs, "ms");
    report("signin_unknown_over_known", unknownMs / verifyMs, "x", 2);
  } finally {
    close();
  }
}

async function main() {
  const started = performance.now();
  // The machine's load, printed with the figures: absolute times follow it (ratios much less).
  report("load_average_1m_before", os.loadavg()[0]!, "", 2);
  await benchRequests();
  await benchEngine(report, ENGINE_CENTRES, ENGINE_RUNS);
  await benchImport(report, IMPORT_ROWS);
  if (PAGES) await benchPages(report, PAGES_CENTRES, PAGES_RUNS);
  if (API) await benchApi(report, API_CLIENTS, API_SUBMISSIONS, API_HEALTH);
  if (MIXED) await benchMixed(report, MIXED_CENTRES, MIXED_SECONDS, ASOF_SECONDS);
  report("load_average_1m_after", os.loadavg()[0]!, "", 2);
  report("bench_total_s", (performance.now() - started) / 1000, "s");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
