import "server-only";
import { desc, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { writeAudit } from "./audit";
import { strictlyAfter } from "./flag-reviews";
import { confidenceRatings, users } from "./schema";
import type { DeliveryLevel } from "@/lib/domain/engine";
import { writeTransaction, type DbOrTx } from "./transaction";

export interface ConfidenceRatingInput {
  centreId: string;
  rating: DeliveryLevel;
  narrative: string;
  computedLevel: DeliveryLevel;
  computedCompletionPct: number;
}

/** Appends a reviewer's rating with the computed level and completion beside it, audited. */
export function recordConfidenceRating(db: DbOrTx, input: ConfidenceRatingInput, actorId: string): string {
  const id = randomUUID();
  writeTransaction(db, (tx) => {
    const last = tx.select({ at: confidenceRatings.at }).from(confidenceRatings).where(eq(confidenceRatings.centreId, input.centreId)).orderBy(desc(confidenceRatings.at)).get();
    tx.insert(confidenceRatings).values({ id, ...input, actorId, at: strictlyAfter(last?.at) }).run();
    writeAudit(tx, { actor: { userId: actorId }, entity: "confidence_rating", entityId: input.centreId, action: "rate", after: input });
  });
  return id;
}

/** A centre's ratings, newest first, with the reviewer's name. */
export function listConfidenceRatings(db: Db, centreId: string) {
  return db
    .select({
      id: confidenceRatings.id,
      rating: confidenceRatings.rating,
      narrative: confidenceRatings.narrative,
      computedLevel: confidenceRatings.computedLevel,
      computedCompletionPct: confidenceRatings.computedCompletionPct,
      at: confidenceRatings.at,
      actorName: users.name,
    })
    .from(confidenceRatings)
    .innerJoin(users, eq(users.id, confidenceRatings.actorId))
    .where(eq(confidenceRatings.centreId, centreId))
    .orderBy(desc(confidenceRatings.at))
    .all();
}
