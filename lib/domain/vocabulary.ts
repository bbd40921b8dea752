// Fixed vocabularies shared by the schema, validation, seed and UI.
// Codes are stable: they appear in the database, the API and import files.

export const ROLES = ["staff", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh";

export const TARGET_KINDS = ["count", "sum", "rate"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const SOURCE_STATUSES = ["sourced", "secondary", "illustrative"] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

export const CENTRE_STATUSES = ["planned", "under_construction", "operational", "suspended"] as const;
export type CentreStatus = (typeof CENTRE_STATUSES)[number];

export const MILESTONE_CATEGORIES = [
  "planning",
  "infrastructure",
  "compute",
  "research",
  "platform",
  "talent",
  "conversion",
  "operation",
] as const;
export type MilestoneCategory = (typeof MILESTONE_CATEGORIES)[number];

/** Focus tags from the domain notes (docs/domain.md, "Duplicate construction"); overlap between centres is only meaningful on a fixed vocabulary. */
export const FOCUS_TAGS = [
  "large_models",
  "ai_chips",
  "algorithm_frameworks",
  "compute_infrastructure",
  "data_elements",
  "smart_manufacturing",
  "smart_city",
  "embodied_ai",
  "ai_for_science",
  "healthcare",
  "finance",
  "education",
] as const;
export type FocusTag = (typeof FOCUS_TAGS)[number];

export const UPDATE_STATUSES = ["draft", "submitted", "returned", "approved"] as const;

/** Compute is only comparable within one precision. */
export const COMPUTE_PRECISIONS = ["FP64", "FP32", "FP16", "BF16", "INT8"] as const;
export type ComputePrecision = (typeof COMPUTE_PRECISIONS)[number];

export const CADENCES = ["monthly", "quarterly"] as const;
