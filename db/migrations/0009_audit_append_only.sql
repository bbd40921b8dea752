-- The audit log is append-only in the database itself, not only by convention in the code: any UPDATE or
-- DELETE on it is refused, whoever sends it. Rows written before migration 0008 are sealed into the hash
-- chain once at migrate time (sealAuditChain in db/audit-chain.ts), which lifts these triggers inside
-- its own transaction.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be updated');
END;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted');
END;
