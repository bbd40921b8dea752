import { REVIEW_KEYS } from "@/lib/api/bodies";
import { apiWrite } from "@/lib/api/route";
import { parseBody } from "@/lib/api/write";
import { DomainError } from "@/lib/domain/errors";
import { reviewBodySchema, storedUpdate, updateVersion, updateWritten, type UpdateParams } from "@/app/_lib/api-update";
import { reviewUpdateFor } from "@/app/_lib/update-edits";

export const dynamic = "force-dynamic";

/** Approves a submitted update (reviewers in scope; never one they wrote or edited). */
export const POST = apiWrite<UpdateParams>(
  "/api/v1/centres/[id]/updates/[period]/approve",
  { roles: ["reviewer"], keys: REVIEW_KEYS, currentVersion: updateVersion },
  ({ actor, params, body }) => {
    const input = parseBody(reviewBodySchema, body);
    const stored = storedUpdate(actor, params);
    if (!stored) throw new DomainError("notStarted");
    reviewUpdateFor(actor, { id: stored.id, version: input.version, decision: "approve", reason: input.reason });
    return updateWritten(params);
  },
);
