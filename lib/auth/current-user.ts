import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { findSessionUser } from "@/db/sessions";
import { env } from "@/lib/env";
import { authOptions, SESSION_TIMEOUTS } from "./options";
import { mustEnrolTwoFactor } from "./two-factor-policy";

/** Whoever holds a live session, whether or not they still owe the two-factor enrolment their role requires. */
export type SignedInUser = NonNullable<ReturnType<typeof findSessionUser>>;
/** A user who may act: what pages, actions and routes receive (an API token's user has the same shape). */
export type SessionUser = Omit<SignedInUser, "twoFactorEnabled">;

/** The session's user as the database knows them now, or null. Cached per request. */
export const getSignedInUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.sessionId) return null;
  return findSessionUser(getDb(), session.sessionId, SESSION_TIMEOUTS) ?? null;
});

/** Whether this session belongs to a user who must enrol in two-factor sign-in before anything else. */
export function mustEnrol(user: SignedInUser): boolean {
  return mustEnrolTwoFactor(user, env.TWO_FACTOR_REQUIRED_ROLES);
}

/**
 * The signed-in user who may act, or null. Null also for a user whose role requires two-factor
 * sign-in and who has not enrolled yet: every page, action and cookie-authenticated route resolves
 * the user here, so such a session can do nothing but enrol (getSignedInUser) and sign out.
 */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const user = await getSignedInUser();
  return user && !mustEnrol(user) ? user : null;
}

/** The id of the session making this request, for ending the user's other sessions. */
export async function getCurrentSessionId(): Promise<string | undefined> {
  return (await getServerSession(authOptions))?.sessionId;
}

/** For pages: sends whoever is not signed in to the login page, and whoever must enrol first to enrolment. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSignedInUser();
  if (!user) redirect("/login");
  if (mustEnrol(user)) redirect(TWO_FACTOR_PAGE);
  return user;
}

export const TWO_FACTOR_PAGE = "/settings/two-factor";

/** For the enrolment page and the frame around it only: any signed-in user, enrolled or not. */
export async function requireSignedInUser(): Promise<SignedInUser> {
  const user = await getSignedInUser();
  if (!user) redirect("/login");
  return user;
}
