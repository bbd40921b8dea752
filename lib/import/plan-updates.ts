import { updateFieldsSchema, VALUE_FIELDS, type UpdateFields, type UpdateValues } from "@/lib/validation/update";
import type { UpdateStatus } from "@/lib/domain/periods";
import { INDICATORS, type IndicatorDef } from "@/lib/registry/indicators";
import type { CentreDirectory } from "./centre-ref";
import { IssueList, KeyRegister, PROGRESS_EVERY } from "./issues";
import { cellText, type CellValue, type ImportIssue, type ImportTable } from "./table";
import { codeOf, isCodedField, numberCell } from "./values";

// One period's update rows → drafts saved (and, if asked, submitted) through the reporting form's rules.
// Milestone progress is not in the file: a row keeps the draft's progress, or the last approved progress,
// exactly as the form starts from. A row with no figures for a centre that has no update is skipped.

export interface ExistingUpdate {
  status: UpdateStatus;
  version: number;
  values: UpdateValues;
  milestones: UpdateFields["milestones"];
}

export interface UpdateImportContext {
  existing(centreId: string): ExistingUpdate | undefined;
  /** Every milestone of the centre with its progress as last approved. */
  approvedMilestones(centreId: string): UpdateFields["milestones"];
  /** The form's checks against stored state; refusals name a field (or none for the whole row) and a message key. */
  check(fields: UpdateFields): { issues: { field: string | null; reason: string }[] } | { ok: true };
}

export type UpdateAction =
  | { kind: "update"; row: number; op: "save"; fields: UpdateFields }
  | { kind: "update"; row: number; op: "unchanged"; centreId: string }
  /** No figures and no update yet: nothing to save. */
  | { kind: "update"; row: number; op: "skip"; centreId: string };

const INDICATOR_BY_KEY: ReadonlyMap<string, IndicatorDef> = new Map(INDICATORS.map((d) => [d.key, d]));
const VALUE_KEYS: ReadonlySet<string> = new Set(VALUE_FIELDS);

/** The draft's progress where it has one, else the last approved, for every milestone the centre has now. */
function milestoneProgress(centreId: string, existing: ExistingUpdate | undefined, context: UpdateImportContext): UpdateFields["milestones"] {
  const draft = new Map(existing?.milestones.map((m) => [m.id, m]));
  return context.approvedMilestones(centreId).map((m) => draft.get(m.id) ?? m);
}

/** A cell as the form's field takes it: text, an enum's code (its label in either language read back), or a number. */
function cellFor(field: string, value: CellValue) {
  const def = INDICATOR_BY_KEY.get(field);
  if (def === undefined) return cellText(value);
  if (def.type === "enum") return isCodedField(field) ? codeOf(field, value) : cellText(value);
  return numberCell(value);
}

export function sameValues(a: UpdateValues, b: UpdateValues): boolean {
  return VALUE_FIELDS.every((f) => (a[f] ?? null) === (b[f] ?? null));
}

export function* planUpdates(
  table: ImportTable,
  period: string,
  intent: "save" | "submit",
  centres: CentreDirectory,
  context: UpdateImportContext,
): Generator<number, { actions: UpdateAction[]; issues: ImportIssue[] }> {
  const issues = new IssueList("updates", table);
  const present = new Set(table.headers.keys());
  const seen = new KeyRegister();
  const actions: UpdateAction[] = [];

  for (const [index, record] of table.records.entries()) {
    if (index % PROGRESS_EVERY === 0) yield index;
    const ref = centres.resolve(record);
    if ("reason" in ref) {
      issues.add(record, ref.key, ref.reason);
      continue;
    }
    const centreId = ref.centre.id;
    const before = issues.length;
    const periodCell = cellText(record.values.period ?? null);
    if (periodCell !== null && periodCell.trim().toUpperCase() !== period) issues.add(record, "period", "periodMismatch", { period });
    const first = seen.claim(centreId, record.row);
    if (first !== undefined) issues.add(record, null, "duplicateRow", { first });

    const existing = context.existing(centreId);
    const raw = Object.fromEntries(VALUE_FIELDS.map((f) => [f, present.has(f) ? cellFor(f, record.values[f] ?? null) : (existing?.values[f] ?? null)]));
    const parsed = updateFieldsSchema.safeParse({
      ...raw,
      centreId,
      period,
      version: existing?.version ?? 0,
      intent,
      milestones: milestoneProgress(centreId, existing, context),
    });
    if (!parsed.success) {
      issues.addZod(record, parsed.error.issues);
      continue;
    }
    if (issues.length > before) continue;
    const fields = parsed.data;
    const reported = VALUE_FIELDS.some((f) => fields[f] !== null);
    if (!existing && !reported) {
      actions.push({ kind: "update", row: record.row, op: "skip", centreId });
      continue;
    }
    const unchanged = existing !== undefined && sameValues(existing.values, fields);
    const editable = existing === undefined || existing.status === "draft" || existing.status === "returned";
    if (unchanged && (intent === "save" || existing.status === "submitted" || existing.status === "approved")) {
      actions.push({ kind: "update", row: record.row, op: "unchanged", centreId });
      continue;
    }
    if (!editable) {
      issues.add(record, null, "updateLocked");
      continue;
    }
    if (existing && issues.staleAgainst(record, existing.version)) continue;
    const checked = context.check(fields);
    if ("issues" in checked) {
      for (const issue of checked.issues) issues.add(record, issue.field !== null && VALUE_KEYS.has(issue.field) ? issue.field : null, issue.reason);
      continue;
    }
    actions.push({ kind: "update", row: record.row, op: "save", fields });
  }
  return { actions, issues: issues.issues };
}
