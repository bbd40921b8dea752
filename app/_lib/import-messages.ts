import "server-only";
import type { ImportIssue } from "@/lib/import/table";

type Translator = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** An import problem in words: the import's own reasons first, then the forms' validation and error messages. */
export function issueText(t: Translator, issue: Pick<ImportIssue, "reason"> & Partial<Pick<ImportIssue, "params" | "value">>): string {
  const values = { value: issue.value ?? "", ...issue.params };
  for (const namespace of ["import.reasons", "validation", "errors"]) {
    const key = `${namespace}.${issue.reason}`;
    if (t.has(key)) return t(key, values);
  }
  return issue.reason;
}
