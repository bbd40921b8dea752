import "server-only";
import { and, asc, eq, getTableColumns, gte, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import { auditLog, centreFocusTags, centres, centreTargets, milestones, planTargets, provinces, reportingCalendars, updateApprovals, updateMilestones, updates, type ApprovedMilestone, type ApprovedValues } from "./schema";
import { isEnterpriseLead } from "@/lib/domain/credit-code";
import { DEFAULT_CALENDAR } from "@/lib/domain/periods";
import type { ApprovedReport, EngineCentre, EngineInput, EngineTarget } from "@/lib/domain/engine";
import type { FocusTag } from "@/lib/domain/vocabulary";
import { APPROVED_REPORT } from "@/lib/registry/approved-report";

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// The large tables are read with `.values()`: rows as arrays, in the selected columns' order, built
// into the engine's objects directly. Drizzle's row mapping cost more than SQLite's reading; these
// columns need no decoding (text and numbers).
type TagRow = [centreId: string, tag: FocusTag, position: number];
type MilestoneRow = [id: string, centreId: string, title: string, weight: number, plannedDate: string, progress: number];
type CentreRow = [id: string, provinceCode: string, cityCode: string, status: EngineCentre["status"], leadInstitution: string, leadCreditCode: string | null, plannedBudgetYuan: number, startDate: string, plannedCompletionDate: string];

/**
 * Each row's state just before its first edit at or after `cutoff`: the audit log keeps the whole row
 * as it was (`before`) with every edit of a centre, milestone or target, so undoing later edits gives
 * the row as it stood at the cutoff.
 */
export function rowsAsOf(db: Db, entity: "centre" | "milestone" | "plan_target", cutoff: string): Map<string, Record<string, unknown>> {
  const rows = db
    .select({ entityId: auditLog.entityId, before: auditLog.before })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.action, "update"), gte(auditLog.at, cutoff)))
    .orderBy(asc(auditLog.id))
    .all();
  const result = new Map<string, Record<string, unknown>>();
  for (const { entityId, before } of rows) if (!result.has(entityId) && before) result.set(entityId, before as Record<string, unknown>);
  return result;
}

/** `row` with the fields it had at the cutoff (from rowsAsOf), for the fields named. */
function revert<T extends object>(row: T, asOf: Record<string, unknown> | undefined, fields: readonly (keyof T & string)[]): T {
  if (!asOf) return row;
  const reverted = { ...row };
  for (const f of fields) if (f in asOf) (reverted as Record<string, unknown>)[f] = asOf[f];
  return reverted;
}

export { num } from "@/lib/registry/approved-report";

/** Approvals standing at `cutoff`: made before it and not withdrawn (reopened) by then. */
export function approvalStandsAt(cutoff: string): SQL {
  return and(lt(updateApprovals.approvedAt, cutoff), or(isNull(updateApprovals.withdrawnAt), gte(updateApprovals.withdrawnAt, cutoff)))!;
}

/**
 * Everything the engine reads, nationwide or for one province (`provinceCode`). Every rule is
 * province-local: duplicates compare centres of one city (a city lies in its centre's province,
 * lib/validation/centre.ts) or one province and lead, scattered resources one province, and a target
 * links only centres of its own province (db/centres.ts), so a province's figures need only its rows.
 * Only approved updates are read, milestone progress included.
 *
 * With `cutoff` (an ISO instant), the data as it stood then: records registered before it, as they were
 * (later edits undone from the audit log), and the approvals standing at that moment with the figures
 * they approved (update_approvals), not later corrections. Calendars and target links are current.
 */
export function loadEngineInput(db: Db, reportingStart: string, cutoff?: string, provinceCode?: string): EngineInput {
  const registeredBy = (createdAt: SQLiteColumn): SQL | undefined => (cutoff === undefined ? undefined : lt(createdAt, cutoff));
  const inProvince = provinceFilter(db, provinceCode);
  const asOf = cutoff === undefined ? undefined : { centre: rowsAsOf(db, "centre", cutoff), milestone: rowsAsOf(db, "milestone", cutoff), target: rowsAsOf(db, "plan_target", cutoff) };
  const calendarRows = db
    .select({ code: provinces.code, cadence: reportingCalendars.cadence, dueDays: reportingCalendars.dueDays, graceDays: reportingCalendars.graceDays })
    .from(provinces)
    .leftJoin(reportingCalendars, eq(reportingCalendars.provinceCode, provinces.code))
    .where(inProvince.code(provinces.code))
    .all();

  const tagsOf = new Map<string, FocusTag[]>();
  const tagRows = db.select().from(centreFocusTags).where(inProvince.centre(centreFocusTags.centreId)).orderBy(asc(centreFocusTags.centreId), asc(centreFocusTags.position)).values() as TagRow[];
  for (const [centreId, tag] of tagRows) push(tagsOf, centreId, tag);
  if (asOf) for (const [centreId, before] of asOf.centre) if (Array.isArray(before.focusTags)) tagsOf.set(centreId, before.focusTags as FocusTag[]);

  const { approvedProgress, reportsOf } = cutoff === undefined ? approvedNow(db, inProvince) : approvedAt(db, cutoff, inProvince);
  const milestonesOf = new Map<string, EngineCentre["milestones"][number][]>();
  const milestoneRows = db
    .select({ id: milestones.id, centreId: milestones.centreId, title: milestones.title, weight: milestones.weight, plannedDate: milestones.plannedDate, progress: milestones.progress })
    .from(milestones)
    .where(and(registeredBy(milestones.createdAt), inProvince.centre(milestones.centreId)))
    .values() as MilestoneRow[];
  for (const row of milestoneRows) {
    const [id, centreId, title, weight, plannedDate, progress] = asOf ? revertRow(row, asOf.milestone.get(row[0]), MILESTONE_FIELDS) : row;
    // Progress as last approved: the newest approved update reporting a milestone overrides the figure
    // recorded when it was registered (the same rule as approvedMilestoneProgress, for every centre at once).
    push(milestonesOf, centreId, { id, title, weight, plannedDate, progress: approvedProgress.get(id) ?? progress });
  }

  const centreRows = db
    .select({
      id: centres.id,
      provinceCode: centres.provinceCode,
      cityCode: centres.cityCode,
      status: centres.status,
      leadInstitution: centres.leadInstitution,
      leadCreditCode: centres.leadCreditCode,
      plannedBudgetYuan: centres.plannedBudgetYuan,
      startDate: centres.startDate,
      plannedCompletionDate: centres.plannedCompletionDate,
    })
    .from(centres)
    .where(and(registeredBy(centres.createdAt), inProvince.code(centres.provinceCode)))
    .values() as CentreRow[];
  const engineCentres: EngineCentre[] = centreRows.map((row) => {
    const [id, provinceCode, cityCode, status, leadInstitution, leadCreditCode, plannedBudgetYuan, startDate, plannedCompletionDate] = asOf ? revertRow(row, asOf.centre.get(row[0]), CENTRE_FIELDS) : row;
    return {
      id,
      provinceCode,
      cityCode,
      status,
      leadInstitution,
      leadCreditCode,
      plannedBudgetYuan,
      startDate,
      plannedCompletionDate,
      focusTags: tagsOf.get(id) ?? [],
      enterpriseLed: isEnterpriseLead(leadInstitution, leadCreditCode),
      milestones: milestonesOf.get(id) ?? [],
      reports: reportsOf.get(id) ?? [],
    };
  });

  const centresOfTarget = new Map<string, string[]>();
  for (const [centreId, targetId] of db.select().from(centreTargets).where(inProvince.centre(centreTargets.centreId)).values() as [centreId: string, targetId: string][]) push(centresOfTarget, targetId, centreId);
  const targets: EngineTarget[] = db
    .select()
    .from(planTargets)
    .where(and(registeredBy(planTargets.createdAt), inProvince.code(planTargets.provinceCode)))
    .all()
    .map((row) => {
      const t = asOf ? revert(row, asOf.target.get(row.id), TARGET_FIELDS) : row;
      return {
        id: t.id,
        provinceCode: t.provinceCode,
        unit: t.unit,
        measure: t.measure,
        centreIds: centresOfTarget.get(t.id) ?? [],
        spec: { kind: t.kind, baselineValue: t.baselineValue, baselineDate: t.baselineDate, targetValue: t.targetValue, deadline: t.deadline, checkpoints: t.plannedValues },
      };
    });

  return {
    reportingStart,
    provinces: calendarRows.map((p) => ({
      code: p.code,
      calendar: p.cadence === null ? DEFAULT_CALENDAR : { cadence: p.cadence, dueDays: p.dueDays!, graceDays: p.graceDays! },
    })),
    centres: engineCentres,
    targets,
  };
}

// The columns of the `.values()` rows above, by name, for undoing later edits.
const MILESTONE_FIELDS = ["id", "centreId", "title", "weight", "plannedDate", "progress"] as const;
const CENTRE_FIELDS = ["id", "provinceCode", "cityCode", "status", "leadInstitution", "leadCreditCode", "plannedBudgetYuan", "startDate", "plannedCompletionDate"] as const;
const TARGET_FIELDS = ["unit", "measure", "kind", "baselineValue", "baselineDate", "targetValue", "deadline", "plannedValues"] as const;

function revertRow<T extends readonly unknown[]>(row: T, asOf: Record<string, unknown> | undefined, fields: readonly string[]): T {
  if (!asOf) return row;
  return row.map((value, i) => (fields[i]! in asOf ? asOf[fields[i]!] : value)) as unknown as T;
}

/** Where clauses keeping one province's rows (none when `provinceCode` is undefined: nationwide). */
type ProvinceFilter = { code: (column: SQLiteColumn) => SQL | undefined; centre: (centreId: SQLiteColumn) => SQL | undefined };

function provinceFilter(db: Db, provinceCode: string | undefined): ProvinceFilter {
  if (provinceCode === undefined) return { code: () => undefined, centre: () => undefined };
  const ids = db.select({ id: centres.id }).from(centres).where(eq(centres.provinceCode, provinceCode));
  return { code: (column) => eq(column, provinceCode), centre: (centreId) => inArray(centreId, ids) };
}

type Approved = { approvedProgress: Map<string, number>; reportsOf: Map<string, ApprovedReport[]> };

/** The `updates` columns of the indicators the engine reads, in the mapping's order (the registry key is the column's property). */
const REPORT_COLUMNS = Object.fromEntries(
  APPROVED_REPORT.keys.map((key) => {
    const column = (getTableColumns(updates) as Record<string, SQLiteColumn | undefined>)[key];
    if (!column) throw new Error(`Indicator ${key} has no column in the updates table`);
    return [key, column];
  }),
);

/** The approved updates as they are now. */
function approvedNow(db: Db, inProvince: ProvinceFilter): Approved {
  const approvedProgress = new Map<string, number>();
  const approvedRows = db
    .select({ milestoneId: updateMilestones.milestoneId, progress: updateMilestones.progress })
    .from(updateMilestones)
    .innerJoin(updates, eq(updates.id, updateMilestones.updateId))
    .where(and(eq(updates.status, "approved"), inProvince.centre(updates.centreId)))
    .orderBy(asc(updates.periodEnd))
    .values() as [milestoneId: string, progress: number][];
  for (const [milestoneId, progress] of approvedRows) approvedProgress.set(milestoneId, progress);

  const reportsOf = new Map<string, ApprovedReport[]>();
  const updateRows = db
    .select({ centreId: updates.centreId, period: updates.period, periodEnd: updates.periodEnd, ...REPORT_COLUMNS })
    .from(updates)
    .where(and(eq(updates.status, "approved"), inProvince.centre(updates.centreId)))
    .values() as [centreId: string, period: string, periodEnd: string, ...figures: unknown[]][];
  // The figures follow the three leading columns in the mapping's order.
  for (const row of updateRows) push(reportsOf, row[0], APPROVED_REPORT.toReport(row[1], row[2], row, 3));
  return { approvedProgress, reportsOf };
}

/** The approvals standing at `cutoff` (made before it and not withdrawn by then), with what they approved. */
function approvedAt(db: Db, cutoff: string, inProvince: ProvinceFilter): Approved {
  const rows = db
    .select({ centreId: updateApprovals.centreId, period: updateApprovals.period, periodEnd: updateApprovals.periodEnd, values: updateApprovals.values, milestones: updateApprovals.milestones })
    .from(updateApprovals)
    .where(and(approvalStandsAt(cutoff), inProvince.centre(updateApprovals.centreId)))
    .orderBy(asc(updateApprovals.periodEnd))
    .all();
  const approvedProgress = new Map<string, number>();
  const reportsOf = new Map<string, ApprovedReport[]>();
  for (const row of rows) {
    for (const m of row.milestones as ApprovedMilestone[]) approvedProgress.set(m.id, m.progress);
    const v = row.values as ApprovedValues;
    push(reportsOf, row.centreId, APPROVED_REPORT.fromRecord(row.period, row.periodEnd, v));
  }
  return { approvedProgress, reportsOf };
}
