import { z } from "zod";
import { nullableDate, requiredText, whenFieldsValid } from "./fields";
import { email } from "./user";

export const TOKEN_NAME_MAX = 80;

/**
 * The last day a new token may be set to run: the same day one calendar year ahead (29 February
 * gives 28 February). A token that must outlive that is replaced by a new one, not extended.
 */
export function maxTokenExpiry(today: string): string {
  const year = Number(today.slice(0, 4)) + 1;
  const monthDay = today.slice(5) === "02-29" ? "02-28" : today.slice(5);
  return `${year}-${monthDay}`;
}

const tokenFields = {
  name: requiredText(TOKEN_NAME_MAX),
  // The last day the token works (Beijing calendar); blank means until revoked.
  expiresOn: nullableDate(),
};

type Expiry = { expiresOn: string | null };

function checkExpiry(today: string) {
  return (v: Expiry, ctx: z.RefinementCtx<Expiry>) => {
    if (v.expiresOn === null) return;
    // Today itself is allowed: the token then works until the end of today.
    if (v.expiresOn < today) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "expiryBeforeToday" });
    else if (v.expiresOn > maxTokenExpiry(today)) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "expiryTooFar" });
  };
}

/** A user's new personal API token (settings page); `today` (China time) bounds the expiry date. */
export function createApiTokenSchema(today: string) {
  return z.object(tokenFields).superRefine(checkExpiry(today), { when: whenFieldsValid("expiresOn") });
}
export type CreateApiTokenInput = z.output<ReturnType<typeof createApiTokenSchema>>;

/** `npm run token:create`: the same token fields, for the account with this email. */
export function cliApiTokenSchema(today: string) {
  return z.object({ email: email(), ...tokenFields }).superRefine(checkExpiry(today), { when: whenFieldsValid("expiresOn") });
}

/** Revoking one of the user's own tokens: the id comes from a hidden input, so the data layer checks the owner. */
export const revokeApiTokenSchema = z.object({ id: requiredText(100) });
