"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { revokeSessions } from "@/db/sessions";
import { getCurrentSessionId } from "@/lib/auth/current-user";
import { formAction } from "@/lib/auth/form-action";
import { signOutSessionsSchema } from "@/lib/validation/sessions";

/** The signed-in user ends their own sessions: there is no user id or session id to tamper with. */
export const signOutSessionsAction = formAction("signOutSessionsAction", { schema: signOutSessionsSchema }, async (input, user) => {
  if (input.scope === "everywhere") {
    revokeSessions(getDb(), user.id);
    redirect("/login");
  }
  const sessionId = await getCurrentSessionId();
  // The wrapper has just found this request's live session, so its id is known.
  if (!sessionId) throw new Error("signOutSessionsAction: no session id");
  revokeSessions(getDb(), user.id, sessionId);
  redirect("/settings/sessions?signedOut=1");
});
