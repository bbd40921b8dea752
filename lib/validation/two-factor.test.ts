import { describe, expect, it } from "vitest";
import { disableTwoFactorSchema, twoFactorCodeSchema } from "./two-factor";

const issue = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("two-factor input", () => {
  it.each([
    ["123456", "123456"],
    [" 123 456 ", "123456"],
  ])("a code %j is read as %j", (code, expected) => {
    expect(twoFactorCodeSchema.parse({ code })).toEqual({ code: expected });
  });

  it.each([
    [undefined, "required"],
    ["", "required"],
    ["12345", "twoFactorCodeFormat"],
    ["1234567", "twoFactorCodeFormat"],
    ["12345a", "twoFactorCodeFormat"],
    ["abcd-efgh-ijkl-mn23", "twoFactorCodeFormat"], // no recovery code where only the app's code will do
  ])("refuses the code %j with %s", (code, key) => {
    expect(issue(twoFactorCodeSchema.safeParse({ code }))).toBe(key);
  });

  it("turning off takes the password and either kind of code", () => {
    expect(disableTwoFactorSchema.parse({ currentPassword: "pw", disableCode: "123 456" }).disableCode).toBe("123456");
    expect(disableTwoFactorSchema.parse({ currentPassword: "pw", disableCode: "ABCD-efgh-ijkl-mn23" }).disableCode).toBe("ABCDefghijklmn23");
    expect(issue(disableTwoFactorSchema.safeParse({ currentPassword: "", disableCode: "123456" }))).toBe("required");
    expect(issue(disableTwoFactorSchema.safeParse({ currentPassword: "pw", disableCode: "abcd" }))).toBe("twoFactorCodeOrRecoveryFormat");
  });
});
