import { getDb } from "@/db/client";
import { getCentreProvince } from "@/db/centres";
import { CREATE_MILESTONE_KEYS } from "@/lib/api/bodies";
import { apiWrite } from "@/lib/api/route";
import { OutOfScopeError, parseBody } from "@/lib/api/write";
import { NotFoundError } from "@/lib/domain/errors";
import { canReadProvince } from "@/lib/domain/permissions";
import { CENTRE_ID_PATTERN } from "@/lib/validation/api-query";
import { milestoneSchema } from "@/lib/validation/centre";
import { createMilestoneFor } from "@/app/_lib/centre-edits";
import { milestoneWritten } from "@/app/_lib/api-centre";

export const dynamic = "force-dynamic";

/** Adds a milestone to a centre (staff of its province, admins), with the milestone form's schema. */
export const POST = apiWrite<{ id: string }>("/api/v1/centres/[id]/milestones", { roles: ["staff", "admin"], keys: CREATE_MILESTONE_KEYS }, ({ actor, params, body }) => {
  const province = CENTRE_ID_PATTERN.test(params.id) ? getCentreProvince(getDb(), params.id) : undefined;
  if (!province) throw new NotFoundError();
  if (!canReadProvince(actor, province)) throw new OutOfScopeError();
  const input = parseBody(milestoneSchema, { ...(body as Record<string, unknown>), centreId: params.id });
  return milestoneWritten(createMilestoneFor(actor, input), 201);
});
