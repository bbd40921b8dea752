import { z } from "zod";
import { LOCALES, ROLES } from "@/lib/domain/vocabulary";
import { provinceRequirement } from "@/lib/domain/permissions";
import { checkbox, enumOf, optionalProvinceCode, requiredText, version, whenFieldsValid } from "./fields";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const email = () =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.string({ error: "required" }).min(1, { error: "required" }).max(254, { error: "tooLong" }).pipe(z.email({ error: "email" })),
  );

// No trimming: a password is taken exactly as typed.
export const password = () =>
  z
    .string({ error: "required" })
    .min(PASSWORD_MIN, { error: "passwordTooShort" })
    .max(PASSWORD_MAX, { error: "tooLong" });

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
});
