// `npm run bench`: how the per-request paths scale, printed as ratios against a baseline measured
// in the same run (a bare `select 1` round trip), so figures compare across machines.
// Uses a temporary SQLite file: the demo data set plus generated centres (default 2,000).
import { randomUUID } from "node:crypto";
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

const EXTRA_CENTRES = Number(process.env.BENCH_CENTRES ?? 2000);

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

async function main() {
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
      ["session check (every request)", timePerOp(() => findSessionUser(db, sessionId))],
      ["session check, unknown id", timePerOp(() => findSessionUser(db, randomUUID()))],
      ["provinces list with counts", timePerOp(() => listProvinces(db, "all"))],
      [`centres of one province (~${Math.round(EXTRA_CENTRES / 5) + 7})`, timePerOp(() => listCentresOfProvince(db, "330000"))],
      ["one centre with milestones and targets", timePerOp(() => getCentre(db, someCentre))],
      ["approved milestone progress of a centre", timePerOp(() => approvedMilestoneProgress(db, someCentre))],
      ["update form context (rules' stored state)", timePerOp(() => loadUpdateContext(db, someCentre, parsePeriod("2026-Q4")!, "2026-11-27", 5))],
      ["review queue, national scope", timePerOp(() => reviewQueue(db, "all"))],
    ];
    const stored = findCredentialsByEmail(db, "admin@demo.gov.cn")!.passwordHash;
    const verifyMs = await timePerAsyncOp(() => verifyPassword(stored, "demo-pass-2026"), 10);
    const unknownMs = await timePerAsyncOp(() => verifyPassword(undefined, "demo-pass-2026"), 10);

    console.log(`Baseline: select 1 = ${(baseline * 1000).toFixed(1)} µs (${EXTRA_CENTRES} generated centres + demo data)`);
    console.log("operation".padEnd(48), "µs/op".padStart(10), "× baseline".padStart(12));
    for (const [name, ms] of rows) console.log(name.padEnd(48), (ms * 1000).toFixed(1).padStart(10), (ms / baseline).toFixed(1).padStart(12));
    console.log(`Sign-in hash check: known email ${verifyMs.toFixed(1)} ms, unknown email ${unknownMs.toFixed(1)} ms (ratio ${(unknownMs / verifyMs).toFixed(2)}, 1.00 means equal time)`);
  } finally {
    close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
