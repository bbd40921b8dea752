import "server-only";
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { alias, type AnySQLiteColumn, type SQLiteSelect } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import type { AuditAction } from "./audit";
import { auditLog, centres, evidenceFiles, milestones, planTargets, updates, users } from "./schema";
import { chinaDayStartUtc } from "@/lib/domain/china-time";
import { addDays } from "@/lib/domain/periods";

// Read-only access to the audit trail. Each entry is joined to the centre it concerns: a centre
// directly, a milestone or update through its centre, an evidence file through its update. All joins
// are primary-key lookups in one statement, so a page costs two queries (rows and total) whatever its size.

const directCentre = alias(centres, "direct_centre");
const evidenceUpdate = alias(updates, "evidence_update");
const concerned = alias(centres, "concerned_centre");
const subjectUser = alias(users, "subject_user");

const concernedCentreId = sql<string | null>`coalesce(${directCentre.id}, ${milestones.centreId}, ${updates.centreId}, ${evidenceUpdate.centreId})`;

const about = (entity: string, id: AnySQLiteColumn) => and(eq(auditLog.entity, entity), eq(id, auditLog.entityId));

/** The joins both the page and its total need; every one is a primary-key lookup. */
function withSubjects<T extends SQLiteSelect>(query: T) {
  return query
    // A rating is about its centre as much as a change of the centre is.
    .leftJoin(directCentre, and(inArray(auditLog.entity, ["centre", "confidence_rating"]), eq(directCentre.id, auditLog.entityId)))
    .leftJoin(milestones, about("milestone", milestones.id))
    .leftJoin(updates, about("update", updates.id))
    .leftJoin(evidenceFiles, about("evidence", evidenceFiles.id))
    .leftJoin(evidenceUpdate, eq(evidenceUpdate.id, evidenceFiles.updateId))
    .leftJoin(concerned, eq(concerned.id, concernedCentreId))
    .leftJoin(subjectUser, about("user", subjectUser.id))
    .leftJoin(planTargets, about("plan_target", planTargets.id))
    .leftJoin(users, eq(users.id, auditLog.actorId));
}

/**
 * A provincial scope sees only entries about its own centres (ratings included); user, target,
 * calendar, threshold and flag-review entries are national (a flag's own page shows its reviews).
 */
function scopeCondition(scope: "all" | string): SQL | undefined {
  return scope === "all" ? undefined : eq(concerned.provinceCode, scope);
}

export interface AuditQuery {
  /** From readableScope: "all" or one province code. */
  scope: "all" | string;
  centreId?: string;
  userId?: string;
  action?: AuditAction;
  /** Beijing calendar days, inclusive. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export type AuditEntryActor = { userId: string; name: string; email: string } | { label: string };

function actorOf(id: string | null, label: string | null, name: string | null, email: string | null): AuditEntryActor {
  return id !== null && name !== null && email !== null ? { userId: id, name, email } : { label: label ?? "—" };
}

export function listAuditEntries(db: Db, query: AuditQuery) {
  const where = and(
    scopeCondition(query.scope),
    query.centreId ? eq(concerned.id, query.centreId) : undefined,
    query.userId ? eq(auditLog.actorId, query.userId) : undefined,
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.from ? gte(auditLog.at, chinaDayStartUtc(query.from)) : undefined,
    query.to ? lt(auditLog.at, chinaDayStartUtc(addDays(query.to, 1))) : undefined,
  );
  // Without a centre or scope condition the total needs no joins.
  const counted = db.select({ n: count() }).from(auditLog).$dynamic();
  const total = (query.scope !== "all" || query.centreId ? withSubjects(counted) : counted).where(where).get()?.n ?? 0;
  const page = db.select({
    id: auditLog.id,
    at: auditLog.at,
    actorId: auditLog.actorId,
    actorLabel: auditLog.actorLabel,
    actorName: users.name,
    actorEmail: users.email,
    entity: auditLog.entity,
    entityId: auditLog.entityId,
    action: auditLog.action,
    before: auditLog.before,
    after: auditLog.after,
    centreId: concerned.id,
    centreName: concerned.name,
    // At most one of these joins matched: the entry's own record, named for the reader.
    subject: sql<string | null>`coalesce(${milestones.title}, ${updates.period}, ${evidenceFiles.originalName}, ${subjectUser.email}, ${planTargets.title})`,
  });
  const rows = withSubjects(page.from(auditLog).$dynamic())
    .where(where)
    // Ids grow in insertion order and `at` is stamped at insertion: newest first, along the primary key.
    .orderBy(desc(auditLog.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  return {
    total,
    rows: rows.map(({ actorId, actorLabel, actorName, actorEmail, centreId, centreName, ...row }) => ({
      ...row,
      actor: actorOf(actorId, actorLabel, actorName, actorEmail),
      centre: centreId !== null && centreName !== null ? { id: centreId, name: centreName } : null,
    })),
  };
}

/** Everyone who made a change visible in the scope: the options of the page's user filter. */
export function listAuditActors(db: Db, scope: "all" | string) {
  return withSubjects(db.select({ id: users.id, name: users.name, email: users.email }).from(auditLog).$dynamic())
    .where(and(isNotNull(auditLog.actorId), scopeCondition(scope)))
    .groupBy(users.id, users.name, users.email)
    .orderBy(asc(users.name), asc(users.email))
    .all()
    .flatMap((u) => (u.id !== null && u.name !== null && u.email !== null ? [{ id: u.id, name: u.name, email: u.email }] : []));
}
