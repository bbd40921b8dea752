import "server-only";
import { getDb, type Db } from "@/db/client";
import { getCalendar } from "@/db/calendars";
import { getCentreProvince } from "@/db/centres";
import { loadUpdateContext } from "@/db/update-context";
import { saveInputOf, saveUpdate, type SaveUpdateInput } from "@/db/updates";
import type { SessionUser } from "@/lib/auth/current-user";
import { chinaToday } from "@/lib/domain/china-time";
import { DomainError, FieldErrors, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { canEditCentresIn, type Actor } from "@/lib/domain/permissions";
import { parsePeriod, periodRefusal, type Calendar, type Period } from "@/lib/domain/periods";
import { env } from "@/lib/env";
import { fieldErrorKeys } from "@/lib/validation/form-state";
import { updateRuleIssues, type UpdateContext, type UpdateFields } from "@/lib/validation/update";

// Saving, submitting and reviewing a periodic update: the rules shared by the reporting form's server
// actions and the REST API, so both refuse exactly the same things.

/**
 * The checks the reporting form makes before saving: the centre's stored province, the period against the
 * province's calendar on first save, and the update schema's rules against stored state (FieldErrors).
 * Returns what to save; throws the refusal.
 */
export function checkUpdateFor(db: Db, user: Actor, fields: UpdateFields): SaveUpdateInput {
  const period = parsePeriod(fields.period);
  if (!period) throw new DomainError("invalidPeriod", "period");
  const provinceCode = getCentreProvince(db, fields.centreId);
  if (!provinceCode) throw new NotFoundError();
  // Before any rule reads the centre's stored figures: a refusal must not tell another province's numbers.
  if (!canEditCentresIn(user, provinceCode)) throw new ForbiddenError();
  const context = loadUpdateContext(db, fields.centreId, period, chinaToday(), env.NARRATIVE_DEVIATION_PP);
  return checkUpdateAgainst(fields, period, getCalendar(db, provinceCode), context);
}

/** The checks after the permission one, given the province's calendar and the stored state already read. */
export function checkUpdateAgainst(fields: UpdateFields, period: Period, calendar: Calendar, context: UpdateContext | undefined): SaveUpdateInput {
  if (fields.version === 0) {
    const refusal = periodRefusal(period, calendar, chinaToday(), env.REPORTING_START);
    if (refusal) throw new DomainError(refusal);
  }
  if (!context) throw new NotFoundError();
  // The fields are parsed already; what remains are the update schema's rules against stored state
  // (last approval, evidence, plan), the same function its refinement runs.
  const issues = updateRuleIssues(fields, context);
  if (issues.length > 0) throw new FieldErrors(fieldErrorKeys(issues));
  return saveInputOf(fields);
}

/** Saves the draft (or, with intent "submit", saves and submits it) after the form's checks. */
export function saveUpdateFor(user: SessionUser, fields: UpdateFields): { id: string; version: number } {
  const db = getDb();
  return saveUpdate(db, checkUpdateFor(db, user, fields), user);
}
