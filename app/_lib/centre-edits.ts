import "server-only";
import { getDb } from "@/db/client";
import { createCentre, getCentreProvince, updateCentre } from "@/db/centres";
import { createMilestone, getMilestoneWithProvince, updateMilestone } from "@/db/milestones";
import type { SessionUser } from "@/lib/auth/current-user";
import { ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import { canEditCentresIn } from "@/lib/domain/permissions";
import type { CentreInput, MilestoneInput, UpdateCentreInput, UpdateMilestoneInput } from "@/lib/validation/centre";
import { writeTransaction } from "@/db/transaction";

// The rules for registering and editing centres and milestones, shared by the forms' server actions and
// the REST API so both apply them through the same code. Ids come from the caller (a hidden input or a
// URL), so each edit loads the stored row and checks its province, never the one sent.

/** Registers a centre, with its milestones when given (all in one transaction: none or all). */
export function createCentreFor(user: SessionUser, input: CentreInput, centreMilestones: readonly Omit<MilestoneInput, "centreId">[] = []): string {
  if (!canEditCentresIn(user, input.provinceCode)) throw new ForbiddenError(input.provinceCode);
  const db = getDb();
  // better-sqlite3 nests the inner transactions as savepoints of this one.
  return writeTransaction(db, () => {
    const id = createCentre(db, input, { userId: user.id });
    for (const milestone of centreMilestones) createMilestone(db, { ...milestone, centreId: id }, { userId: user.id });
    return id;
  });
}

/** Edits a centre unless it changed since `version` was read; the province stays the stored one. */
export function updateCentreFor(user: SessionUser, input: UpdateCentreInput): void {
  const db = getDb();
  const storedProvince = getCentreProvince(db, input.id);
  if (!storedProvince) throw new NotFoundError();
  if (!canEditCentresIn(user, storedProvince)) throw new ForbiddenError();
  const { id, version, ...changes } = input;
  updateCentre(db, id, version, changes, { userId: user.id });
}

export function createMilestoneFor(user: SessionUser, input: MilestoneInput): string {
  const db = getDb();
  const storedProvince = getCentreProvince(db, input.centreId);
  if (!storedProvince) throw new NotFoundError();
  if (!canEditCentresIn(user, storedProvince)) throw new ForbiddenError();
  return createMilestone(db, input, { userId: user.id });
}

/** Edits a milestone; returns its centre's id. */
export function updateMilestoneFor(user: SessionUser, input: UpdateMilestoneInput): string {
  const db = getDb();
  const stored = getMilestoneWithProvince(db, input.id);
  if (!stored) throw new NotFoundError();
  if (!canEditCentresIn(user, stored.provinceCode)) throw new ForbiddenError();
  updateMilestone(db, input, { userId: user.id });
  return stored.milestone.centreId;
}
