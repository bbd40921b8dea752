CREATE TABLE `evidence_files` (
	`id` text PRIMARY KEY NOT NULL,
	`update_id` text NOT NULL,
	`milestone_id` text,
	`original_name` text NOT NULL,
	`stored_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`uploaded_at` text NOT NULL,
	`deleted_at` text,
	`deleted_by` text,
	FOREIGN KEY (`update_id`) REFERENCES `updates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`deleted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_update_idx` ON `evidence_files` (`update_id`);--> statement-breakpoint
CREATE INDEX `evidence_deleted_by_idx` ON `evidence_files` (`deleted_by`);--> statement-breakpoint
CREATE INDEX `evidence_milestone_idx` ON `evidence_files` (`milestone_id`);--> statement-breakpoint
CREATE INDEX `evidence_uploaded_by_idx` ON `evidence_files` (`uploaded_by`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`update_id` text NOT NULL,
	`actor_id` text,
	`reason` text,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`update_id`) REFERENCES `updates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `notifications_update_idx` ON `notifications` (`update_id`);--> statement-breakpoint
CREATE INDEX `notifications_actor_idx` ON `notifications` (`actor_id`);--> statement-breakpoint
CREATE TABLE `reporting_calendars` (
	`province_code` text PRIMARY KEY NOT NULL,
	`cadence` text NOT NULL,
	`due_days` integer NOT NULL,
	`grace_days` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `update_milestones` (
	`update_id` text NOT NULL,
	`milestone_id` text NOT NULL,
	`progress` integer NOT NULL,
	`actual_completion_date` text,
	PRIMARY KEY(`update_id`, `milestone_id`),
	FOREIGN KEY (`update_id`) REFERENCES `updates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `update_milestones_milestone_idx` ON `update_milestones` (`milestone_id`);--> statement-breakpoint
CREATE TABLE `updates` (
	`id` text PRIMARY KEY NOT NULL,
	`centre_id` text NOT NULL,
	`period` text NOT NULL,
	`period_end` text NOT NULL,
	`status` text NOT NULL,
	`investment_executed_yuan` integer,
	`compute_pflops` real,
	`compute_precision` text,
	`utilization_percent` real,
	`patents_filed` integer,
	`patents_granted` integer,
	`results_produced` integer,
	`converted_self` integer,
	`converted_transfer` integer,
	`converted_license` integer,
	`converted_joint` integer,
	`converted_equity` integer,
	`tech_contract_value_yuan` integer,
	`firms_incubated` integer,
	`talent_introduced` integer,
	`narrative` text,
	`correction_reason` text,
	`editor_ids` text NOT NULL,
	`created_by` text NOT NULL,
	`submitted_by` text,
	`submitted_at` text,
	`approved_by` text,
	`approved_at` text,
	`returned_by` text,
	`returned_at` text,
	`return_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`returned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `updates_centre_period_unique` ON `updates` (`centre_id`,`period`);--> statement-breakpoint
CREATE INDEX `updates_status_idx` ON `updates` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `updates_created_by_idx` ON `updates` (`created_by`);--> statement-breakpoint
CREATE INDEX `updates_submitted_by_idx` ON `updates` (`submitted_by`);--> statement-breakpoint
CREATE INDEX `updates_approved_by_idx` ON `updates` (`approved_by`);--> statement-breakpoint
CREATE INDEX `updates_returned_by_idx` ON `updates` (`returned_by`);