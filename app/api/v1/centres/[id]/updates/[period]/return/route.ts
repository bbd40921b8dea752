import { REVIEW_KEYS } from "@/lib/api/bodies";
import { apiWrite } from "@/lib/api/route";
import { parseBody } from "@/lib/api/write";
import { DomainError } from "@/lib/domain/errors";
import { reviewBodySchema, storedUpdate, updateVersion, updateWritten, type UpdateParams } from "@/app/_lib/api-update";
import { reviewUpdateFor } from "@/app/_lib/update-edits";

export const dynamic = "force-dynamic";

/** Returns a submitted update to its province with a reason (reviewers in scope). */
export const POST = apiWrite<UpdateParams>(
  "/api/v1/centres/[id]/updates/[period]/return",
  { roles: ["reviewer"], keys: REVIEW_KEYS, currentVersion: updateVersion },
  ({ actor, params, body }) => {
    const input = parseBody(reviewBodySchema, body);
    const stored = storedUpdate(actor, params);
    if (!stored) throw new DomainError("notStarted");
    reviewUpdateFor(actor, { id: stored.id, version: input.version, decision: "return", reason: input.reason });
    return updateWritten(params);
  },
);
