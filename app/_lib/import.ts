import "server-only";
import { createHash } from "node:crypto";
import { getCalendar } from "@/db/calendars";
import type { Db } from "@/db/client";
import { auditStamp } from "@/db/engine";
import { applyImport, centreRefs, importableCentres, importableMilestones, ImportRowError, periodUpdates, targetProvinces, type ImportWrite } from "@/db/imports";
import { listProvinceOptions } from "@/db/provinces";
import { loadUpdateContexts } from "@/db/update-context";
import { chinaToday } from "@/lib/domain/china-time";
import { DomainError, FieldErrors, ForbiddenError } from "@/lib/domain/errors";
import { parsePeriod, type Calendar } from "@/lib/domain/periods";
import { canEditCentresIn, editableScope, type Actor } from "@/lib/domain/permissions";
import { env } from "@/lib/env";
import { CentreDirectory } from "@/lib/import/centre-ref";
import { readGrid } from "@/lib/import/file";
import { runToEnd } from "@/lib/import/issues";
import { planCentres } from "@/lib/import/plan-centres";
import { planMilestones } from "@/lib/import/plan-milestones";
import { planUpdates } from "@/lib/import/plan-updates";
import { readTable, type ImportIssue, type ImportTable } from "@/lib/import/table";
import type { ImportOptions } from "@/lib/validation/import";
import { checkUpdateAgainst } from "./update-edits";

// The import use case: read the file, check every row against the stored data with the forms' rules,
// and only when nothing is wrong (and this is not a dry run) write it all in one transaction.

export type ImportProgress = { phase: "reading" } | { phase: "checking"; done: number; total: number } | { phase: "writing"; total: number };

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

function plan(db: Db, user: Actor, options: ImportOptions, table: ImportTable): Generator<number, { actions: ImportWrite[]; issues: ImportIssue[] }> {
  const scope = editableScope(user);
  const provinces = listProvinceOptions(db);
  const directory = () => new CentreDirectory(centreRefs(db, scope), provinces, user.provinceCode);
  switch (options.kind) {
    case "centres":
      return planCentres(table, { centres: importableCentres(db, scope), targetProvinces: targetProvinces(db), provinces }, user);
    case "milestones":
      return planMilestones(table, directory(), importableMilestones(db, scope));
    case "updates": {
      const period = parsePeriod(options.period!)!;
      const centres = directory();
      // The stored state of every centre the file names, read in a few queries rather than several per row.
      const named = [...new Set(table.records.map((r) => centres.resolve(r)).flatMap((ref) => ("centre" in ref ? [ref.centre] : [])))];
      const loaded = loadUpdateContexts(db, named.map((c) => c.id), period, chinaToday(), env.NARRATIVE_DEVIATION_PP);
      const provinceOf = new Map(named.map((c) => [c.id, c.provinceCode]));
      const existing = periodUpdates(db, scope, period.code);
      const calendars = new Map<string, Calendar>();
      const calendarOf = (provinceCode: string) => calendars.get(provinceCode) ?? calendars.set(provinceCode, getCalendar(db, provinceCode)).get(provinceCode)!;
      return planUpdates(table, period.code, options.submit ? "submit" : "save", centres, {
        existing: (centreId) => existing.get(centreId),
        approvedMilestones: (centreId) => [...(loaded.get(centreId)?.approved ?? [])].map(([id, m]) => ({ id, ...m })),
        check: (fields) => {
          try {
            const provinceCode = provinceOf.get(fields.centreId)!;
            if (!canEditCentresIn(user, provinceCode)) throw new ForbiddenError();
            checkUpdateAgainst(fields, period, calendarOf(provinceCode), loaded.get(fields.centreId)?.context);
            return { ok: true };
          } catch (error) {
            if (error instanceof FieldErrors) return { issues: Object.entries(error.keys).map(([field, reason]) => ({ field: field.split(".")[0]!, reason })) };
            if (error instanceof DomainError) return { issues: [{ field: null, reason: error.messageKey }] };
            throw error;
          }
        },
      });
    }
  }
}

function countsOf(rows: number, actions: readonly ImportWrite[]): ImportCounts {
  const count = (op: ImportWrite["op"]) => actions.filter((a) => a.op === op).length;
  // A saved update is new when the period had none (version 0).
  const newUpdates = actions.filter((a) => a.op === "save" && a.fields.version === 0).length;
  return { rows, create: count("create") + newUpdates, update: count("update") + count("save") - newUpdates, unchanged: count("unchanged"), skip: count("skip") };
}

export async function runImport(db: Db, user: Actor, options: ImportOptions, file: { name: string; bytes: Uint8Array }, onProgress: (p: ImportProgress) => void): Promise<ImportOutcome> {
  onProgress({ phase: "reading" });
  const empty: ImportCounts = { rows: 0, create: 0, update: 0, unchanged: 0, skip: 0 };
  const grid = await readGrid(file.bytes);
  if ("error" in grid) return { status: "refused", issues: [{ row: null, column: null, value: null, reason: grid.error }], counts: empty };
  const table = readTable(options.kind, grid.grid);
  // Without a header (or a required column) every row would fail the same way: report the header alone.
  if (table.records.length === 0 || table.issues.some((i) => i.reason === "missingColumn")) return { status: "refused", issues: table.issues, counts: empty };
  const stamp = auditStamp(db);
  const checked = await drive(plan(db, user, options, table), table.records.length, onProgress);
  let counts = countsOf(table.records.length, checked.actions);
  if (checked.issues.length > 0) return { status: "refused", issues: checked.issues, counts };
  if (options.dryRun) return { status: "checked", counts };
  // Nothing to change: no transaction and no audit entry, so a repeated import leaves no trace at all.
  if (counts.create === 0 && counts.update === 0) return { status: "imported", counts, batchId: null };
  onProgress({ phase: "writing", total: table.records.length });
  await pause();

  // From here on nothing awaits, so no other request runs until the transaction has committed. Every
  // write is audited: if the audit log grew while the file was checked (another import of the same
  // file, an edit in a form), the plan is made again against what is stored now.
  const { actions, issues } = auditStamp(db) === stamp ? checked : runToEnd(plan(db, user, options, table));
  counts = countsOf(table.records.length, actions);
  if (issues.length > 0) return { status: "refused", issues, counts };
  if (counts.create === 0 && counts.update === 0) return { status: "imported", counts, batchId: null };
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const batch = { kind: options.kind, fileName: file.name, sha256, rows: table.records.length, ...(options.kind === "updates" && { period: options.period, intent: options.submit ? ("submit" as const) : ("save" as const) }) };
  try {
    const written = applyImport(db, batch, actions, user);
    return { status: "imported", counts, batchId: written.id };
  } catch (error) {
    if (!(error instanceof ImportRowError)) throw error;
    const reason = error.cause instanceof DomainError ? error.cause.messageKey : error.cause instanceof FieldErrors ? Object.values(error.cause.keys)[0]! : undefined;
    if (reason === undefined) throw error.cause;
    return { status: "refused", issues: [{ row: error.row, column: null, value: null, reason }], counts };
  }
}
