import { z } from "zod";
import { keptSessionId } from "@/lib/validation/sessions";
import { changePasswordSchema } from "@/lib/validation/user";

/** The form's fields (the password policy), and the session that stays signed in. */
export const changeOwnPasswordSchema = z.intersection(changePasswordSchema, z.object({ sessionId: keptSessionId() }));
