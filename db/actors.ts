import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "./client";
import { users } from "./schema";

/**
 * An active user by id, in the shape a session or token lookup gives: how command-line scripts, the
 * reminder run and tests name the actor of a use case (re-read here, so a deactivated account does nothing).
 */
export function findActiveUser(db: Db, id: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, provinceCode: users.provinceCode, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)))
    .get();
}
