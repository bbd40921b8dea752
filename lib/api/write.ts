import type { z } from "zod";
import { ConflictError, DomainError, FieldErrors, ForbiddenError, NotFoundError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/vocabulary";
import en from "@/lib/i18n/messages/en.json";
import { problem, type FieldProblem } from "./problem";
import { reasonText } from "./query";

// The write half of the REST API: one wrapper fixes the order of the checks every write route makes
// (who is calling, may this role write at all, is the body JSON of a sane size with only known fields),
// and turns the domain's exceptions into problem responses, so no bad input ever becomes a 5xx.

/** The largest body a write accepts: a centre with a hundred milestones is a few tens of kilobytes. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Allowed keys of a JSON object, with the allowed keys of nested objects and arrays of objects. */
export interface KeySpec {
  keys: readonly string[];
  nested?: Record<string, KeySpec>;
}

/** The body, or the fields it names, broke the schema: answered 400 listing every field. */
export class InvalidBody extends Error {
  constructor(readonly errors: FieldProblem[]) {
    super("invalid body");
    this.name = "InvalidBody";
  }
}

/** The row exists but lies outside the caller's scope: answered 404 like a missing one, and logged. */
export class OutOfScopeError extends NotFoundError {
  constructor() {
    super();
    this.name = "OutOfScopeError";
  }
}

const ERROR_MESSAGES: Record<string, string> = en.errors;

function sentence(code: string, value = ""): string {
  return reasonText(code, { value, today: "", start: "" });
}

/** Zod issues as field problems, each path mapped (the API's body may nest fields the form keeps flat). */
export function zodProblems(error: z.ZodError, mapPath: (path: string) => string = (p) => p): FieldProblem[] {
  return error.issues.map((issue) => ({ field: mapPath(issue.path.map(String).join(".") || "_body"), code: issue.message, detail: sentence(issue.message) }));
}

/** Rules against stored state (FieldErrors' field → reason code) as field problems, paths mapped. */
export function fieldErrorProblems(keys: Record<string, string>, mapPath: (path: string) => string = (p) => p): FieldProblem[] {
  return Object.entries(keys).map(([field, code]) => ({ field: mapPath(field), code, detail: sentence(code) }));
}

/** Parses with the form's schema; throws InvalidBody naming every invalid field. */
export function parseBody<S extends z.ZodType>(schema: S, input: unknown, mapPath?: (path: string) => string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InvalidBody(zodProblems(parsed.error, mapPath));
  return parsed.data;
}

/** Every key the spec does not allow, at any depth, as a field problem. Non-objects are left to the schema. */
export function unknownFields(value: unknown, spec: KeySpec, prefix = ""): FieldProblem[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  const problems: FieldProblem[] = [];
  for (const [key, child] of Object.entries(value)) {
    const field = `${prefix}${key}`;
    if (!spec.keys.includes(key)) {
      problems.push({ field, code: "unknownField", detail: `Unknown field "${field}".` });
      continue;
    }
    const nested = spec.nested?.[key];
    if (!nested) continue;
    if (Array.isArray(child)) child.forEach((item, i) => problems.push(...unknownFields(item, nested, `${field}.${i}.`)));
    else problems.push(...unknownFields(child, nested, `${field}.`));
  }
  return problems;
}

/** Reads at most `limit` bytes of the body, whatever Content-Length claims; undefined when it is longer. */
export async function readCapped(request: Request, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) return undefined;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

/** The body as JSON: 415 unless it says application/json, 413 above the cap, 400 when it does not parse. */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") return { ok: false, response: problem(415, "Send the body as JSON (Content-Type: application/json).") };
  const bytes = await readCapped(request, limit);
  if (!bytes) return { ok: false, response: problem(413, `The body is larger than ${limit} bytes.`) };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, response: problem(400, "The body is not valid UTF-8.", { errors: [{ field: "_body", code: "malformed", detail: "Not valid UTF-8." }] }) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: problem(400, "The body is not valid JSON.", { errors: [{ field: "_body", code: "malformed", detail: "Not valid JSON." }] }) };
  }
}

export function invalidBody(errors: FieldProblem[]): Response {
  const names = [...new Set(errors.map((e) => e.field))];
  return problem(400, `Invalid field${names.length === 1 ? "" : "s"}: ${names.join(", ")}.`, { errors });
}

/**
 * A refusal from the domain as a problem: 403 forbidden, 404 not found (or outside the caller's scope),
 * 409 stale version (with the current one when known), 422 a valid request the workflow refuses.
 * Anything else is a bug and is thrown on.
 */
export function errorResponse(error: unknown, currentVersion?: () => number | undefined): Response {
  if (error instanceof InvalidBody) return invalidBody(error.errors);
  if (error instanceof FieldErrors) return invalidBody(fieldErrorProblems(error.keys));
  if (error instanceof ForbiddenError) return problem(403, "You may not do this.", { code: "forbidden" });
  if (error instanceof NotFoundError) return problem(404, "Not found.", { code: "notFound" });
  if (error instanceof ConflictError) {
    const version = currentVersion?.();
    return new Response(
      JSON.stringify({ type: "https://tracker.invalid/problems/409", title: "Version conflict", status: 409, detail: "Someone changed this since you read it: read it again and resend with its version.", code: "conflict", ...(version === undefined ? {} : { version }) }),
      { status: 409, headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store" } },
    );
  }
  if (error instanceof DomainError) {
    const detail = ERROR_MESSAGES[error.messageKey] ?? error.messageKey;
    return problem(422, detail, { code: error.messageKey, ...(error.field ? { errors: [{ field: error.field, code: error.messageKey, detail }] } : {}) });
  }
  throw error;
}

export interface WriteContext<P, A extends Actor> {
  actor: A;
  params: P;
  /** The parsed JSON body with no unknown fields (types are still the schema's to check), or null without one. */
  body: unknown;
}

export interface WriteOptions<P> {
  /** Roles that may call the route at all (the row's province is checked by the handler). */
  roles: readonly Role[];
  /** The body's allowed fields; without it the route takes no body (anything sent is ignored). */
  keys?: KeySpec;
  /** The row's version now, for a 409's `version`. */
  currentVersion?: (params: P) => number | undefined;
}

/**
 * The checks of every write route, in this order: credentials (401), role (403), Content-Type (415),
 * size (413), JSON (400), unknown fields (400); then the handler, which parses with the form's schema,
 * checks the row against the caller and writes. `resolveActor` is the bearer token or session lookup.
 */
export function writeRoute<P, A extends Actor>(
  resolveActor: (request: Request) => Promise<A | null>,
  onRefusal: (actor: A, reason: string, target?: string) => void,
  options: WriteOptions<P>,
  handler: (context: WriteContext<P, A>) => Response | Promise<Response>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    const actor = await resolveActor(request);
    if (!actor) return problem(401, "Send a personal API token (Authorization: Bearer act_…) or sign in.");
    if (!options.roles.includes(actor.role)) {
      onRefusal(actor, `role_${actor.role}`);
      return problem(403, "Your role may not do this.", { code: "forbidden" });
    }
    let body: unknown = null;
    if (options.keys) {
      const read = await readJsonBody(request);
      if (!read.ok) return read.response;
      if (read.value === null || typeof read.value !== "object" || Array.isArray(read.value)) {
        return invalidBody([{ field: "_body", code: "object", detail: "The body must be a JSON object." }]);
      }
      const unknown = unknownFields(read.value, options.keys);
      if (unknown.length > 0) return invalidBody(unknown);
      body = read.value;
    }
    const resolved = await params;
    try {
      return await handler({ actor, params: resolved, body });
    } catch (error) {
      if (error instanceof ForbiddenError) onRefusal(actor, "row_out_of_scope", error.target);
      if (error instanceof OutOfScopeError) onRefusal(actor, "province_out_of_scope");
      return errorResponse(error, options.currentVersion && (() => options.currentVersion!(resolved)));
    }
  };
}
