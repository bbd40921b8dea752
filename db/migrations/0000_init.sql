CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`actor_label` text,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_log` (`actor_id`);--> statement-breakpoint
CREATE TABLE `centre_focus_tags` (
	`centre_id` text NOT NULL,
	`tag` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`centre_id`, `tag`),
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `centre_focus_tags_tag_idx` ON `centre_focus_tags` (`tag`);--> statement-breakpoint
CREATE TABLE `centre_targets` (
	`centre_id` text NOT NULL,
	`target_id` text NOT NULL,
	PRIMARY KEY(`centre_id`, `target_id`),
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_id`) REFERENCES `plan_targets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `centre_targets_target_idx` ON `centre_targets` (`target_id`);--> statement-breakpoint
CREATE TABLE `centres` (
	`id` text PRIMARY KEY NOT NULL,
	`province_code` text NOT NULL,
	`city_code` text NOT NULL,
	`name` text NOT NULL,
	`lead_institution` text NOT NULL,
	`lead_credit_code` text,
	`partners` text NOT NULL,
	`planned_budget_yuan` integer NOT NULL,
	`start_date` text NOT NULL,
	`planned_completion_date` text NOT NULL,
	`status` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `centres_province_idx` ON `centres` (`province_code`);--> statement-breakpoint
CREATE INDEX `centres_city_idx` ON `centres` (`city_code`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`weight` integer DEFAULT 1 NOT NULL,
	`planned_date` text NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`actual_completion_date` text,
	`evidence_required` integer DEFAULT false NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `milestones_centre_idx` ON `milestones` (`centre_id`);--> statement-breakpoint
CREATE TABLE `plan_targets` (
	`id` text PRIMARY KEY NOT NULL,
	`province_code` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`metric` text NOT NULL,
	`unit` text NOT NULL,
	`target_value` real NOT NULL,
	`baseline_value` real DEFAULT 0 NOT NULL,
	`baseline_date` text NOT NULL,
	`deadline` text NOT NULL,
	`source_document` text NOT NULL,
	`source_url` text,
	`source_status` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_targets_province_idx` ON `plan_targets` (`province_code`);--> statement-breakpoint
CREATE TABLE `provinces` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`short_zh` text NOT NULL,
	`abbr_zh` text NOT NULL,
	`type` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`province_code` text,
	`active` integer DEFAULT true NOT NULL,
	`locale` text DEFAULT 'zh' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_province_idx` ON `users` (`province_code`);