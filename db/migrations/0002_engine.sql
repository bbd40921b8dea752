CREATE TABLE `confidence_ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`rating` text NOT NULL,
	`narrative` text NOT NULL,
	`computed_level` text NOT NULL,
	`computed_completion_pct` real NOT NULL,
	`actor_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `confidence_ratings_centre_idx` ON `confidence_ratings` (`centre_id`,`at`);--> statement-breakpoint
CREATE INDEX `confidence_ratings_actor_idx` ON `confidence_ratings` (`actor_id`);--> statement-breakpoint
CREATE TABLE `flag_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`flag_key` text NOT NULL,
	`code` text NOT NULL,
	`province_code` text,
	`action` text NOT NULL,
	`comment` text NOT NULL,
	`expires_on` text,
	`severity` text NOT NULL,
	`values` text NOT NULL,
	`actor_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `flag_reviews_key_idx` ON `flag_reviews` (`flag_key`,`at`);--> statement-breakpoint
CREATE INDEX `flag_reviews_actor_idx` ON `flag_reviews` (`actor_id`);--> statement-breakpoint
CREATE INDEX `flag_reviews_province_idx` ON `flag_reviews` (`province_code`);--> statement-breakpoint
CREATE TABLE `risk_thresholds` (
	`key` text PRIMARY KEY NOT NULL,
	`value` real NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `plan_targets` ADD `measure` text;--> statement-breakpoint
ALTER TABLE `plan_targets` ADD `planned_values` text DEFAULT '[]' NOT NULL;