import "server-only";
import { getDb } from "@/db/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed";
import { hasDemoAccounts } from "@/db/users";
import { resolveActor, type ActorSource } from "../actor";

// Public: the sign-in page has no actor to check, and defineQuery always resolves one (a signed-out
// visitor would be refused), so this is a plain async function of the use-case layer.

/**
 * The sign-in page: whether the visitor is signed in already (any session, enrolled or not, goes
 * home), and the demo accounts while active demo accounts exist (a production database has none).
 */
export async function loginPage(source: ActorSource = { via: "session" }) {
  const session = await resolveActor(source, { beforeTwoFactor: true });
  if (session.ok) return { signedIn: true as const };
  const demo = hasDemoAccounts(getDb()) ? { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })) } : null;
  return { signedIn: false as const, demo };
}
