PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_red_flag_notices` (
	`flag_key` text PRIMARY KEY NOT NULL,
	`since` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_red_flag_notices`("flag_key", "since") SELECT "flag_key", "since" FROM `red_flag_notices`;--> statement-breakpoint
DROP TABLE `red_flag_notices`;--> statement-breakpoint
ALTER TABLE `__new_red_flag_notices` RENAME TO `red_flag_notices`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `mail_outbox` DROP COLUMN `locale`;