import "server-only";
import { getTranslations } from "next-intl/server";
import { formDataToObject, unflatten, type FormState } from "@/lib/validation/form-state";
import type { UseCase } from "@/lib/use-cases/define";
import type { InvalidField, Refusal } from "@/lib/use-cases/outcome";
import { messageKey, type AppTranslator as Translator } from "@/lib/i18n/translator";


/** Form fields whose values are never sent back to the browser with an error. */
const NEVER_ECHOED = new Set(["password", "currentPassword", "newPassword", "confirmPassword", "code", "disableCode"]);

/**
 * A server action over a use case: the form's fields (and files) become its input, and its outcome
 * becomes the FormState the form shows. `done` runs after success, outside the transaction: it may
 * revalidate and redirect, or return the success state.
 */
export function formCommand<T>(
  name: string,
  useCase: UseCase<T>,
  options: { files?: readonly string[]; done?: (value: T) => FormState | void | Promise<FormState | void> } = {},
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const raw = formDataToObject(formData);
    const files = Object.fromEntries((options.files ?? []).map((field) => [field, formData.get(field)]));
    const outcome = await useCase.execute({ actor: { via: "session" }, route: name, method: "POST" }, { ...unflatten(raw), ...files });
    const t = await getTranslations();
    if (!outcome.ok) return formRefusal(t, outcome.refusal, Object.fromEntries(Object.entries(raw).filter(([key]) => !NEVER_ECHOED.has(key))));
    return (await options.done?.(outcome.value)) ?? { status: "success", message: t("common.saved") };
  };
}

/** A refusal as the form shows it: one message, and each invalid field's own message beside it. */
export function formRefusal(t: Translator, refusal: Refusal, values: FormState["values"]): FormState {
  switch (refusal.kind) {
    case "unauthenticated":
      return { status: "error", message: t("errors.signedOut") };
    case "enrolTwoFactor":
      return { status: "error", message: t("errors.twoFactorEnrolmentRequired") };
    case "forbidden":
      return { status: "error", message: t("errors.forbidden") };
    case "notFound":
      return { status: "error", message: t("errors.notFound"), values };
    case "invalid":
      return { status: "error", message: t("errors.invalidForm"), fieldErrors: fieldMessages(t, refusal.fields), values };
    case "conflict":
      return { status: "error", message: t("errors.conflict"), values, current: refusal.current };
    case "refused": {
      const message = t.has(messageKey(`errors.${refusal.messageKey}`)) ? t(messageKey(`errors.${refusal.messageKey}`)) : t("errors.invalidForm");
      return refusal.field ? { status: "error", message: t("errors.invalidForm"), fieldErrors: { [refusal.field]: message }, values } : { status: "error", message, values };
    }
  }
}

/** The first reason per field, translated; a list's element (`focusTags.0`) is shown at the list's control. */
function fieldMessages(t: Translator, fields: readonly InvalidField[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const { path, code } of fields) {
    const field = path.replace(/\.\d+$/, "") || "_form";
    messages[field] ??= t.has(messageKey(`validation.${code}`)) ? t(messageKey(`validation.${code}`)) : t("validation.invalid");
  }
  return messages;
}
