import { FLAG_ACTIONS } from "@/lib/domain/risk/flag-review";
import { auditLog } from "./schema";
import type { Db } from "./client";

/** Who made a change: a signed-in user, or a named process (seed, CLI) when there is none. */
export type AuditActor = { userId: string } | { label: string };

export const AUDIT_ACTIONS = [
  "create",
  "update",
  "deactivate",
  "reactivate",
  "submit",
  "approve",
  "return",
  "reopen",
  "upload",
  "delete",
  "reset",
  // What reviewers do about a flag, logged under its own name.
  ...FLAG_ACTIONS,
  "rate",
  "revoke",
  "import",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface AuditRecord {
  actor: AuditActor;
  entity: "user" | "plan_target" | "centre" | "milestone" | "update" | "evidence" | "reporting_calendar" | "risk_threshold" | "flag" | "confidence_rating" | "api_token" | "import" | "mail" | "notification_preference";
  entityId: string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
  /** When it happened, if not now (the demo seed backdates its reporting rounds). */
  at?: string;
}

/** Must be called inside the transaction that makes the change, so the two commit or fail together. */
export function writeAudit(tx: Tx | Db, record: AuditRecord): void {
  tx.insert(auditLog)
    .values({
      at: record.at ?? new Date().toISOString(),
      actorId: "userId" in record.actor ? record.actor.userId : null,
      actorLabel: "label" in record.actor ? record.actor.label : null,
      entity: record.entity,
      entityId: record.entityId,
      action: record.action,
      before: record.before ?? null,
      after: record.after ?? null,
    })
    .run();
}
