import "server-only";
import { asc, desc, eq, lt } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { writeAudit } from "./audit";
import { flagReviews, users } from "./schema";
import type { FlagAction, FlagReview } from "@/lib/domain/risk/flag-review";
import type { RiskFlag } from "@/lib/domain/risk/types";
import { writeTransaction, type DbOrTx } from "./transaction";

/**
 * Now, or a millisecond after `previous` when the clock has not moved past it: a subject's history is
 * ordered by time, and two reviews in one millisecond must still keep the order they were made in.
 */
export function strictlyAfter(previous: string | undefined): string {
  const now = Date.now();
  const floor = previous === undefined ? now : Date.parse(previous) + 1;
  return new Date(Math.max(now, floor)).toISOString();
}

export interface FlagReviewInput {
  flag: RiskFlag;
  provinceCode: string | null;
  action: FlagAction;
  comment: string;
  expiresOn: string | null;
}

/** Appends a review of a flag as computed now (its severity and figures are the yardstick for "worse"), audited. */
export function recordFlagReview(db: DbOrTx, input: FlagReviewInput, actorId: string): string {
  const id = randomUUID();
  const row = {
    id,
    flagKey: input.flag.key,
    code: input.flag.code,
    provinceCode: input.provinceCode,
    action: input.action,
    comment: input.comment,
    expiresOn: input.expiresOn,
    severity: input.flag.severity,
    values: input.flag.values,
    actorId,
  };
  writeTransaction(db, (tx) => {
    const last = tx.select({ at: flagReviews.at }).from(flagReviews).where(eq(flagReviews.flagKey, input.flag.key)).orderBy(desc(flagReviews.at)).get();
    tx.insert(flagReviews).values({ ...row, at: strictlyAfter(last?.at) }).run();
    writeAudit(tx, { actor: { userId: actorId }, entity: "flag", entityId: input.flag.key, action: input.action, after: { comment: input.comment, expiresOn: input.expiresOn, severity: input.flag.severity } });
  });
  return id;
}

/** The latest review of every reviewed flag, by key (with `before`, among the reviews made before that instant). */
export function latestFlagReviews(db: Db, before?: string): Map<string, FlagReview & { at: string }> {
  const rows = db
    .select({ flagKey: flagReviews.flagKey, action: flagReviews.action, severity: flagReviews.severity, values: flagReviews.values, expiresOn: flagReviews.expiresOn, at: flagReviews.at })
    .from(flagReviews)
    .where(before === undefined ? undefined : lt(flagReviews.at, before))
    .orderBy(asc(flagReviews.at))
    .all();
  return new Map(rows.map(({ flagKey, ...review }) => [flagKey, review]));
}

/** Every review of one flag, newest first, with the reviewer's name. */
export function flagHistory(db: Db, flagKey: string) {
  return db
    .select({
      id: flagReviews.id,
      action: flagReviews.action,
      comment: flagReviews.comment,
      expiresOn: flagReviews.expiresOn,
      severity: flagReviews.severity,
      values: flagReviews.values,
      at: flagReviews.at,
      actorName: users.name,
    })
    .from(flagReviews)
    .innerJoin(users, eq(users.id, flagReviews.actorId))
    .where(eq(flagReviews.flagKey, flagKey))
    .orderBy(desc(flagReviews.at))
    .all();
}

/** The province a flag belonged to when it was last reviewed; undefined when it never was. */
export function flagReviewProvince(db: Db, flagKey: string): string | undefined {
  const row = db.select({ provinceCode: flagReviews.provinceCode }).from(flagReviews).where(eq(flagReviews.flagKey, flagKey)).orderBy(desc(flagReviews.at)).get();
  return row?.provinceCode ?? undefined;
}
