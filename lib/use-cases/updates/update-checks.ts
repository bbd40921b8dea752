import "server-only";
import { getCalendar } from "@/db/calendars";
import { getCentreProvince } from "@/db/centres";
import type { DbOrTx } from "@/db/transaction";
import { loadUpdateContext } from "@/db/update-context";
import { getUpdateById, saveInputOf, type SaveUpdateInput } from "@/db/updates";
import type { Db } from "@/db/client";
import { chinaToday } from "@/lib/domain/china-time";
import { DomainError, FieldErrors, NotFoundError } from "@/lib/domain/errors";
import { parsePeriod, periodRefusal, type Calendar, type Period } from "@/lib/domain/periods";
import { env } from "@/lib/env";
import { CENTRE_ID_PATTERN } from "@/lib/validation/api-query";
import { fieldErrorKeys } from "@/lib/validation/form-state";
import { updateRuleIssues, type UpdateContext, type UpdateFields } from "@/lib/validation/update";

// What saving and submitting an update check against stored state, shared by the two commands so the
// reporting form and the REST API refuse exactly the same things.

/** The centre's province, the period, the province's calendar and the stored state the rules read. */
export interface UpdateState {
  provinceCode: string;
  period: Period;
  calendar: Calendar;
  context: UpdateContext | undefined;
}

/** The stored state for a centre and period; undefined when the centre does not exist or the period is none. */
export function loadUpdateState(db: Db, centreId: string, periodCode: string): UpdateState | undefined {
  const period = parsePeriod(periodCode);
  const provinceCode = CENTRE_ID_PATTERN.test(centreId) ? getCentreProvince(db, centreId) : undefined;
  if (!period || !provinceCode) return undefined;
  // Read before the scope check, but nothing of it is told until the check has passed (checkUpdate runs after).
  return { provinceCode, period, calendar: getCalendar(db, provinceCode), context: loadUpdateContext(db, centreId, period, chinaToday(), env.NARRATIVE_DEVIATION_PP) };
}

/**
 * The checks before saving: the period against the province's calendar on first save, and the update
 * schema's rules against stored state (last approval, evidence, plan), the same function its refinement
 * runs. Returns what to save; throws the refusal.
 */
export function checkUpdate(fields: UpdateFields, state: UpdateState): SaveUpdateInput {
  return checkUpdateAgainst(fields, state.period, state.calendar, state.context);
}

/** The same checks given the calendar and stored state already read (the import reads them for many rows at once). */
export function checkUpdateAgainst(fields: UpdateFields, period: Period, calendar: Calendar, context: UpdateContext | undefined): SaveUpdateInput {
  if (fields.version === 0) {
    const refusal = periodRefusal(period, calendar, chinaToday(), env.REPORTING_START);
    if (refusal) throw new DomainError(refusal);
  }
  if (!context) throw new NotFoundError();
  const issues = updateRuleIssues(fields, context);
  if (issues.length > 0) throw new FieldErrors(fieldErrorKeys(issues));
  return saveInputOf(fields);
}

/** What a write on an update answers: its id, version and status, read inside the transaction. */
export function writtenUpdate(db: DbOrTx, id: string) {
  const { update } = getUpdateById(db, id)!;
  return { id: update.id, centreId: update.centreId, period: update.period, status: update.status, version: update.version };
}
