-- The engine read model's versions (db/engine-versions.ts). Triggers bump a province's row inside the
-- writing transaction, and only for writes that can change its figures: approvals, returns and reopens
-- of approved data, centre, milestone, target, target-link and calendar edits, flag reviews. Thresholds
-- and the province list bump `*`, which every partition reads. Draft saves, submissions, tokens, mail
-- and preferences touch none of these tables' watched rows, so they bump nothing. `past_version` moves
-- only for what can still change a past close: calendars and target links (read as they are now),
-- deletions and thresholds; later edits are undone from the audit log and later approvals do not count.
CREATE TABLE `engine_versions` (
	`scope` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`past_version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `engine_centres_insert` AFTER INSERT ON `centres`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES (NEW.province_code);
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = NEW.province_code;
END;--> statement-breakpoint
CREATE TRIGGER `engine_centres_update` AFTER UPDATE ON `centres`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES (NEW.province_code);
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = NEW.province_code;
  INSERT OR IGNORE INTO engine_versions (scope) VALUES (OLD.province_code);
  UPDATE engine_versions SET version = version + 1, past_version = past_version + (OLD.province_code <> NEW.province_code) WHERE scope = OLD.province_code;
END;--> statement-breakpoint
CREATE TRIGGER `engine_centres_delete` AFTER DELETE ON `centres`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES (OLD.province_code);
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = OLD.province_code;
END;--> statement-breakpoint
CREATE TRIGGER `engine_focus_tags_insert` AFTER INSERT ON `centre_focus_tags`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT province_code FROM centres WHERE id = NEW.centre_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = (SELECT province_code FROM centres WHERE id = NEW.centre_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_focus_tags_delete` AFTER DELETE ON `centre_focus_tags`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT province_code FROM centres WHERE id = OLD.centre_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = (SELECT province_code FROM centres WHERE id = OLD.centre_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_centre_targets_insert` AFTER INSERT ON `centre_targets`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT province_code FROM centres WHERE id = NEW.centre_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = (SELECT province_code FROM centres WHERE id = NEW.centre_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_centre_targets_delete` AFTER DELETE ON `centre_targets`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT province_code FROM centres WHERE id = OLD.centre_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = (SELECT province_code FROM centres WHERE id = OLD.centre_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_milestones_insert` AFTER INSERT ON `milestones`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT province_code FROM centres WHERE id = NEW.centre_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = (SELECT province_code FROM centres WHERE id = NEW.centre_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_milestones_update` AFTER UPDATE ON `milestones`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT province_code FROM centres WHERE id = NEW.centre_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = (SELECT province_code FROM centres WHERE id = NEW.centre_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_milestones_delete` AFTER DELETE ON `milestones`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT province_code FROM centres WHERE id = OLD.centre_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = (SELECT province_code FROM centres WHERE id = OLD.centre_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_plan_targets_insert` AFTER INSERT ON `plan_targets`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES (NEW.province_code);
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = NEW.province_code;
END;--> statement-breakpoint
CREATE TRIGGER `engine_plan_targets_update` AFTER UPDATE ON `plan_targets`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES (NEW.province_code);
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = NEW.province_code;
END;--> statement-breakpoint
CREATE TRIGGER `engine_plan_targets_delete` AFTER DELETE ON `plan_targets`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES (OLD.province_code);
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = OLD.province_code;
END;--> statement-breakpoint
CREATE TRIGGER `engine_calendars_insert` AFTER INSERT ON `reporting_calendars`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES (NEW.province_code);
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = NEW.province_code;
END;--> statement-breakpoint
CREATE TRIGGER `engine_calendars_update` AFTER UPDATE ON `reporting_calendars`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES (NEW.province_code);
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = NEW.province_code;
END;--> statement-breakpoint
CREATE TRIGGER `engine_calendars_delete` AFTER DELETE ON `reporting_calendars`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES (OLD.province_code);
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = OLD.province_code;
END;--> statement-breakpoint
CREATE TRIGGER `engine_updates_insert` AFTER INSERT ON `updates`
WHEN NEW.status = 'approved'
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT province_code FROM centres WHERE id = NEW.centre_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = (SELECT province_code FROM centres WHERE id = NEW.centre_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_updates_update` AFTER UPDATE ON `updates`
WHEN OLD.status = 'approved' OR NEW.status = 'approved'
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT province_code FROM centres WHERE id = NEW.centre_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = (SELECT province_code FROM centres WHERE id = NEW.centre_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_updates_delete` AFTER DELETE ON `updates`
WHEN OLD.status = 'approved'
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT province_code FROM centres WHERE id = OLD.centre_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = (SELECT province_code FROM centres WHERE id = OLD.centre_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_update_milestones_insert` AFTER INSERT ON `update_milestones`
WHEN (SELECT status FROM updates WHERE id = NEW.update_id) = 'approved'
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT c.province_code FROM updates u JOIN centres c ON c.id = u.centre_id WHERE u.id = NEW.update_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = (SELECT c.province_code FROM updates u JOIN centres c ON c.id = u.centre_id WHERE u.id = NEW.update_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_update_milestones_update` AFTER UPDATE ON `update_milestones`
WHEN (SELECT status FROM updates WHERE id = NEW.update_id) = 'approved'
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT c.province_code FROM updates u JOIN centres c ON c.id = u.centre_id WHERE u.id = NEW.update_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = (SELECT c.province_code FROM updates u JOIN centres c ON c.id = u.centre_id WHERE u.id = NEW.update_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_update_milestones_delete` AFTER DELETE ON `update_milestones`
WHEN (SELECT status FROM updates WHERE id = OLD.update_id) = 'approved'
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT c.province_code FROM updates u JOIN centres c ON c.id = u.centre_id WHERE u.id = OLD.update_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = (SELECT c.province_code FROM updates u JOIN centres c ON c.id = u.centre_id WHERE u.id = OLD.update_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_approvals_insert` AFTER INSERT ON `update_approvals`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT province_code FROM centres WHERE id = NEW.centre_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = (SELECT province_code FROM centres WHERE id = NEW.centre_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_approvals_update` AFTER UPDATE ON `update_approvals`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT province_code FROM centres WHERE id = NEW.centre_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = (SELECT province_code FROM centres WHERE id = NEW.centre_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_approvals_delete` AFTER DELETE ON `update_approvals`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ((SELECT province_code FROM centres WHERE id = OLD.centre_id));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = (SELECT province_code FROM centres WHERE id = OLD.centre_id);
END;--> statement-breakpoint
CREATE TRIGGER `engine_flag_reviews_insert` AFTER INSERT ON `flag_reviews`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES (COALESCE(NEW.province_code, '*'));
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 0 WHERE scope = COALESCE(NEW.province_code, '*');
END;--> statement-breakpoint
CREATE TRIGGER `engine_thresholds_insert` AFTER INSERT ON `risk_thresholds`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ('*');
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = '*';
END;--> statement-breakpoint
CREATE TRIGGER `engine_thresholds_update` AFTER UPDATE ON `risk_thresholds`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ('*');
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = '*';
END;--> statement-breakpoint
CREATE TRIGGER `engine_thresholds_delete` AFTER DELETE ON `risk_thresholds`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ('*');
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = '*';
END;--> statement-breakpoint
CREATE TRIGGER `engine_provinces_insert` AFTER INSERT ON `provinces`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ('*');
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = '*';
END;--> statement-breakpoint
CREATE TRIGGER `engine_provinces_delete` AFTER DELETE ON `provinces`
BEGIN
  INSERT OR IGNORE INTO engine_versions (scope) VALUES ('*');
  UPDATE engine_versions SET version = version + 1, past_version = past_version + 1 WHERE scope = '*';
END;
