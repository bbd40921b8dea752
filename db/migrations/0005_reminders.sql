CREATE TABLE `mail_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`to_address` text NOT NULL,
	`locale` text NOT NULL,
	`kind` text NOT NULL,
	`digest_day` text,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`claimed_until` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_digest_unique` ON `mail_outbox` (`user_id`,`digest_day`);--> statement-breakpoint
CREATE INDEX `mail_outbox_status_idx` ON `mail_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` text PRIMARY KEY NOT NULL,
	`mode` text NOT NULL,
	`muted` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `red_flag_notices` (
	`flag_key` text PRIMARY KEY NOT NULL,
	`province_code` text NOT NULL,
	`since` text NOT NULL,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `red_flag_notices_province_idx` ON `red_flag_notices` (`province_code`);--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`event_key` text NOT NULL,
	`category` text NOT NULL,
	`centre_id` text,
	`period` text,
	`flag_key` text,
	`params` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	`email_status` text NOT NULL,
	`outbox_id` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`outbox_id`) REFERENCES `mail_outbox`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_user_event_unique` ON `reminders` (`user_id`,`event_key`);--> statement-breakpoint
CREATE INDEX `reminders_user_read_idx` ON `reminders` (`user_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `reminders_email_idx` ON `reminders` (`email_status`);--> statement-breakpoint
CREATE INDEX `reminders_centre_idx` ON `reminders` (`centre_id`);--> statement-breakpoint
CREATE INDEX `reminders_outbox_idx` ON `reminders` (`outbox_id`);