ALTER TABLE `evidence_files` ADD `deleted_at` text;--> statement-breakpoint
ALTER TABLE `evidence_files` ADD `deleted_by` text REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `evidence_deleted_by_idx` ON `evidence_files` (`deleted_by`);