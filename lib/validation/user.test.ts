import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "./form-state";
import { changePasswordSchema, createUserSchema, PASSWORD_MAX, updateUserSchema } from "./user";

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

describe("password policy (createUserSchema and changePasswordSchema share it)", () => {
  it.each([
    ["x".repeat(7), "passwordTooShort"],
    ["x".repeat(129), "tooLong"],
    ["password", "passwordCommon"],
    ["PassWord123", "passwordCommon"],
    ["QWERTY123", "passwordCommon"],
    ["woaini1314", "passwordCommon"],
    ["5201314520", "passwordCommon"],
    ["Zhang123456", "passwordCommon"],
    ["12345678", "passwordCommon"],
  ])("refuses %j: %s", (password, key) => {
    expect(errorsOf({ ...valid, password }).password).toBe(key);
  });

  it.each([["x".repeat(8)], ["日".repeat(8)], ["x".repeat(64)], ["x".repeat(PASSWORD_MAX)], ["password is a phrase now"], ["mypassword1314!"]])(
    "accepts %j (no composition rules, at least 64 characters allowed)",
    (password) => {
      expect(createUserSchema.parse({ ...valid, password }).password).toBe(password);
    },
  );
});

describe("changePasswordSchema", () => {
  const change = { currentPassword: "old horse battery", newPassword: "new staple battery", confirmPassword: "new staple battery" };
  const changeErrors = (input: Record<string, unknown>) => {
    const result = changePasswordSchema.safeParse(input);
    return result.success ? {} : fieldErrorKeys(result.error.issues);
  };

  it("accepts a fresh, matching new password", () => {
    expect(changePasswordSchema.parse(change)).toEqual(change);
  });

  it.each([
    [{ currentPassword: "" }, "currentPassword", "required"],
    [{ newPassword: "short", confirmPassword: "short" }, "newPassword", "passwordTooShort"],
    [{ newPassword: "iloveyou", confirmPassword: "iloveyou" }, "newPassword", "passwordCommon"],
    [{ confirmPassword: "new staple batterY" }, "confirmPassword", "passwordsDiffer"],
    [{ newPassword: "old horse battery", confirmPassword: "old horse battery" }, "newPassword", "passwordUnchanged"],
  ])("refuses %o: %s → %s", (diff, field, key) => {
    expect(changeErrors({ ...change, ...diff })[field]).toBe(key);
  });
});
