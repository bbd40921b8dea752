import "server-only";
import { getDb } from "@/db/client";
import { findActiveUser } from "@/db/actors";
import { apiActor } from "@/lib/auth/api-auth";
import { getSignedInUser, mustEnrol, type SessionUser } from "@/lib/auth/current-user";
import type { Refusal } from "./outcome";

/**
 * Who asks a use case to run. Every source is re-read from the database on each call: a session by its
 * id (next-auth cookie), a request by its bearer token (else its session), a script's named user by id.
 */
export type ActorSource =
  | { via: "session" }
  | { via: "request"; request: Request }
  /** Command-line scripts, the reminder run and tests: an account named by id, which must be active. */
  | { via: "user"; userId: string };

export type ActorResolution = { ok: true; actor: SessionUser } | { ok: false; refusal: Refusal; actor?: SessionUser };

/**
 * Step 1 of every use case. A session whose role requires two-factor sign-in and that has not enrolled
 * is refused here (`enrolTwoFactor`) unless the use case is part of enrolment itself.
 */
export async function resolveActor(source: ActorSource, options: { beforeTwoFactor?: boolean } = {}): Promise<ActorResolution> {
  switch (source.via) {
    case "session": {
      const user = await getSignedInUser();
      if (!user) return { ok: false, refusal: { kind: "unauthenticated" } };
      const { twoFactorEnabled: _enrolled, ...actor } = user;
      if (!options.beforeTwoFactor && mustEnrol(user)) return { ok: false, refusal: { kind: "enrolTwoFactor" }, actor };
      return { ok: true, actor };
    }
    case "request": {
      // A token never owes an enrolment (tokens skip two-factor by design); a cookie session that owes one is null here.
      const actor = await apiActor(source.request);
      return actor ? { ok: true, actor } : { ok: false, refusal: { kind: "unauthenticated" } };
    }
    case "user": {
      const actor = findActiveUser(getDb(), source.userId);
      return actor ? { ok: true, actor } : { ok: false, refusal: { kind: "unauthenticated" } };
    }
  }
}
