CREATE TABLE `update_approvals` (
	`id` text PRIMARY KEY NOT NULL,
	`update_id` text NOT NULL,
	`centre_id` text NOT NULL,
	`period` text NOT NULL,
	`period_end` text NOT NULL,
	`values` text NOT NULL,
	`milestones` text NOT NULL,
	`approved_by` text,
	`approved_at` text NOT NULL,
	`withdrawn_at` text,
	FOREIGN KEY (`update_id`) REFERENCES `updates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`centre_id`) REFERENCES `centres`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `update_approvals_update_idx` ON `update_approvals` (`update_id`);--> statement-breakpoint
CREATE INDEX `update_approvals_approved_idx` ON `update_approvals` (`approved_at`);--> statement-breakpoint
-- Updates approved before this table existed: their standing approval, as approved (they cannot have changed since without a reopen).
INSERT INTO `update_approvals` (`id`, `update_id`, `centre_id`, `period`, `period_end`, `values`, `milestones`, `approved_by`, `approved_at`, `withdrawn_at`)
SELECT 'backfill-' || u.`id`, u.`id`, u.`centre_id`, u.`period`, u.`period_end`,
  json_object('investmentExecutedYuan', u.`investment_executed_yuan`, 'patentsFiled', u.`patents_filed`, 'patentsGranted', u.`patents_granted`,
    'resultsProduced', u.`results_produced`, 'convertedSelf', u.`converted_self`, 'convertedTransfer', u.`converted_transfer`,
    'convertedLicense', u.`converted_license`, 'convertedJoint', u.`converted_joint`, 'convertedEquity', u.`converted_equity`,
    'techContractValueYuan', u.`tech_contract_value_yuan`, 'firmsIncubated', u.`firms_incubated`, 'talentIntroduced', u.`talent_introduced`,
    'computePflops', u.`compute_pflops`, 'computePrecision', u.`compute_precision`, 'utilizationPercent', u.`utilization_percent`,
    'narrative', u.`narrative`, 'correctionReason', u.`correction_reason`),
  (SELECT coalesce(json_group_array(json_object('id', m.`milestone_id`, 'progress', m.`progress`, 'actualCompletionDate', m.`actual_completion_date`)), '[]')
     FROM `update_milestones` m WHERE m.`update_id` = u.`id`),
  u.`approved_by`, coalesce(u.`approved_at`, u.`updated_at`), NULL
FROM `updates` u WHERE u.`status` = 'approved';
