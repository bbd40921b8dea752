import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "./client";
import { writeAudit, type AuditActor } from "./audit";
import { apiTokens, users } from "./schema";
import { NotFoundError, NotYoursError } from "@/lib/domain/errors";
import { writeTransaction, type DbOrTx } from "./transaction";

/** Tokens carry this prefix, so a leaked one is recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = "act_";

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new token for the user; the secret is returned once and only its hash is stored. */
export function createApiToken(db: DbOrTx, input: { userId: string; name: string; expiresOn: string | null }, actor: AuditActor, now = new Date()): { id: string; token: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const id = randomUUID();
  writeTransaction(db, (tx) => {
    tx.insert(apiTokens).values({ id, userId: input.userId, name: input.name, tokenHash: hashOf(token), createdAt: now.toISOString(), expiresOn: input.expiresOn }).run();
    writeAudit(tx, { actor, entity: "api_token", entityId: id, action: "create", after: { userId: input.userId, name: input.name, expiresOn: input.expiresOn } });
  });
  return { id, token };
}

/** The user's tokens, newest first, without their hashes. */
export function listApiTokens(db: Db, userId: string) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, expiresOn: apiTokens.expiresOn, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt))
    .all();
}

/** Revokes one of the user's own tokens; another user's token is "not found" too (NotYoursError, which is logged). */
export function revokeApiToken(db: DbOrTx, userId: string, id: string, actor: AuditActor, now = new Date()): void {
  writeTransaction(db, (tx) => {
    const row = tx.select({ userId: apiTokens.userId }).from(apiTokens).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).get();
    if (!row) throw new NotFoundError();
    if (row.userId !== userId) throw new NotYoursError(id);
    tx.update(apiTokens).set({ revokedAt: now.toISOString() }).where(eq(apiTokens.id, id)).run();
    writeAudit(tx, { actor, entity: "api_token", entityId: id, action: "revoke" });
  });
}

/**
 * The active user a bearer token stands for, checked on every request like a session: unknown,
 * revoked or expired tokens and deactivated accounts give undefined. Records the last use.
 */
export function findTokenUser(db: Db, token: string, today: string, now = new Date()) {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = db
    .select({ tokenId: apiTokens.id, expiresOn: apiTokens.expiresOn, revokedAt: apiTokens.revokedAt, id: users.id, email: users.email, name: users.name, role: users.role, provinceCode: users.provinceCode, locale: users.locale })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashOf(token)), eq(users.active, true)))
    .get();
  if (!row || row.revokedAt !== null || (row.expiresOn !== null && row.expiresOn < today)) return undefined;
  db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, row.tokenId)).run();
  return { id: row.id, email: row.email, name: row.name, role: row.role, provinceCode: row.provinceCode, locale: row.locale };
}
