import { z } from "zod";
import { enumOf } from "./fields";

/** "Sign out all other sessions" keeps this browser; "everywhere" ends this one too. */
export const SIGN_OUT_SCOPES = ["others", "everywhere"] as const;
export const signOutSessionsSchema = z.object({ scope: enumOf(SIGN_OUT_SCOPES) });
export type SignOutSessionsInput = z.infer<typeof signOutSessionsSchema>;

/**
 * The session that stays signed in after a change that ends the user's others. The adapter sets it from
 * the request's own session cookie (never from the form); a script has none, and then every session ends.
 */
export const keptSessionId = () => z.string().min(1).max(200).optional();
