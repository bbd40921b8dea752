import "server-only";
// What `npm run test:resilience` reads back after each crash: SQLite's own checks, and the stored state
// and audit trail of the centres and updates its clients wrote through the API. Read-only.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "./client";
import { auditLog, centres, milestones, updateMilestones, updates } from "./schema";

/** `PRAGMA integrity_check` ("ok" when sound) and every `PRAGMA foreign_key_check` row, as text. */
export function sqliteChecks(db: Db): { integrity: string; foreignKeyProblems: string[] } {
  const integrity = (db.$client.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
  const foreignKeyProblems = (db.$client.pragma("foreign_key_check") as { table: string; rowid: number; parent: string; fkid: number }[]).map(
    (r) => `${r.table} row ${r.rowid} → ${r.parent} (constraint ${r.fkid})`,
  );
  return { integrity, foreignKeyProblems };
}

/** A centre with its milestone ids, or undefined when it is not stored. */
export function storedCentre(db: Db, id: string) {
  const row = db.select({ id: centres.id, name: centres.name, provinceCode: centres.provinceCode }).from(centres).where(eq(centres.id, id)).get();
  if (!row) return undefined;
  const ids = db.select({ id: milestones.id }).from(milestones).where(eq(milestones.centreId, id)).all();
  return { ...row, milestoneIds: ids.map((m) => m.id) };
}

/** An update's stored row and its milestone progress by milestone id. */
export function storedUpdate(db: Db, id: string) {
  const row = db.select().from(updates).where(eq(updates.id, id)).get();
  if (!row) return undefined;
  const progress = db.select({ milestoneId: updateMilestones.milestoneId, progress: updateMilestones.progress }).from(updateMilestones).where(eq(updateMilestones.updateId, id)).all();
  return { ...row, progress: Object.fromEntries(progress.map((p) => [p.milestoneId, p.progress])) as Record<string, number> };
}

/** The audit entries of one entity, oldest first. */
export function auditEntriesOf(db: Db, entity: string, entityId: string) {
  return db
    .select({ id: auditLog.id, action: auditLog.action, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.id))
    .all();
}

/** Every update of the given centres (id and version), e.g. the ones a test run created. */
export function updatesOfCentres(db: Db, centreIds: readonly string[]) {
  if (centreIds.length === 0) return [];
  return db.select({ id: updates.id, centreId: updates.centreId, version: updates.version, status: updates.status }).from(updates).where(inArray(updates.centreId, [...centreIds])).all();
}

/** Centres whose name starts with `prefix` (the ones a test run registered, acknowledged or not). */
export function centreIdsNamed(db: Db, prefix: string): string[] {
  return db
    .select({ id: centres.id })
    .from(centres)
    .where(sql`substr(${centres.name}, 1, ${prefix.length}) = ${prefix}`)
    .all()
    .map((r) => r.id);
}
