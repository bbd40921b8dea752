import { describe, expect, it } from "vitest";
import { isValidCreditCode } from "./credit-code";

describe("isValidCreditCode (GB 32100-2015)", () => {
  it.each([
    ["91350100M000100Y43", true], // the standard's worked example
    ["91110000802100433B", true],
    ["91350100M000100Y44", false], // wrong check character
    ["91350100M000100Y4", false], // 17 characters
    ["91350100M000100I43", false], // I is not in the character set
    ["91350100m000100y43", false], // callers upper-case first
    ["", false],
  ])("%s → %s", (code, valid) => {
    expect(isValidCreditCode(code)).toBe(valid);
  });
});
