import "server-only";
import { recordFlagReview } from "@/db/flag-reviews";
import { chinaToday } from "@/lib/domain/china-time";
import { DomainError } from "@/lib/domain/errors";
import { availableFlagActions, flagState } from "@/lib/domain/risk/flag-review";
import { flagReviewSchema } from "@/lib/validation/flag-review";
import { findFlag, getEngine } from "../engine";
import { defineCommand } from "../define";

/**
 * A reviewer of the flag's province acknowledges, dismisses, justifies or escalates a flag as the rules
 * compute it now: its severity and figures are recorded as the yardstick for "worse". Only the actions
 * open to the flag in its current state are accepted.
 */
export const reviewFlag = defineCommand({
  name: "flags.review",
  input: () => flagReviewSchema(chinaToday()),
  load: async ({ input }) => {
    // The snapshot is current: it is stamped with the newest audit entry.
    const snapshot = await getEngine();
    const found = findFlag(snapshot, input.flagKey);
    if (!found) throw new DomainError("flagGone");
    return { ...found, state: flagState(found.flag, snapshot.reviews.get(found.flag.key), snapshot.today) };
  },
  province: (rows) => rows.provinceCode,
  run: (tx, { actor, input, rows: { flag, provinceCode, state } }) => {
    if (!availableFlagActions(flag, state).includes(input.action)) throw new DomainError("flagActionNotAvailable", "action");
    const id = recordFlagReview(tx, { flag, provinceCode, action: input.action, comment: input.comment, expiresOn: input.expiresOn }, actor.id);
    return { id, flagKey: flag.key, action: input.action };
  },
});
