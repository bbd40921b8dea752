import { describe, expect, it } from "vitest";
import { mustEnrolTwoFactor, twoFactorRequired } from "./two-factor-policy";

describe("two-factor policy", () => {
  it.each([
    ["staff", false, ["reviewer", "admin"], false], // optional for staff by default
    ["reviewer", false, ["reviewer", "admin"], true],
    ["admin", false, ["reviewer", "admin"], true],
    ["reviewer", true, ["reviewer", "admin"], false], // enrolled
    ["admin", false, [], false], // TWO_FACTOR_REQUIRED_ROLES=""
    ["staff", false, ["staff"], true],
  ] as const)("%s, enrolled %s, required %j → must enrol %s", (role, twoFactorEnabled, required, expected) => {
    expect(mustEnrolTwoFactor({ role, twoFactorEnabled }, required)).toBe(expected);
    expect(twoFactorRequired(role, required)).toBe(required.includes(role as never));
  });
});
