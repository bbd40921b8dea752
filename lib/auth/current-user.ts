import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { findSessionUser } from "@/db/sessions";
import { authOptions, SESSION_TIMEOUTS } from "./options";

export type SessionUser = NonNullable<ReturnType<typeof findSessionUser>>;

/** The signed-in user as the database knows them now, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.sessionId) return null;
  return findSessionUser(getDb(), session.sessionId, SESSION_TIMEOUTS) ?? null;
});

/** The id of the session making this request, for ending the user's other sessions. */
export async function getCurrentSessionId(): Promise<string | undefined> {
  return (await getServerSession(authOptions))?.sessionId;
}

/** For pages: sends whoever is not signed in (or no longer may be) to the login page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}
