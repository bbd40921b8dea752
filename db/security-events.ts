import "server-only";
import { and, asc, count, desc, eq, isNotNull, type SQL } from "drizzle-orm";
import type { Db } from "./client";
import { securityEvents, users } from "./schema";

// The security log: one row per refused authorization, written beside the request that was refused and
// never changed afterwards (triggers refuse UPDATE and DELETE). Read by administrators on /admin/security.

export const SECURITY_EVENT_KINDS = ["authorization_refused"] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export interface NewSecurityEvent {
  kind: SecurityEventKind;
  userId: string | null;
  route: string;
  target?: string | null;
  reason: string;
  method?: string | null;
  address?: string | null;
}

/** Appends one event, stamped now; returns its id. */
export function recordSecurityEvent(db: Db, event: NewSecurityEvent, now: Date = new Date()): number {
  const row = db
    .insert(securityEvents)
    .values({
      at: now.toISOString(),
      kind: event.kind,
      userId: event.userId,
      route: event.route,
      target: event.target ?? null,
      reason: event.reason,
      method: event.method ?? null,
      address: event.address ?? null,
    })
    .returning({ id: securityEvents.id })
    .get();
  return row.id;
}

export interface SecurityEventQuery {
  userId?: string;
  /** One route exactly, as recorded (a page or route pattern, or a server action's name). */
  route?: string;
  page: number;
  pageSize: number;
}

/** A page of events, newest first, with the user's name and email when there was a user. */
export function listSecurityEvents(db: Db, query: SecurityEventQuery) {
  const where: SQL | undefined = and(
    query.userId ? eq(securityEvents.userId, query.userId) : undefined,
    query.route ? eq(securityEvents.route, query.route) : undefined,
  );
  const total = db.select({ n: count() }).from(securityEvents).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: securityEvents.id,
      at: securityEvents.at,
      kind: securityEvents.kind,
      userId: securityEvents.userId,
      userName: users.name,
      userEmail: users.email,
      route: securityEvents.route,
      target: securityEvents.target,
      reason: securityEvents.reason,
      method: securityEvents.method,
      address: securityEvents.address,
    })
    .from(securityEvents)
    .leftJoin(users, eq(users.id, securityEvents.userId))
    .where(where)
    // Ids grow in insertion order and `at` is stamped at insertion: newest first along the primary key.
    .orderBy(desc(securityEvents.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  return { total, rows };
}

/** Everyone with at least one event: the options of the page's user filter. */
export function listSecurityEventUsers(db: Db) {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(securityEvents)
    .innerJoin(users, eq(users.id, securityEvents.userId))
    .where(isNotNull(securityEvents.userId))
    .orderBy(asc(users.name), asc(users.email))
    .all();
}

/** Every route with at least one event: the options of the page's route filter. */
export function listSecurityEventRoutes(db: Db): string[] {
  return db.selectDistinct({ route: securityEvents.route }).from(securityEvents).orderBy(asc(securityEvents.route)).all().map((r) => r.route);
}
