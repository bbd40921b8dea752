import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { TWO_FACTOR_PAGE } from "@/lib/auth/current-user";
import type { UseCase } from "@/lib/use-cases/define";
import type { Refusal } from "@/lib/use-cases/outcome";

/**
 * A page's data from its query. A refusal never renders the page: signed out goes to the login page (and
 * back here after), an owed enrolment to the enrolment page, a role refusal to forbidden.tsx, and a
 * missing or out-of-scope row to not-found.tsx. `onInvalid` lets a page show its own message for an
 * invalid search parameter instead of "not found".
 */
export async function pageData<T>(route: string, useCase: UseCase<T>, input: unknown, options: { onInvalid?: (refusal: Extract<Refusal, { kind: "invalid" }>) => T } = {}): Promise<T> {
  const outcome = await useCase.execute({ actor: { via: "session" }, route, method: "GET" }, input);
  if (outcome.ok) return outcome.value;
  const { refusal } = outcome;
  switch (refusal.kind) {
    case "unauthenticated":
      redirect("/login");
    case "enrolTwoFactor":
      redirect(TWO_FACTOR_PAGE);
    case "forbidden":
      forbidden();
    case "invalid":
      if (options.onInvalid) return options.onInvalid(refusal);
      notFound();
    default:
      notFound();
  }
}
