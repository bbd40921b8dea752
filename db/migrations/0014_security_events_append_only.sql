-- The security log is append-only in the database itself, as the audit log is (0009): any UPDATE or
-- DELETE on it is refused, whoever sends it, so a refusal once recorded cannot be quietly removed.
CREATE TRIGGER `security_events_no_update` BEFORE UPDATE ON `security_events`
BEGIN
  SELECT RAISE(ABORT, 'security_events is append-only: rows cannot be updated');
END;--> statement-breakpoint
CREATE TRIGGER `security_events_no_delete` BEFORE DELETE ON `security_events`
BEGIN
  SELECT RAISE(ABORT, 'security_events is append-only: rows cannot be deleted');
END;
