import { z } from "zod";
import { LOCALES, ROLES } from "@/lib/domain/vocabulary";
import { provinceRequirement } from "@/lib/domain/permissions";
import { isCommonPassword } from "./common-passwords";
import { checkbox, enumOf, optionalProvinceCode, requiredText, version, whenFieldsValid } from "./fields";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const email = () =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.string({ error: "required" }).min(1, { error: "required" }).max(254, { error: "tooLong" }).pipe(z.email({ error: "email" })),
  );

// The policy for setting a password (OWASP ASVS 5 L2): length bounds and a common-password list,
// no composition rules. No trimming: a password is taken exactly as typed. Sign-in does not apply it.
export const password = () =>
  z
    .string({ error: "required" })
    .min(PASSWORD_MIN, { error: "passwordTooShort" })
    .max(PASSWORD_MAX, { error: "tooLong" })
    .refine((value) => !isCommonPassword(value), { error: "passwordCommon" });

/** The signed-in user's own change: the current password is checked against the hash by the action. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "required" }).min(1, { error: "required" }).max(PASSWORD_MAX, { error: "tooLong" }),
    newPassword: password(),
    confirmPassword: z.string({ error: "required" }),
  })
  .superRefine((value, ctx) => {
    if (value.confirmPassword !== value.newPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwordsDiffer" });
    if (value.newPassword === value.currentPassword) ctx.addIssue({ code: "custom", path: ["newPassword"], message: "passwordUnchanged" });
  }, { when: whenFieldsValid("currentPassword", "newPassword") });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

const userFields = {
  email: email(),
  name: requiredText(100),
  role: enumOf(ROLES),
  provinceCode: optionalProvinceCode(),
  locale: enumOf(LOCALES),
};

type ProvinceBinding = { role: (typeof ROLES)[number]; provinceCode: string | null };

function checkProvinceBinding(value: ProvinceBinding, ctx: z.RefinementCtx<ProvinceBinding>) {
  const rule = provinceRequirement(value.role);
  if (rule === "required" && value.provinceCode === null)
    ctx.addIssue({ code: "custom", path: ["provinceCode"], message: "provinceRequiredForStaff" });
  if (rule === "forbidden" && value.provinceCode !== null)
    ctx.addIssue({ code: "custom", path: ["provinceCode"], message: "provinceForbiddenForAdmin" });
}

export const createUserSchema = z.object({ ...userFields, password: password() }).superRefine(checkProvinceBinding, { when: whenFieldsValid("role", "provinceCode") });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({ ...userFields, id: z.string().min(1), version: version(), active: checkbox() })
  .superRefine(checkProvinceBinding, { when: whenFieldsValid("role", "provinceCode") });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const loginSchema = z.object({
  email: email(),
  password: z.string({ error: "required" }).min(1, { error: "required" }).max(PASSWORD_MAX, { error: "tooLong" }),
  // The second step's TOTP or recovery code; absent (or empty) on the first submit.
  code: z.string().trim().max(40, { error: "tooLong" }).optional().transform((c) => c || undefined),
});
