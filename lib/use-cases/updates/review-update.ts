import "server-only";
import { getCentreProvince } from "@/db/centres";
import { getUpdate, getUpdateById, reviewUpdate as recordReview } from "@/db/updates";
import { DomainError } from "@/lib/domain/errors";
import { parsePeriod } from "@/lib/domain/periods";
import { CENTRE_ID_PATTERN } from "@/lib/validation/api-query";
import { defineCommand } from "../define";
import { reviewUpdateSchema } from "./review-update.schema";

/**
 * A reviewer approves, returns or reopens an update of a centre in their scope. The workflow (submitted
 * before approval, four eyes, a reason to return or reopen, the version read) is checked again inside
 * the transaction by the data layer, which also records the approval and notifies the reporters.
 */
export const reviewUpdate = defineCommand({
  name: "updates.review",
  input: reviewUpdateSchema,
  load: ({ db, input }) => {
    if (input.id !== undefined) {
      const stored = getUpdateById(db, input.id);
      return stored && { id: stored.update.id, provinceCode: stored.provinceCode };
    }
    const centreId = input.centreId!;
    const province = CENTRE_ID_PATTERN.test(centreId) ? getCentreProvince(db, centreId) : undefined;
    if (!province || !parsePeriod(input.period!)) return undefined;
    // The centre is checked against the scope before this refusal can tell anything about it.
    const update = getUpdate(db, centreId, input.period!);
    return { id: update?.id, provinceCode: province };
  },
  province: (rows) => rows.provinceCode,
  target: (input) => input.id ?? `${input.centreId}/${input.period}`,
  run: (tx, { actor, input, rows }) => {
    if (rows.id === undefined) throw new DomainError("notStarted");
    recordReview(tx, { id: rows.id, version: input.version, action: input.decision, reason: input.reason }, actor);
    const { update } = getUpdateById(tx, rows.id)!;
    return { id: update.id, centreId: update.centreId, period: update.period, status: update.status, version: update.version, decision: input.decision };
  },
});
