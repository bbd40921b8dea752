import { getDb } from "@/db/client";
import { getMilestoneWithProvince } from "@/db/milestones";
import { PATCH_MILESTONE_KEYS } from "@/lib/api/bodies";
import { apiWrite } from "@/lib/api/route";
import { OutOfScopeError, parseBody } from "@/lib/api/write";
import { NotFoundError } from "@/lib/domain/errors";
import { canReadProvince } from "@/lib/domain/permissions";
import { CENTRE_ID_PATTERN } from "@/lib/validation/api-query";
import { updateMilestoneSchema } from "@/lib/validation/centre";
import { updateMilestoneFor } from "@/app/_lib/centre-edits";
import { milestoneWritten } from "@/app/_lib/api-centre";

export const dynamic = "force-dynamic";

const stored = (id: string) => (CENTRE_ID_PATTERN.test(id) ? getMilestoneWithProvince(getDb(), id) : undefined);

/**
 * Edits a milestone's plan (staff of its centre's province, admins) with the milestone form's schema;
 * fields left out keep their stored values, `version` is required. Progress is reported in updates.
 */
export const PATCH = apiWrite<{ id: string }>(
  "/api/v1/milestones/[id]",
  { roles: ["staff", "admin"], keys: PATCH_MILESTONE_KEYS, currentVersion: ({ id }) => stored(id)?.milestone.version },
  ({ actor, params, body }) => {
    const row = stored(params.id);
    if (!row) throw new NotFoundError();
    if (!canReadProvince(actor, row.provinceCode)) throw new OutOfScopeError();
    const { title, category, weight, plannedDate, evidenceRequired } = row.milestone;
    const input = parseBody(updateMilestoneSchema, { title, category, weight, plannedDate, evidenceRequired, ...(body as Record<string, unknown>), id: params.id });
    updateMilestoneFor(actor, input);
    return milestoneWritten(params.id, 200);
  },
);
