import type { SessionUser } from "@/lib/auth/current-user";

// What a use case answers. Adapters translate it: a form into FormState, the API into problem+json,
// a page into notFound()/forbidden()/redirect, a script into an exit code. Nothing here is thrown to the
// adapter for an expected failure; only bugs are.

/** One invalid field: its path in the input (`milestones.0.progress`) and a reason code under `validation.`. */
export interface InvalidField {
  path: string;
  code: string;
}

export type Refusal =
  /** Nobody is signed in, or the token is unknown, revoked or expired: 401 / the login page. */
  | { kind: "unauthenticated" }
  /** Signed in, but the role requires two-factor sign-in and none is enrolled: only enrolment is open. */
  | { kind: "enrolTwoFactor" }
  /** The actor's role may not use this at all, whatever the row: 403. */
  | { kind: "forbidden" }
  /** No such row, or one outside the actor's scope, which must not learn that it exists: 404. */
  | { kind: "notFound" }
  /** The input broke its schema, or a rule against stored state: 400 naming each field. */
  | { kind: "invalid"; fields: InvalidField[] }
  /** The row changed since the caller read it: 409, with the stored values when the form can show them. */
  | { kind: "conflict"; current?: Record<string, string>; version?: number }
  /** A valid request the workflow refuses (closed period, four eyes, missing evidence): 422. */
  | { kind: "refused"; messageKey: string; field?: string };

export type Outcome<T> = { ok: true; value: T; actor: SessionUser } | { ok: false; refusal: Refusal; actor?: SessionUser };

/** The HTTP status a refusal stands for, the one every adapter answers with. */
export function refusalStatus(refusal: Refusal): 400 | 401 | 403 | 404 | 409 | 422 {
  switch (refusal.kind) {
    case "unauthenticated":
      return 401;
    case "enrolTwoFactor":
    case "forbidden":
      return 403;
    case "notFound":
      return 404;
    case "invalid":
      return 400;
    case "conflict":
      return 409;
    case "refused":
      return 422;
  }
}
