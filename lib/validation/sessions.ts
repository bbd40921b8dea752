import { z } from "zod";
import { enumOf } from "./fields";

/** "Sign out all other sessions" keeps this browser; "everywhere" ends this one too. */
export const SIGN_OUT_SCOPES = ["others", "everywhere"] as const;
export const signOutSessionsSchema = z.object({ scope: enumOf(SIGN_OUT_SCOPES) });
export type SignOutSessionsInput = z.infer<typeof signOutSessionsSchema>;
