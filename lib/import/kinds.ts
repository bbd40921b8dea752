/** What a file can import (kept apart from the column table so the browser form does not load the message files). */
export const IMPORT_KINDS = ["centres", "milestones", "updates"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
