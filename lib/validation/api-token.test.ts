import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "./form-state";
import { cliApiTokenSchema, createApiTokenSchema, maxTokenExpiry, revokeApiTokenSchema } from "./api-token";

const TODAY = "2026-11-27";
const base = { name: "统计局数据同步", expiresOn: "" };
const errorsOf = (input: Record<string, unknown>) => {
  const result = createApiTokenSchema(TODAY).safeParse({ ...base, ...input });
  return result.success ? {} : fieldErrorKeys(result.error.issues);
};

describe("maxTokenExpiry", () => {
  it.each([
    ["2026-11-27", "2027-11-27"],
    ["2026-12-31", "2027-12-31"],
    ["2028-02-29", "2029-02-28"], // no 29 February next year
    ["2027-02-28", "2028-02-28"],
  ])("%s → %s", (today, expected) => {
    expect(maxTokenExpiry(today)).toBe(expected);
  });
});

describe("createApiTokenSchema", () => {
  it("trims the name and turns a blank expiry into null (no expiry)", () => {
    expect(createApiTokenSchema(TODAY).parse({ name: "  同步脚本 ", expiresOn: " " })).toEqual({ name: "同步脚本", expiresOn: null });
  });

  it.each([
    [{ expiresOn: TODAY }], // the last day it works may be today
    [{ expiresOn: "2026-11-28" }],
    [{ expiresOn: "2027-11-27" }], // one year ahead, the last allowed day
    [{ name: "x".repeat(80) }],
    [{ name: "数".repeat(80) }], // 80 Chinese characters
  ])("accepts %j", (change) => {
    expect(errorsOf(change)).toEqual({});
  });

  it.each([
    // [change, field → message key]
    [{ name: "" }, { name: "required" }],
    [{ name: "   " }, { name: "required" }],
    [{ name: undefined }, { name: "required" }],
    [{ name: "x".repeat(81) }, { name: "tooLong" }],
    [{ expiresOn: "2026-11-26" }, { expiresOn: "expiryBeforeToday" }],
    [{ expiresOn: "2027-11-28" }, { expiresOn: "expiryTooFar" }],
    [{ expiresOn: "2026-02-30" }, { expiresOn: "date" }],
    [{ expiresOn: "27/11/2026" }, { expiresOn: "date" }],
  ])("refuses %j → %j", (change, expected) => {
    expect(errorsOf(change)).toEqual(expected);
  });

  it("reports every field error at once", () => {
    expect(errorsOf({ name: "", expiresOn: "2020-01-01" })).toEqual({ name: "required", expiresOn: "expiryBeforeToday" });
  });
});

describe("cliApiTokenSchema", () => {
  it("normalises the email like the sign-in form", () => {
    expect(cliApiTokenSchema(TODAY).parse({ email: " Staff@Example.CN ", name: "n", expiresOn: null })).toEqual({ email: "staff@example.cn", name: "n", expiresOn: null });
  });

  it("applies the same expiry rule", () => {
    const result = cliApiTokenSchema(TODAY).safeParse({ email: "nope", name: "n", expiresOn: "2030-01-01" });
    expect(result.success ? {} : fieldErrorKeys(result.error.issues)).toEqual({ email: "email", expiresOn: "expiryTooFar" });
  });
});

describe("revokeApiTokenSchema", () => {
  it.each([[{}], [{ id: "" }], [{ id: "x".repeat(101) }]])("refuses %j", (input) => {
    expect(revokeApiTokenSchema.safeParse(input).success).toBe(false);
  });

  it("accepts an id", () => {
    expect(revokeApiTokenSchema.parse({ id: "3f1c" })).toEqual({ id: "3f1c" });
  });
});
