import "server-only";
import { getDb } from "@/db/client";
import { setUserLocale } from "@/db/users";
import type { Locale } from "@/lib/domain/vocabulary";
import { resolveActor, type ActorSource } from "../actor";

// Public: the language switch works signed out (the login page has it), and defineCommand always
// resolves an actor, so this is a plain async function of the use-case layer. It is not audited (the
// data layer says why), which defineCommand would refuse for a write.

/** Remembers the language for a signed-in user (enrolled or not); does nothing for a visitor. */
export async function rememberLocale(locale: Locale, source: ActorSource = { via: "session" }): Promise<void> {
  const session = await resolveActor(source, { beforeTwoFactor: true });
  if (session.ok) setUserLocale(getDb(), session.actor.id, locale);
}
