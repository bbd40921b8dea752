import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { writeAudit, type AuditActor } from "./audit";
import { revokeSessions } from "./sessions";
import { users } from "./schema";
import { ConflictError, DomainError, NotFoundError } from "@/lib/domain/errors";
import type { Locale, Role } from "@/lib/domain/vocabulary";
import { writeTransaction, type DbOrTx } from "./transaction";

/** The columns safe to show and audit: never the password hash. */
const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  provinceCode: users.provinceCode,
  active: users.active,
  locale: users.locale,
  isDemo: users.isDemo,
  version: users.version,
};

export function listUsers(db: Db) {
  return db.select(publicColumns).from(users).orderBy(asc(users.email)).all();
}

export function getUser(db: Db, id: string) {
  return db.select(publicColumns).from(users).where(eq(users.id, id)).get();
}

/** For sign-in only: the one place the hash leaves the database. */
export function findCredentialsByEmail(db: Db, email: string) {
  return db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email))
    .get();
}

export function hasDemoAccounts(db: Db): boolean {
  return db.select({ id: users.id }).from(users).where(and(eq(users.isDemo, true), eq(users.active, true))).limit(1).get() !== undefined;
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  provinceCode: string | null;
  locale: Locale;
  isDemo?: boolean;
}

export function createUser(db: DbOrTx, input: NewUser, actor: AuditActor): string {
  return writeTransaction(db, (tx) => {
    const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
    if (existing) throw new DomainError("emailTaken", "email");
    const id = randomUUID();
    tx.insert(users).values({ id, ...input, isDemo: input.isDemo ?? false }).run();
    const after = { email: input.email, name: input.name, role: input.role, provinceCode: input.provinceCode, active: true };
    writeAudit(tx, { actor, entity: "user", entityId: id, action: "create", after });
    return id;
  });
}

export interface UserChanges {
  email: string;
  name: string;
  role: Role;
  provinceCode: string | null;
  locale: Locale;
  active: boolean;
}

/**
 * Saves an admin's edit if nobody changed the row since `version` was read.
 * Deactivating an account also ends its sessions in the same transaction.
 */
export function updateUser(db: DbOrTx, id: string, version: number, changes: UserChanges, actor: AuditActor): void {
  writeTransaction(db, (tx) => {
    const before = tx.select(publicColumns).from(users).where(eq(users.id, id)).get();
    if (!before) throw new NotFoundError();
    if (before.version !== version) throw new ConflictError();
    const clash = tx.select({ id: users.id }).from(users).where(eq(users.email, changes.email)).get();
    if (clash && clash.id !== id) throw new DomainError("emailTaken", "email");
    tx.update(users)
      .set({ ...changes, version: version + 1 })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .run();
    // Any change to who the user is or may see ends their sessions at their next request.
    if (!changes.active || changes.role !== before.role || changes.provinceCode !== before.provinceCode) revokeSessions(tx, id);
    const action = before.active && !changes.active ? "deactivate" : !before.active && changes.active ? "reactivate" : "update";
    writeAudit(tx, { actor, entity: "user", entityId: id, action, before, after: { ...before, ...changes, version: version + 1 } });
  });
}

/** The user's own language choice; not audited, it changes nothing anyone else sees. */
export function setUserLocale(db: Db, id: string, locale: Locale): void {
  db.update(users).set({ locale }).where(eq(users.id, id)).run();
}

/** For the user's own password change: the stored hash, to check the current password against. */
export function findPasswordHash(db: DbOrTx, id: string): string | undefined {
  return db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id)).get()?.passwordHash;
}

/** The user's own change: saves the hash and ends their other sessions; the audit entry holds no password material. */
export function changeOwnPassword(db: DbOrTx, input: { userId: string; passwordHash: string; keepSessionId?: string }): void {
  writeTransaction(db, (tx) => {
    const before = tx.select({ version: users.version }).from(users).where(eq(users.id, input.userId)).get();
    if (!before) throw new NotFoundError();
    tx.update(users).set({ passwordHash: input.passwordHash, version: before.version + 1 }).where(eq(users.id, input.userId)).run();
    revokeSessions(tx, input.userId, input.keepSessionId);
    writeAudit(tx, { actor: { userId: input.userId }, entity: "user", entityId: input.userId, action: "update", after: { password: "changed" } });
  });
}
