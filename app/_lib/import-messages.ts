import "server-only";
import { CENTRE_STATUSES, COMPUTE_PRECISIONS, FOCUS_TAGS, MILESTONE_CATEGORIES } from "@/lib/domain/vocabulary";
import type { ImportIssue } from "@/lib/import/table";

type Translator = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** The choices of each coded column, in the reader's language, for "unknownCode". */
function choices(t: Translator, field: string | number | undefined): string {
  const labels: Record<string, () => string[]> = {
    focusTags: () => FOCUS_TAGS.map((c) => t(`focusTags.${c}`)),
    status: () => CENTRE_STATUSES.map((c) => t(`centreStatuses.${c}`)),
    category: () => MILESTONE_CATEGORIES.map((c) => t(`milestoneCategories.${c}`)),
    computePrecision: () => [...COMPUTE_PRECISIONS],
  };
  return (labels[String(field)]?.() ?? []).join(t("import.choiceSeparator"));
}

/** An import problem in words: the import's own reasons first, then the forms' validation and error messages. */
export function issueText(t: Translator, issue: Pick<ImportIssue, "reason"> & Partial<Pick<ImportIssue, "params" | "value">>): string {
  const values = { value: issue.value ?? "", ...issue.params, ...(issue.reason === "unknownCode" && { choices: choices(t, issue.params?.field) }) };
  for (const namespace of ["import.reasons", "validation", "errors"]) {
    const key = `${namespace}.${issue.reason}`;
    if (t.has(key)) return t(key, values);
  }
  return issue.reason;
}
