import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { writeAudit, type AuditActor } from "./audit";
import { riskThresholds } from "./schema";
import { ConflictError, FieldErrors } from "@/lib/domain/errors";
import { DEFAULT_THRESHOLDS, type RiskThresholds } from "@/lib/domain/risk/thresholds";
import { readThreshold, thresholdOrderViolations, withOverrides } from "@/lib/domain/risk/threshold-fields";
import { writeTransaction, type DbOrTx } from "./transaction";

/** The thresholds in force: the defaults with every stored override applied. Read on each request, so an edit takes effect at once. */
export function getThresholds(db: Db): RiskThresholds {
  const rows = db.select({ key: riskThresholds.key, value: riskThresholds.value }).from(riskThresholds).all();
  return withOverrides(new Map(rows.map((r) => [r.key, r.value])));
}

/** Each stored override with its version (0 and no row for keys at their default). */
export function listThresholdOverrides(db: Db) {
  return new Map(db.select().from(riskThresholds).all().map((r) => [r.key, r]));
}

/**
 * Sets one threshold (value = null: back to the default), refusing a stale version and a value that
 * would break the order between red and amber figures; audited in the same transaction.
 */
export function setThreshold(db: DbOrTx, input: { key: string; value: number | null; version: number }, actor: AuditActor & { userId: string }): void {
  writeTransaction(db, (tx) => {
    const stored = tx.select().from(riskThresholds).where(eq(riskThresholds.key, input.key)).get();
    if ((stored?.version ?? 0) !== input.version) throw new ConflictError();
    const overrides = new Map(tx.select({ key: riskThresholds.key, value: riskThresholds.value }).from(riskThresholds).all().map((r) => [r.key, r.value]));
    if (input.value === null) overrides.delete(input.key);
    else overrides.set(input.key, input.value);
    const violations = thresholdOrderViolations(withOverrides(overrides));
    if (violations.length > 0) throw new FieldErrors({ value: "thresholdOrder" });

    const before = stored?.value ?? readThreshold(DEFAULT_THRESHOLDS, input.key);
    if (input.value === null) {
      if (!stored) return;
      tx.delete(riskThresholds).where(eq(riskThresholds.key, input.key)).run();
    } else if (stored) {
      tx.update(riskThresholds).set({ value: input.value, version: stored.version + 1, updatedBy: actor.userId }).where(eq(riskThresholds.key, input.key)).run();
    } else {
      tx.insert(riskThresholds).values({ key: input.key, value: input.value, updatedBy: actor.userId }).run();
    }
    const after = input.value ?? readThreshold(DEFAULT_THRESHOLDS, input.key);
    writeAudit(tx, { actor, entity: "risk_threshold", entityId: input.key, action: input.value === null ? "reset" : "update", before: { value: before }, after: { value: after } });
  });
}
