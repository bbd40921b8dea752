"use server";

import { redirect } from "next/navigation";
import { formCommand } from "@/lib/adapters/form";
import { signOutSessions } from "@/lib/use-cases/settings/sign-out-sessions";
import { withSessionId } from "../with-session-id";

/** The signed-in user ends their own sessions: there is no user id to tamper with, and this session comes from its cookie. */
export const signOutSessionsAction = withSessionId(
  formCommand("signOutSessionsAction", signOutSessions, {
    done: ({ scope }) => redirect(scope === "everywhere" ? "/login" : "/settings/sessions?signedOut=1"),
  }),
);
