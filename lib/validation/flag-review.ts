import { z } from "zod";
import { addDays } from "@/lib/domain/periods";
import { FLAG_ACTIONS } from "@/lib/domain/risk/flag-review";
import { enumOf, nullableDate, requiredText, whenFieldsValid } from "./fields";

/** A dismissal or justification may hold at most this long before the flag must be looked at again. */
export const MAX_SUPPRESSION_DAYS = 366;

const flagReviewFields = z.object({
  flagKey: requiredText(400),
  action: enumOf(FLAG_ACTIONS),
  // Every review says why: an acknowledgement's comment, a dismissal's justification, a duplicate's reason.
  comment: requiredText(2000),
  expiresOn: nullableDate(),
});

/** A reviewer's action on a flag; `today` (China time) bounds the expiry date. */
export function flagReviewSchema(today: string) {
  return flagReviewFields.superRefine(
    (v, ctx) => {
      if (v.action === "dismissed" && v.expiresOn === null) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "expiryRequired" });
      if (v.expiresOn === null) return;
      if (v.action !== "dismissed" && v.action !== "justified") ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "expiryNotApplicable" });
      else if (v.expiresOn <= today) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "expiryInPast" });
      else if (v.expiresOn > addDays(today, MAX_SUPPRESSION_DAYS)) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "expiryTooFar" });
    },
    { when: whenFieldsValid("action", "expiresOn") },
  );
}
