import "server-only";
import { createHash } from "node:crypto";
import { writeMark } from "@/db/audit";
import { applyImport, ImportRowError, type ImportWrite } from "@/db/imports";
import { DomainError, FieldErrors } from "@/lib/domain/errors";
import { readGrid } from "@/lib/import/file";
import { runToEnd } from "@/lib/import/issues";
import { readTable, type ImportIssue, type ImportTable } from "@/lib/import/table";
import { defineCommand } from "../define";
import { OUT_OF_SCOPE_REASONS, planImport, type ImportPlan } from "./plan-import";
import { runImportSchema, type ImportProgress } from "./run-import.schema";

// Read the file, check every row against the stored data with the forms' rules (yielding to other
// requests and reporting progress), and only when nothing is wrong (and this is not a dry run) write it
// all in the one transaction of the command, each row with its audit entry and one for the batch.

export interface ImportCounts {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  skip: number;
}

export type ImportOutcome =
  | { status: "refused"; issues: ImportIssue[]; counts: ImportCounts }
  | { status: "checked"; counts: ImportCounts }
  | { status: "imported"; counts: ImportCounts; batchId: string | null };

const EMPTY: ImportCounts = { rows: 0, create: 0, update: 0, unchanged: 0, skip: 0 };
const pause = () => new Promise((resolve) => setImmediate(resolve));

/** Runs a planning generator, reporting progress and letting other requests in between steps. */
async function drive<T>(steps: Generator<number, T>, total: number, onProgress: (p: ImportProgress) => void): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress({ phase: "checking", done: step.value, total });
    await pause();
  }
}

function countsOf(rows: number, actions: readonly ImportWrite[]): ImportCounts {
  const count = (op: ImportWrite["op"]) => actions.filter((a) => a.op === op).length;
  // A saved update is new when the period had none (version 0).
  const newUpdates = actions.filter((a) => a.op === "save" && a.fields.version === 0).length;
  return { rows, create: count("create") + newUpdates, update: count("update") + count("save") - newUpdates, unchanged: count("unchanged"), skip: count("skip") };
}

/** What the check phase leaves for the write: an answer already, or a plan made at this audit stamp. */
type Checked = { answer: ImportOutcome } | { table: ImportTable; plan: ImportPlan; stamp: number };

/** The answer when the plan needs no write: its issues, a dry run's counts, or nothing to change. */
function answerWithoutWrite(plan: ImportPlan, counts: ImportCounts, dryRun: boolean): ImportOutcome | undefined {
  if (plan.issues.length > 0) return { status: "refused", issues: plan.issues, counts };
  if (dryRun) return { status: "checked", counts };
  // Nothing to change: no audit entry, so a repeated import leaves no trace at all.
  if (counts.create === 0 && counts.update === 0) return { status: "imported", counts, batchId: null };
  return undefined;
}

export const runImport = defineCommand({
  name: "import.run",
  input: runImportSchema,
  // Rows outside the importer's province are reported as issues of their rows (logged once, below):
  // the call as a whole is in scope, since the rule admits the importer's role.
  province: () => null,
  target: (input) => input.kind,
  load: async ({ db, actor, input, logRefusal }): Promise<Checked> => {
    const onProgress = input.onProgress ?? (() => undefined);
    onProgress({ phase: "reading" });
    const grid = await readGrid(input.file.bytes);
    if ("error" in grid) return { answer: { status: "refused", issues: [{ row: null, column: null, value: null, reason: grid.error }], counts: EMPTY } };
    const table = readTable(input.kind, grid.grid);
    // Without a header (or a required column) every row would fail the same way: report the header alone.
    if (table.records.length === 0 || table.issues.some((i) => i.reason === "missingColumn")) return { answer: { status: "refused", issues: table.issues, counts: EMPTY } };
    const stamp = writeMark(db).auditId;
    const plan = await drive(planImport(db, actor, input, table), table.records.length, onProgress);
    if (plan.issues.some((issue) => OUT_OF_SCOPE_REASONS.has(issue.reason))) await logRefusal("row_out_of_scope");
    const answer = answerWithoutWrite(plan, countsOf(table.records.length, plan.actions), input.dryRun);
    if (answer) return { answer };
    onProgress({ phase: "writing", total: table.records.length });
    await pause();
    return { table, plan, stamp };
  },
  run: (tx, { actor, input, rows }): ImportOutcome => {
    if ("answer" in rows) return rows.answer;
    // Inside the write lock nothing awaits. If the audit log grew while the file was checked (another
    // import of the same file, an edit in a form), the plan is made again against what is stored now.
    const plan = writeMark(tx).auditId === rows.stamp ? rows.plan : runToEnd(planImport(tx, actor, input, rows.table));
    const total = rows.table.records.length;
    const counts = countsOf(total, plan.actions);
    const answer = answerWithoutWrite(plan, counts, false);
    if (answer) return answer;
    const sha256 = createHash("sha256").update(input.file.bytes).digest("hex");
    const batch = { kind: input.kind, fileName: input.file.name, sha256, rows: total, ...(input.kind === "updates" && { period: input.period, intent: input.submit ? ("submit" as const) : ("save" as const) }) };
    try {
      const written = applyImport(tx, batch, plan.actions, actor);
      return { status: "imported", counts, batchId: written.id };
    } catch (error) {
      if (!(error instanceof ImportRowError)) throw error;
      const reason = error.cause instanceof DomainError ? error.cause.messageKey : error.cause instanceof FieldErrors ? Object.values(error.cause.keys)[0] : undefined;
      if (reason === undefined) throw error.cause;
      // A row the data layer refused after the check passed: the whole file rolls back, and the refusal
      // names the row (as its field) so the adapter can show it as that row's issue.
      throw new DomainError(reason, `row:${error.row}`);
    }
  },
});

/** A write-time refusal of one row (see above) as the import issue the form lists. */
export function rowRefusalIssue(refusal: { messageKey: string; field?: string }): ImportIssue {
  const row = refusal.field?.startsWith("row:") ? Number(refusal.field.slice(4)) : null;
  return { row, column: null, value: null, reason: refusal.messageKey };
}
