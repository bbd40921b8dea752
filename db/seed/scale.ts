import "server-only";
// Synthetic data at national scale for benchmarks and load tests: N invented centres (合成, every row
// is_demo) with 20 milestones each, approved updates for most of them (each with every milestone's
// figure, by the province's cadence) and a few plan targets per province. Seeded PRNG, so one seed
// always gives the same data set. Rows go in by bulk inserts, a few thousand per transaction: the
// audited one-row-at-a-time path would take hours at N = 10,000. One audit entry, written last,
// records the whole set (and tells a running server's engine cache that the data changed).
import { eq, getTableColumns } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../client";
import { writeAudit } from "../audit";
import { centreFocusTags, centres, centreTargets, milestones, planTargets, provinces, reportingCalendars, updateApprovals, updateMilestones, updates, users } from "../schema";
import { plannedShareAt } from "@/lib/domain/investment";
import { addDays, daysBetween, DEFAULT_CALENDAR, parsePeriod, type Cadence } from "@/lib/domain/periods";
import { MILESTONE_CATEGORIES } from "@/lib/domain/vocabulary";
import { VALUE_FIELDS } from "@/lib/validation/update";
import { mulberry32, planScaleCentres, SCALE_AS_OF, scaleId, type ScaleCentre } from "./scale-plan";
import { planScaleTargets } from "./scale-targets";
import { writeTransaction } from "../transaction";

export interface ScaleProgress {
  centresDone: number;
  centresTotal: number;
  rows: number;
  elapsedMs: number;
}

export interface ScaleOptions {
  centres: number;
  seed?: number;
  onProgress?: (progress: ScaleProgress) => void;
}

/**
 * Periods with approved updates, by the province's cadence: the last four quarters, or the last
 * thirteen months, all past due on the demo's today (2026-11-27).
 */
export const SCALE_PERIODS: Record<Cadence, readonly string[]> = {
  quarterly: ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"],
  monthly: ["2025-10", "2025-11", "2025-12", ...Array.from({ length: 10 }, (_, m) => `2026-${String(m + 1).padStart(2, "0")}`)],
};
const PERIOD_SLOTS = 16; // update ids leave room for this many periods per centre
const CENTRES_PER_TRANSACTION = 100;
// SQLite's default SQLITE_MAX_VARIABLE_NUMBER is 32,766; drizzle binds every column of every row.
const MAX_VARIABLES = 32_000;
const CATEGORY_ZH = { planning: "规划", infrastructure: "基建", compute: "算力", research: "研发", platform: "平台", talent: "人才", conversion: "转化", operation: "运营" };

interface MilestonePlan {
  id: string;
  /** Days from the centre's start to the planned date, and to the previous milestone's. */
  offset: number;
  from: number;
}

/** Approved progress of a milestone on `date` for the centre's pace, with its completion date when done. */
function progressOn(centre: ScaleCentre, m: MilestonePlan, date: string): { progress: number; actualCompletionDate: string | null } {
  const reached = daysBetween(centre.startDate, date) * centre.pace;
  if (m.offset <= reached) return { progress: 100, actualCompletionDate: addDays(centre.startDate, Math.round(m.offset / centre.pace)) };
  return { progress: m.from < reached ? Math.min(95, Math.floor(((reached - m.from) / (m.offset - m.from)) * 20) * 5) : 0, actualCompletionDate: null };
}

/** 20 milestones spread over the construction period; the figure at registration is the state before the first report. */
function milestoneRows(centre: ScaleCentre, seed: number, registeredOn: string, next: () => number, now: string) {
  const span = daysBetween(centre.startDate, centre.plannedCompletionDate);
  const plans: MilestonePlan[] = [];
  const rows = Array.from({ length: 20 }, (_, k): typeof milestones.$inferInsert => {
    const from = plans.at(-1)?.offset ?? 0;
    const plan = { id: scaleId(seed, "milestone", centre.index * 20 + k), offset: Math.max(from + 1, Math.round((span * (k + 1)) / 20) - Math.floor(next() * 10)), from };
    plans.push(plan);
    const category = MILESTONE_CATEGORIES[Math.floor((k * MILESTONE_CATEGORIES.length) / 20)]!;
    return {
      id: plan.id,
      centreId: centre.id,
      title: `${CATEGORY_ZH[category]}阶段任务${k + 1}（合成）`,
      category,
      weight: 1 + Math.floor(next() * 5),
      plannedDate: addDays(centre.startDate, plan.offset),
      ...progressOn(centre, plan, registeredOn),
      evidenceRequired: next() < 0.2,
      isDemo: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
  });
  return { rows, plans };
}

/** Quarterly periods a reporting centre has approved updates for, since it started; one in twenty stops before the last. */
function reportedPeriods(centre: ScaleCentre, cadence: Cadence, next: () => number) {
  if (!centre.reports) return [];
  const stopsEarly = next() < 0.05;
  const codes = SCALE_PERIODS[cadence];
  return codes.map((code, p) => ({ code, p, period: parsePeriod(code)! })).filter(({ period, p }) => period.end >= centre.startDate && !(stopsEarly && p === codes.length - 1));
}

/** One approved update per period, figures cumulative since the start and growing. */
function updateRows(centre: ScaleCentre, periods: ReturnType<typeof reportedPeriods>, seed: number, userId: string, next: () => number, now: string): (typeof updates.$inferInsert)[] {
  const r = centre.rates;
  return periods.map(({ code, p, period }) => {
    const quarters = daysBetween(centre.startDate, period.end) / 91;
    const share = plannedShareAt(centre.startDate, centre.plannedCompletionDate, period.end);
    const produced = Math.floor(quarters * r.results);
    const converted = Math.floor(produced * r.conversion);
    const filed = Math.floor(quarters * r.patents);
    const compute = centre.computeCapacity;
    const at = (days: number) => `${addDays(period.end, days)}T02:00:00.000Z`;
    return {
      id: scaleId(seed, "update", centre.index * PERIOD_SLOTS + p),
      centreId: centre.id,
      period: code,
      periodEnd: period.end,
      status: "approved" as const,
      investmentExecutedYuan: Math.round((centre.plannedBudgetYuan * share * r.spend) / 10_000) * 10_000,
      computePflops: compute === null ? null : Math.round(compute * Math.min(1, 0.3 + share)),
      computePrecision: compute === null ? null : ("FP16" as const),
      utilizationPercent: compute === null ? null : Math.round(Math.min(98, Math.max(5, r.utilization + (next() - 0.5) * 10)) * 10) / 10,
      patentsFiled: filed,
      patentsGranted: Math.floor(filed * 0.35),
      resultsProduced: produced,
      convertedSelf: Math.ceil(converted / 2),
      convertedTransfer: Math.floor(converted / 4),
      convertedLicense: converted - Math.ceil(converted / 2) - Math.floor(converted / 4),
      convertedJoint: null,
      convertedEquity: null,
      techContractValueYuan: converted * 1_000_000,
      firmsIncubated: Math.floor(quarters * r.firms),
      talentIntroduced: Math.floor(quarters * r.talent),
      narrative: null,
      correctionReason: null,
      editorIds: [],
      createdBy: userId,
      submittedBy: userId,
      submittedAt: at(10),
      approvedBy: userId,
      approvedAt: at(14),
      returnedBy: null,
      returnedAt: null,
      returnReason: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
  });
}

type Writer = Pick<Db, "insert">;

function insertChunked<T extends SQLiteTable>(tx: Writer, table: T, rows: T["$inferInsert"][]): number {
  const size = Math.max(1, Math.floor(MAX_VARIABLES / Object.keys(getTableColumns(table)).length));
  for (let i = 0; i < rows.length; i += size) tx.insert(table).values(rows.slice(i, i + size)).run();
  return rows.length;
}

interface Context {
  seed: number;
  userId: string;
  now: string;
  next: () => number;
  targetsOf: Map<string, string[]>;
  cadenceOf: Map<string, Cadence>;
}

/** Every row of a batch of centres, table by table, in the order foreign keys need. */
function batchRows(batch: readonly ScaleCentre[], { seed, userId, now, next, targetsOf, cadenceOf }: Context) {
  const rows = {
    centres: [] as (typeof centres.$inferInsert)[],
    focusTags: [] as (typeof centreFocusTags.$inferInsert)[],
    milestones: [] as (typeof milestones.$inferInsert)[],
    updates: [] as (typeof updates.$inferInsert)[],
    updateMilestones: [] as (typeof updateMilestones.$inferInsert)[],
    updateApprovals: [] as (typeof updateApprovals.$inferInsert)[],
    centreTargets: [] as (typeof centreTargets.$inferInsert)[],
  };
  for (const c of batch) {
    const { pace, reports, computeCapacity, rates, index, provinceShortZh, focusTags, ...centre } = c;
    const periods = reportedPeriods(c, cadenceOf.get(c.provinceCode) ?? DEFAULT_CALENDAR.cadence, next);
    const registeredOn = periods.length > 0 ? addDays(periods[0]!.period.start, -1) : SCALE_AS_OF;
    // Registered on that day, so the dashboards' "as of" views of earlier periods include the centre.
    const registeredAt = `${registeredOn}T00:00:00.000Z`;
    rows.centres.push({ ...centre, leadCreditCode: null, partners: [], isDemo: true, version: 1, createdAt: registeredAt, updatedAt: now });
    focusTags.forEach((tag, position) => rows.focusTags.push({ centreId: c.id, tag, position }));
    const { rows: milestoneList, plans } = milestoneRows(c, seed, registeredOn, next, registeredAt);
    const updateList = updateRows(c, periods, seed, userId, next, now);
    rows.milestones.push(...milestoneList);
    rows.updates.push(...updateList);
    // Every update reports every milestone, as the update form does.
    updateList.forEach((u, i) => {
      const reported = plans.map((plan) => ({ milestoneId: plan.id, ...progressOn(c, plan, periods[i]!.period.end) }));
      for (const m of reported) rows.updateMilestones.push({ updateId: u.id!, ...m });
      // The approval's own record of what it approved, as reviewUpdate keeps it.
      const values = Object.fromEntries(VALUE_FIELDS.map((f) => [f, u[f] ?? null]));
      rows.updateApprovals.push({
        id: scaleId(seed, "approval", c.index * PERIOD_SLOTS + periods[i]!.p),
        updateId: u.id!,
        centreId: c.id,
        period: u.period,
        periodEnd: u.periodEnd,
        values,
        milestones: reported.map((m) => ({ id: m.milestoneId, progress: m.progress!, actualCompletionDate: m.actualCompletionDate ?? null })),
        approvedBy: userId,
        approvedAt: u.approvedAt!,
      });
    });
    for (const targetId of targetsOf.get(c.id) ?? []) rows.centreTargets.push({ centreId: c.id, targetId });
  }
  return rows;
}

/**
 * Adds the synthetic data set to a database that holds the provinces (seedProvinces), with a system
 * user that approved its updates. Refuses a seed already loaded. Returns the rows written per table.
 */
export function seedScale(db: Db, options: ScaleOptions) {
  const started = performance.now();
  const seed = options.seed ?? 20261127;
  const next = mulberry32(seed);
  const now = new Date().toISOString();
  const provinceRows = db.select({ code: provinces.code, shortZh: provinces.shortZh }).from(provinces).orderBy(provinces.code).all();
  if (provinceRows.length === 0) throw new Error("seedScale needs the provinces: run seedProvinces first");
  const userId = scaleId(seed, "user", 0);
  const email = `synthetic-${seed >>> 0}@synthetic.invalid`;
  if (db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get()) throw new Error(`The synthetic data set of seed ${seed} is already loaded`);

  const planned = planScaleCentres(options.centres, seed, provinceRows, next);
  const targets = planScaleTargets(planned, (i) => scaleId(seed, "target", i), now, next);
  writeTransaction(db, (tx) => {
    // Not a person: its password hash can never verify, and it is inactive.
    tx.insert(users).values({ id: userId, email, name: "合成数据生成器（系统）", passwordHash: "!synthetic-no-login", role: "reviewer", provinceCode: null, active: false, isDemo: true }).run();
    insertChunked(tx, planTargets, targets.rows);
  });

  const counts = { users: 1, targets: targets.rows.length, centres: 0, focusTags: 0, milestones: 0, updates: 0, updateMilestones: 0, updateApprovals: 0, centreTargets: 0 };
  const cadenceOf = new Map(db.select({ code: reportingCalendars.provinceCode, cadence: reportingCalendars.cadence }).from(reportingCalendars).all().map((c) => [c.code, c.cadence]));
  const context = { seed, userId, now, next, targetsOf: targets.linksOf, cadenceOf };
  let rows = 0;
  for (let from = 0; from < planned.length; from += CENTRES_PER_TRANSACTION) {
    const batch = batchRows(planned.slice(from, from + CENTRES_PER_TRANSACTION), context);
    writeTransaction(db, (tx) => {
      counts.centres += insertChunked(tx, centres, batch.centres);
      counts.focusTags += insertChunked(tx, centreFocusTags, batch.focusTags);
      counts.milestones += insertChunked(tx, milestones, batch.milestones);
      counts.updates += insertChunked(tx, updates, batch.updates);
      counts.updateMilestones += insertChunked(tx, updateMilestones, batch.updateMilestones);
      counts.updateApprovals += insertChunked(tx, updateApprovals, batch.updateApprovals);
      counts.centreTargets += insertChunked(tx, centreTargets, batch.centreTargets);
    });
    rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
    options.onProgress?.({ centresDone: counts.centres, centresTotal: planned.length, rows, elapsedMs: performance.now() - started });
  }
  writeTransaction(db, (tx) => writeAudit(tx, { actor: { label: "seed:scale" }, entity: "user", entityId: userId, action: "create", after: { email, seed, ...counts } }));
  return { ...counts, rows, elapsedMs: performance.now() - started };
}
