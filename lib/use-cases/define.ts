import "server-only";
import type { z } from "zod";
import { writeMark, type Tx } from "@/db/audit";
import { getDb, type Db } from "@/db/client";
import { writeTransaction } from "@/db/transaction";
import type { SessionUser } from "@/lib/auth/current-user";
import { currentAddress, logRefusal } from "@/lib/auth/security-log";
import { RULES, ruleAdmitsRole, USE_CASE_RULES, type UseCaseName } from "@/lib/domain/access-policy";
import { ConflictError, DomainError, FieldErrors, ForbiddenError, NotFoundError, NotYoursError } from "@/lib/domain/errors";
import { resolveActor, type ActorSource } from "./actor";
import type { InvalidField, Outcome, Refusal } from "./outcome";

// The one way a command or query runs. Every use case is defined with defineCommand or defineQuery, and
// the helper runs its steps in this order, so none can be skipped or reordered:
//   1. who is acting (session, API token or a script's named user, re-read from the database), and may
//      their role use this at all (the use case's rule, from lib/domain/access-policy.ts): 403;
//   2. is the input valid (the use case's one zod schema): 400 naming each field;
//   3. load the rows it acts on: 404 when they do not exist;
//   4. may this actor touch these rows (the same rule, with the rows' province): 404 outside the scope,
//      logged once, so nobody can learn that another province's row exists;
//   5. run: a command in one write transaction that must carry its audit entry; a query returns a
//      plain object shaped for its view.
// Expected refusals come back as an Outcome; only bugs are thrown.

/** How an adapter calls a use case: who is asking, and the entry point the security log names. */
export interface Call {
  actor: ActorSource;
  /** The page or route pattern (`/centres/[id]`), the server action's name, or the script's. */
  route: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The client's address when the adapter has the request; a session call looks it up itself. */
  address?: string | null;
  /**
   * What the request names (a route's ids, a form's row), for a role refusal logged before the input is
   * read; `execute` finds it in the raw input when the adapter gives none.
   */
  target?: string;
}

export interface LoadContext<I> {
  db: Db;
  actor: SessionUser;
  input: I;
  /**
   * Logs one refusal for a use case that answers the out-of-scope part of its input in its own terms
   * (an import's rows, as import issues) instead of refusing the whole call as not found.
   */
  logRefusal: (reason: string, target?: string) => Promise<void>;
}

interface BaseSpec<S extends z.ZodType, R> {
  /** The use case's row in USE_CASE_RULES, which names the rule it is checked against. */
  name: UseCaseName;
  /** A function when the schema depends on the moment (today's date): called per call. */
  input: S | (() => S);
  /** Step 3. `undefined` means there is no such row (404). Loads happen before the transaction. */
  load: (context: LoadContext<z.output<S>>) => R | undefined | Promise<R | undefined>;
  /**
   * Step 4: the province (or provinces) the loaded rows belong to, checked against the rule; `null` for
   * a use case whose rows belong to no province (the actor's own settings) or that filters to the
   * actor's scope itself (a list).
   */
  province: (rows: R, input: z.output<S>) => string | readonly string[] | null;
  /** What the refusal log names as asked for: the row's id by default (`input.id` when there is one). */
  target?: (input: z.output<S>) => string | undefined;
  /** Open to a session that still owes its two-factor enrolment: the enrolment use cases only. */
  beforeTwoFactor?: true;
}

export interface RunContext<I, R> {
  actor: SessionUser;
  input: I;
  rows: R;
}

export interface CommandSpec<S extends z.ZodType, R, T> extends BaseSpec<S, R> {
  /** Step 5, inside one IMMEDIATE write transaction. Every row it changes must come with an audit entry. */
  run: (tx: Tx, context: RunContext<z.output<S>, R>) => T;
}

export interface QuerySpec<S extends z.ZodType, R, T> extends BaseSpec<S, R> {
  /** Step 5: the view's data, a plain object. */
  run: (context: RunContext<z.output<S>, R> & { db: Db }) => T | Promise<T>;
}

/** Proof that step 1 passed: only `admit` makes one, so `proceed` cannot run for an actor nobody checked. */
export interface Admitted {
  readonly useCase: UseCaseName;
  readonly actor: SessionUser;
  readonly call: Call;
}
const ADMITTED = new WeakSet<Admitted>();

export interface UseCase<T> {
  readonly name: UseCaseName;
  /** Steps 1–5. */
  execute(call: Call, raw: unknown): Promise<Outcome<T>>;
  /**
   * Step 1 alone, for an adapter that must refuse a caller before reading its body (the API's writes).
   * `target`: what the request names (a row's id), for the security log of a role refusal.
   */
  admit(call: Call, target?: string): Promise<{ ok: true; admitted: Admitted } | { ok: false; refusal: Refusal; actor?: SessionUser }>;
  /** Steps 2–5 for an admitted caller. */
  proceed(admitted: Admitted, raw: unknown): Promise<Outcome<T>>;
}

export function defineCommand<S extends z.ZodType, R, T>(spec: CommandSpec<S, R, T>): UseCase<T> {
  return defineUseCase(spec, (db, context) =>
    writeTransaction(db, (tx) => {
      const before = writeMark(tx);
      const value = spec.run(tx, context);
      const after = writeMark(tx);
      // Throwing rolls the transaction back: no accepted write lands without its audit entry.
      if (after.changes !== before.changes && after.auditId === before.auditId) throw new Error(`${spec.name} wrote rows without an audit entry`);
      return value;
    }),
  );
}

export function defineQuery<S extends z.ZodType, R, T>(spec: QuerySpec<S, R, T>): UseCase<T> {
  return defineUseCase(spec, (db, context) => spec.run({ ...context, db }));
}

function defineUseCase<S extends z.ZodType, R, T>(spec: BaseSpec<S, R>, run: (db: Db, context: RunContext<z.output<S>, R>) => T | Promise<T>): UseCase<T> {
  const rule = USE_CASE_RULES[spec.name];

  async function refuse(call: Call, actor: SessionUser, reason: string, target: string | undefined): Promise<void> {
    const address = call.address !== undefined ? call.address : call.actor.via === "session" ? await currentAddress() : null;
    logRefusal({ userId: actor.id, route: call.route, target, reason, method: call.method, address });
  }

  async function admit(call: Call, target?: string) {
    const resolved = await resolveActor(call.actor, { beforeTwoFactor: spec.beforeTwoFactor });
    if (!resolved.ok) {
      if (resolved.refusal.kind === "enrolTwoFactor" && resolved.actor) await refuse(call, resolved.actor, "two_factor_enrolment_required", undefined);
      return resolved;
    }
    const { actor } = resolved;
    if (!ruleAdmitsRole(rule, actor)) {
      await refuse(call, actor, `role_${actor.role}`, target ?? call.target);
      return { ok: false as const, refusal: { kind: "forbidden" } as Refusal, actor };
    }
    const admitted: Admitted = Object.freeze({ useCase: spec.name, actor, call });
    ADMITTED.add(admitted);
    return { ok: true as const, admitted };
  }

  async function proceed(admitted: Admitted, raw: unknown): Promise<Outcome<T>> {
    if (!ADMITTED.has(admitted) || admitted.useCase !== spec.name) throw new Error(`${spec.name}: proceed() needs this use case's own admit()`);
    const { actor, call } = admitted;
    const schema = typeof spec.input === "function" ? spec.input() : spec.input;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, refusal: { kind: "invalid", fields: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), code: i.message })) }, actor };
    const input = parsed.data as z.output<S>;
    const target = spec.target?.(input) ?? idOf(input);
    const db = getDb();
    try {
      const rows = await spec.load({ db, actor, input, logRefusal: (reason, asked) => refuse(call, actor, reason, asked ?? target) });
      if (rows === undefined) return { ok: false, refusal: { kind: "notFound" }, actor };
      const province = spec.province(rows, input);
      const provinces = province === null ? [] : typeof province === "string" ? [province] : province;
      if (provinces.some((code) => !RULES[rule](actor, code))) {
        await refuse(call, actor, "row_out_of_scope", target);
        return { ok: false, refusal: { kind: "notFound" }, actor };
      }
      return { ok: true, value: await run(db, { actor, input, rows }), actor };
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      if (error instanceof NotYoursError || error instanceof ForbiddenError) await refuse(call, actor, error instanceof NotYoursError ? "not_yours" : "row_out_of_scope", error.target ?? target);
      return { ok: false, refusal, actor };
    }
  }

  /**
   * The unparsed input's target: what the use case's own `target` reads from it (written for parsed
   * input, so only a plain string naming no missing field counts), else its id. The same as a scope
   * refusal of the parsed input names, so both refusals of one use case log the same target.
   */
  function rawTarget(raw: unknown): string | undefined {
    if (typeof raw !== "object" || raw === null) return undefined;
    if (spec.target) {
      try {
        const named: unknown = (spec.target as (input: unknown) => unknown)(raw);
        if (typeof named === "string" && named !== "" && !named.includes("undefined")) return named;
      } catch {
        // Unparsed input the target function cannot read: fall back to its id.
      }
    }
    return idOf(raw);
  }

  return {
    name: spec.name,
    admit,
    proceed,
    async execute(call, raw) {
      const admission = await admit(call.target !== undefined ? call : { ...call, target: rawTarget(raw) });
      return admission.ok ? proceed(admission.admitted, raw) : admission;
    },
  };
}

/** The domain's expected failures, thrown from deep inside a load or a write, as refusals. */
function refusalOf(error: unknown): Refusal | undefined {
  if (error instanceof FieldErrors) return { kind: "invalid", fields: Object.entries(error.keys).map(([path, code]): InvalidField => ({ path, code })) };
  if (error instanceof ConflictError) return { kind: "conflict", current: error.current, version: error.version };
  if (error instanceof NotFoundError) return { kind: "notFound" };
  if (error instanceof ForbiddenError) return { kind: "forbidden" };
  if (error instanceof DomainError) return { kind: "refused", messageKey: error.messageKey, field: error.field };
  return undefined;
}

function idOf(input: unknown): string | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  for (const key of ["id", "updateId", "centreId", "flagKey", "provinceCode", "key", "code"]) {
    const value = (input as Record<string, unknown>)[key];
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}
