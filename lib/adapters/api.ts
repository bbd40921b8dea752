import "server-only";
import { problem } from "@/lib/api/problem";
import { invalidQuery, reasonText } from "@/lib/api/query";
import { chinaToday } from "@/lib/domain/china-time";
import { env } from "@/lib/env";
import { fieldErrorProblems, invalidBody, readJsonBody, unknownFields, type KeySpec } from "@/lib/api/write";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { addressOf, logRefusal } from "@/lib/auth/security-log";
import type { Call, UseCase } from "@/lib/use-cases/define";
import en from "@/lib/i18n/messages/en.json";
import type { Outcome, Refusal } from "@/lib/use-cases/outcome";

const ERROR_MESSAGES: Record<string, string> = en.errors;

/** A use case's refusal as the REST API's problem+json: the same statuses and codes every route answers. */
export function problemOf(refusal: Refusal): Response {
  switch (refusal.kind) {
    case "unauthenticated":
    case "enrolTwoFactor":
      return problem(401, "Send a personal API token (Authorization: Bearer act_…) or sign in.");
    case "forbidden":
      return problem(403, "Your role may not do this.", { code: "forbidden" });
    case "notFound":
      return problem(404, "Not found.", { code: "notFound" });
    case "invalid":
      return invalidBody(fieldErrorProblems(Object.fromEntries(refusal.fields.map((f) => [f.path || "_body", f.code]))));
    case "conflict":
      return new Response(
        JSON.stringify({ type: "https://tracker.invalid/problems/409", title: "Version conflict", status: 409, detail: "Someone changed this since you read it: read it again and resend with its version.", code: "conflict", ...(refusal.version === undefined ? {} : { version: refusal.version }) }),
        { status: 409, headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store" } },
      );
    case "refused": {
      const detail = ERROR_MESSAGES[refusal.messageKey] ?? refusal.messageKey;
      return problem(422, detail, { code: refusal.messageKey, ...(refusal.field ? { errors: [{ field: refusal.field, code: refusal.messageKey, detail }] } : {}) });
    }
  }
}

/** A successful outcome as JSON (never cached: it depends on the caller), a refusal as its problem. */
export function apiAnswer<T>(outcome: Outcome<T>, body: (value: T) => unknown = (value) => value, status = 200): Response {
  if (!outcome.ok) return problemOf(outcome.refusal);
  return Response.json(body(outcome.value), { status, headers: { "Cache-Control": "no-store" } });
}

export interface ApiCommandOptions<P, T> {
  /** The body's allowed fields; without it the route takes no body. */
  keys?: KeySpec;
  /** The use case's input from the route's parameters and the JSON body (null without one). */
  input: (params: P, body: unknown) => unknown;
  /** The answer on success; `call` lets it read the written row back through a query as the same caller. */
  answer: (value: T, params: P, call: Call) => Response | Promise<Response>;
  /** A route's own answer to a refusal (a nested body's field paths), or undefined for the usual problem. */
  refusal?: (refusal: Refusal) => Response | undefined;
}

/**
 * A write route of the REST API over a command. In this order: cross-site cookie writes (403), who is
 * calling and may their role write at all (401, 403: the use case's step 1, before the body is read),
 * Content-Type, size, JSON and unknown fields (415, 413, 400), then the use case's steps 2–5.
 */
export function apiCommand<P extends Record<string, string>, T>(route: string, useCase: UseCase<T>, options: ApiCommandOptions<P, T>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const params = ((await context.params) ?? {}) as P;
    // The route's parameters name what a role refusal was refused, before the body is read.
    const call: Call = { actor: { via: "request", request }, route, method: request.method as Call["method"], address: addressOf(request.headers), target: Object.values(params).join("/") || undefined };
    const admission = await useCase.admit(call);
    if (!admission.ok) return problemOf(admission.refusal);
    // A browser sends the session cookie with a cross-site form or fetch, so a cookie-authenticated
    // write must come from this site, as server actions must. A bearer token is never sent by a
    // browser on its own, so a request carrying one cannot be forged from another site.
    if (!request.headers.has("authorization") && !isSameOrigin(request)) {
      logRefusal({ userId: admission.admitted.actor.id, route, target: Object.values(params).join("/") || undefined, reason: "cross_site", method: request.method, address: call.address });
      return problem(403, "A write signed in by session cookie must come from this site.", { code: "crossSite" });
    }
    let body: unknown = null;
    if (options.keys) {
      const read = await readJsonBody(request);
      if (!read.ok) return read.response;
      if (read.value === null || typeof read.value !== "object" || Array.isArray(read.value)) return invalidBody([{ field: "_body", code: "object", detail: "The body must be a JSON object." }]);
      const unknown = unknownFields(read.value, options.keys);
      if (unknown.length > 0) return invalidBody(unknown);
      body = read.value;
    }
    const outcome = await useCase.proceed(admission.admitted, options.input(params, body));
    return outcome.ok ? options.answer(outcome.value, params, call) : (options.refusal?.(outcome.refusal) ?? problemOf(outcome.refusal));
  };
}

/**
 * A GET route of the REST API over a query: who is calling (401), the query string's first values and
 * the route's parameters as the input (400 naming each parameter with the reason in words), then the
 * use case's own checks (403, 404). `body` shapes the answer.
 */
export function apiQuery<P extends Record<string, string>, T>(route: string, useCase: UseCase<T>, options: { params?: (params: P) => Record<string, string>; body: (value: T) => unknown }) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const params = ((await context.params) ?? {}) as P;
    const query: Record<string, string> = {};
    for (const [name, value] of new URL(request.url).searchParams) query[name] ??= value;
    const input = { ...query, ...(options.params?.(params) ?? params) };
    const outcome = await useCase.execute({ actor: { via: "request", request }, route, method: "GET", address: addressOf(request.headers) }, input);
    if (outcome.ok) return Response.json(options.body(outcome.value), { headers: { "Cache-Control": "no-store" } });
    if (outcome.refusal.kind !== "invalid") return problemOf(outcome.refusal);
    const reasons = { today: chinaToday(), start: env.REPORTING_START };
    return invalidQuery(outcome.refusal.fields.map(({ path, code }) => ({ field: path, code, detail: reasonText(code, { value: input[path] ?? "", ...reasons }) })));
  };
}

/** A successful body: JSON, never cached (it depends on the caller and on data that changes). */
export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
