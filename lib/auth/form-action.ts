import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { ConflictError, DomainError, FieldErrors, ForbiddenError, NotYoursError } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/vocabulary";
import { fieldErrorKeys, formDataToObject, unflatten, type FormState } from "@/lib/validation/form-state";
import { getSignedInUser, mustEnrol, type SessionUser } from "./current-user";
import { currentAddress, logRefusal } from "./security-log";

type Handler<T> = (input: T, user: SessionUser) => Promise<FormState | void> | FormState | void;

/** The fields that name the row a form acts on, in the order a refusal reports the first one present. */
const TARGET_FIELDS = ["id", "updateId", "centreId", "flagKey", "provinceCode", "key"] as const;

/** What the refused request asked for, for the security log: the id (or key) of the row the form names. */
function targetOf(values: Record<string, unknown>): string | undefined {
  for (const field of TARGET_FIELDS) {
    const value = values[field];
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

const NEVER_ECHOED = new Set(["password", "currentPassword", "newPassword", "confirmPassword", "code", "disableCode"]);

/**
 * Wraps every form's server action in the same order: who is this (session checked against the
 * database), may this role act at all, is the input valid (the form's own zod schema). The handler
 * then loads the row and checks the province; it throws DomainError for expected refusals.
 */
export function formAction<S extends z.ZodType>(
  name: string,
  /** `schema` may be a function when its rules depend on the moment (today's date): it is called per request. */
  options: {
    schema: S | (() => S);
    roles?: readonly Role[];
    files?: readonly string[];
    /** Open to a user who still owes the two-factor enrolment their role requires: the enrolment actions only. */
    beforeTwoFactor?: true;
  },
  handler: Handler<z.output<S>>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const t = await getTranslations();
    const user = await getSignedInUser();
    if (!user) return { status: "error", message: t("errors.signedOut") };
    if (!options.beforeTwoFactor && mustEnrol(user)) {
      logRefusal({ userId: user.id, route: name, reason: "two_factor_enrolment_required", method: "POST", address: await currentAddress() });
      return { status: "error", message: t("errors.twoFactorEnrolmentRequired") };
    }
    if (options.roles && !options.roles.includes(user.role)) {
      logRefusal({ userId: user.id, route: name, target: targetOf(formDataToObject(formData)), reason: `role_${user.role}`, method: "POST", address: await currentAddress() });
      return { status: "error", message: t("errors.forbidden") };
    }
    const raw = formDataToObject(formData);
    const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !NEVER_ECHOED.has(key)));
    const translateKeys = (keys: Record<string, string>) =>
      Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, t.has(`validation.${key}`) ? t(`validation.${key}`) : t("validation.invalid")]));
    // File inputs reach the schema as File objects; they are never echoed back.
    const files = Object.fromEntries((options.files ?? []).map((field) => [field, formData.get(field)]));
    const schema = typeof options.schema === "function" ? options.schema() : options.schema;
    const parsed = schema.safeParse({ ...unflatten(raw), ...files });
    if (!parsed.success) {
      return { status: "error", message: t("errors.invalidForm"), fieldErrors: translateKeys(fieldErrorKeys(parsed.error.issues)), values };
    }
    try {
      return (await handler(parsed.data, user)) ?? { status: "success", message: t("common.saved") };
    } catch (error) {
      if (error instanceof FieldErrors) return { status: "error", message: t("errors.invalidForm"), fieldErrors: translateKeys(error.keys), values };
      if (!(error instanceof DomainError)) throw error;
      if (error instanceof ForbiddenError || error instanceof NotYoursError) {
        logRefusal({ userId: user.id, route: name, target: error.target ?? targetOf(raw), reason: "row_out_of_scope", method: "POST", address: await currentAddress() });
      }
      const message = t(`errors.${error.messageKey}`);
      if (error instanceof ConflictError) return { status: "error", message, values, current: error.current };
      return error.field
        ? { status: "error", message: t("errors.invalidForm"), fieldErrors: { [error.field]: message }, values }
        : { status: "error", message, values };
    }
  };
}
