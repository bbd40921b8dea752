import "server-only";
import { getDb } from "@/db/client";
import { getProvince } from "@/db/provinces";
import { apiActor } from "@/lib/auth/api-auth";
import type { SessionUser } from "@/lib/auth/current-user";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { addressOf, logRefusal } from "@/lib/auth/security-log";
import { chinaToday } from "@/lib/domain/china-time";
import { canReadProvince } from "@/lib/domain/permissions";
import { env } from "@/lib/env";
import { problem } from "./problem";
import { invalidQuery, reasonText } from "./query";
import { writeRoute, type WriteContext, type WriteOptions } from "./write";

export interface ApiContext<P> {
  actor: SessionUser;
  params: P;
  query: URLSearchParams;
  /** Today in Beijing and the start of reporting: what the query schemas check days against. */
  today: string;
  start: string;
}

/**
 * A GET route of the REST API. The first step is fixed here so no route can skip it: who is calling
 * (bearer token or session; nobody → 401). The handler then validates its query and checks each row
 * it loads against the caller's scope.
 */
export function apiGet<P extends Record<string, string> = Record<string, never>>(handler: (context: ApiContext<P>) => Response | Promise<Response>) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    const actor = await apiActor(request);
    if (!actor) return problem(401, "Send a personal API token (Authorization: Bearer act_…) or sign in.");
    return handler({ actor, params: await params, query: new URL(request.url).searchParams, today: chinaToday(), start: env.REPORTING_START });
  };
}

/**
 * A write route of the REST API (POST, PUT, PATCH): credentials (401), role (403), JSON body of at most
 * 256 KB with only known fields (415, 413, 400) are checked here in that order; the handler then parses
 * with the form's schema, checks the row against the caller and writes through the forms' code. Domain
 * refusals become 403, 404, 409 or 422 problems (see lib/api/write.ts).
 */
export function apiWrite<P extends Record<string, string> = Record<string, never>>(
  route: string,
  options: WriteOptions<P>,
  handler: (context: WriteContext<P, SessionUser>) => Response | Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const facts = { method: request.method, address: addressOf(request.headers) };
    // What a write names: its route parameters (a centre or milestone id, and a period), when it has any.
    const target = async () => Object.values(((await context.params) ?? {}) as Record<string, string>).join("/") || undefined;
    // A browser sends the session cookie with a cross-site form or fetch, so a cookie-authenticated
    // write must come from this site, as server actions must. A bearer token is never sent by a
    // browser on its own, so a request carrying one cannot be forged from another site.
    if (!request.headers.has("authorization") && !isSameOrigin(request)) {
      const actor = await apiActor(request);
      if (actor) {
        logRefusal({ userId: actor.id, route, target: await target(), reason: "cross_site", ...facts });
        return problem(403, "A write signed in by session cookie must come from this site.", { code: "crossSite" });
      }
    }
    const id = await target();
    const write = writeRoute<P, SessionUser>(apiActor, (actor, reason, target) => logRefusal({ userId: actor.id, route, target: target ?? id, reason, ...facts }), options, handler);
    return write(request, context);
  };
}

/** A successful body: JSON, never cached (it depends on the caller and on data that changes). */
export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** Not found, or outside the caller's scope, which must not learn that it exists. */
export function notFound(what: string, actor?: SessionUser, route?: string, target?: string): Response {
  if (actor && route) logRefusal({ userId: actor.id, route, target, reason: "province_out_of_scope", method: "GET" });
  return problem(404, `${what} was not found.`);
}

/**
 * A list filter naming a province: 400 when there is no such province, 403 (logged) when the caller
 * may not read it, undefined when it may be used.
 */
export function provinceFilterRefusal(actor: SessionUser, route: string, province: string | undefined, context: { today: string; start: string }): Response | undefined {
  if (province === undefined) return undefined;
  if (!getProvince(getDb(), province)) {
    return invalidQuery([{ field: "province", code: "provinceUnknown", detail: reasonText("provinceUnknown", { value: province, ...context }) }]);
  }
  if (!canReadProvince(actor, province)) {
    logRefusal({ userId: actor.id, route, target: province, reason: "province_out_of_scope", method: "GET" });
    return problem(403, `You may not read province ${province}.`);
  }
  return undefined;
}
