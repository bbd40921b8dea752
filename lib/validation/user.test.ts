import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "./form-state";
import { createUserSchema, updateUserSchema } from "./user";

const valid = { email: " New.Staff@Example.GOV.cn ", name: "新同事", password: "correct horse", role: "staff", provinceCode: "330000", locale: "zh" };

function errorsOf(input: Record<string, unknown>) {
  const result = createUserSchema.safeParse(input);
  return result.success ? {} : fieldErrorKeys(result.error.issues);
}

describe("createUserSchema", () => {
  it("lower-cases and trims the email, keeps the password exactly", () => {
    const parsed = createUserSchema.parse({ ...valid, password: " spaced password " });
    expect(parsed.email).toBe("new.staff@example.gov.cn");
    expect(parsed.password).toBe(" spaced password ");
  });

  it.each([
    [{ email: "not-an-email" }, "email", "email"],
    [{ password: "short" }, "password", "passwordTooShort"],
    [{ password: "x".repeat(129) }, "password", "tooLong"],
    [{ role: "superuser" }, "role", "invalid"],
    [{ provinceCode: "" }, "provinceCode", "provinceRequiredForStaff"],
    [{ provinceCode: "33" }, "provinceCode", "provinceCode"],
    [{ role: "admin" }, "provinceCode", "provinceForbiddenForAdmin"],
  ])("refuses %o: %s → %s", (change, field, key) => {
    expect(errorsOf({ ...valid, ...change })[field]).toBe(key);
  });

  it("checks the province binding even when another field failed", () => {
    expect(errorsOf({ ...valid, email: "bad", provinceCode: "" })).toEqual({ email: "email", provinceCode: "provinceRequiredForStaff" });
  });

  it("lets a reviewer be national (no province)", () => {
    expect(createUserSchema.parse({ ...valid, role: "reviewer", provinceCode: "" }).provinceCode).toBeNull();
  });
});

describe("updateUserSchema", () => {
  it("reads an unticked active checkbox as deactivation", () => {
    const { password, ...fields } = valid;
    const parsed = updateUserSchema.parse({ ...fields, id: "u1", version: "3" });
    expect(parsed.active).toBe(false);
    expect(parsed.version).toBe(3);
  });
});
