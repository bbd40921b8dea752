import "server-only";
import { getCalendar } from "@/db/calendars";
import { centreRefs, importableCentres, importableMilestones, periodUpdates, targetProvinces, type ImportWrite } from "@/db/imports";
import { listProvinceOptions } from "@/db/provinces";
import type { DbOrTx } from "@/db/transaction";
import { loadUpdateContexts } from "@/db/update-context";
import { chinaToday } from "@/lib/domain/china-time";
import { DomainError, FieldErrors, ForbiddenError } from "@/lib/domain/errors";
import { parsePeriod, type Calendar } from "@/lib/domain/periods";
import { canEditCentresIn, editableScope, type Actor } from "@/lib/domain/permissions";
import { env } from "@/lib/env";
import { CentreDirectory } from "@/lib/import/centre-ref";
import { planCentres } from "@/lib/import/plan-centres";
import { planMilestones } from "@/lib/import/plan-milestones";
import { planUpdates } from "@/lib/import/plan-updates";
import type { ImportIssue, ImportTable } from "@/lib/import/table";
import type { ImportOptions } from "@/lib/validation/import";
// The update form's checks against stored state, one definition for the form and the import.
import { checkUpdateAgainst } from "@/lib/use-cases/updates/update-checks";

export interface ImportPlan {
  actions: ImportWrite[];
  issues: ImportIssue[];
}

/**
 * Checks every row of a file against what is stored, with the forms' rules, within the importer's
 * editing scope. A generator: it yields the number of rows checked so far, so the caller can report
 * progress and let other requests in between rows (or run it to the end inside a transaction).
 */
export function planImport(db: DbOrTx, user: Actor, options: ImportOptions, table: ImportTable): Generator<number, ImportPlan> {
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

/** The issues that name rows outside the importer's province: answered as issues, and logged once. */
export const OUT_OF_SCOPE_REASONS: ReadonlySet<string> = new Set(["provinceNotYours", "forbidden"]);
