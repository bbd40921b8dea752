"use server";

import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { changePassword } from "@/lib/auth/change-password";
import { getCurrentSessionId } from "@/lib/auth/current-user";
import { formAction } from "@/lib/auth/form-action";
import { changePasswordSchema } from "@/lib/validation/user";

/** Any signed-in user changes their own password: there is no user id to tamper with. */
export const changePasswordAction = formAction("changePasswordAction", { schema: changePasswordSchema }, async (input, user) => {
  const sessionId = await getCurrentSessionId();
  // The wrapper has just found this request's live session, so its id is known.
  if (!sessionId) throw new Error("changePasswordAction: no session id");
  await changePassword(getDb(), user.id, sessionId, input);
  return { status: "success", message: (await getTranslations("password"))("changed") };
});
