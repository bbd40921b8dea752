import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Secret } from "otpauth";
import {
  hashRecoveryCode,
  newRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  totpCodeAt,
  totpStep,
  totpUri,
  verifyTotp,
} from "./totp";

// RFC 6238 appendix B, SHA-1: the secret is the ASCII "12345678901234567890"; the 8-digit codes there
// end in these 6 digits (a 6-digit code is the same truncation mod 10^6).
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_VECTORS = [
  [59, "287082"],
  [1111111109, "081804"],
  [1234567890, "005924"],
  [2000000000, "279037"],
] as const;

describe("TOTP codes", () => {
  it("the RFC secret is the ASCII text", () => {
    expect(Buffer.from(Secret.fromBase32(RFC_SECRET).bytes).toString("ascii")).toBe("12345678901234567890");
  });

  it.each(RFC_VECTORS)("at %i s the code is %s", (seconds, code) => {
    expect(totpCodeAt(RFC_SECRET, totpStep(seconds * 1000))).toBe(code);
  });

  it("a new secret is 160 bits (32 base32 characters) and differs each time", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(a).bytes.length).toBe(20);
    expect(newTotpSecret()).not.toBe(a);
  });

  it("the URI names the issuer and the account for the app", () => {
    const uri = new URL(totpUri(RFC_SECRET, "reviewer@demo.gov.cn"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(uri.searchParams.get("secret")).toBe(RFC_SECRET);
    expect(uri.searchParams.get("issuer")).toBe("人工智能创新中心建设监测平台");
    expect(decodeURIComponent(uri.pathname)).toBe("/人工智能创新中心建设监测平台:reviewer@demo.gov.cn");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
  });
});

describe("verifyTotp: window and replay", () => {
  // 1111111109 s is step 37037036 (1111111109 / 30 = 37037036.97).
  const now = 1111111109 * 1000;
  const step = 37037036;
  const code = (s: number) => totpCodeAt(RFC_SECRET, s);

  it.each([
    ["the current step", step, step],
    ["the step before", step - 1, step - 1],
    ["the step after", step + 1, step + 1],
    ["two steps before", step - 2, null],
    ["two steps after", step + 2, null],
  ])("a code from %s → %s", (_name, s, expected) => {
    expect(verifyTotp(RFC_SECRET, code(s), now, null)).toBe(expected);
  });

  it("accepts spaces inside the code and refuses anything but six digits", () => {
    expect(verifyTotp(RFC_SECRET, "081 804", now, null)).toBe(step);
    expect(verifyTotp(RFC_SECRET, "81804", now, null)).toBeNull();
    expect(verifyTotp(RFC_SECRET, "0818045", now, null)).toBeNull();
    expect(verifyTotp(RFC_SECRET, "", now, null)).toBeNull();
  });

  it("refuses a code of the last used step or any earlier one, even inside the window", () => {
    expect(verifyTotp(RFC_SECRET, code(step), now, step)).toBeNull();
    expect(verifyTotp(RFC_SECRET, code(step - 1), now, step)).toBeNull();
    expect(verifyTotp(RFC_SECRET, code(step - 1), now, step - 1)).toBeNull();
    // The next step is still good after the current one was used.
    expect(verifyTotp(RFC_SECRET, code(step + 1), now, step)).toBe(step + 1);
    expect(verifyTotp(RFC_SECRET, code(step), now, step - 1)).toBe(step);
  });

  it("refuses a right code for another secret", () => {
    expect(verifyTotp(newTotpSecret(), code(step), now, null)).toBeNull();
  });
});

describe("recovery codes", () => {
  it("ten codes of 16 base32 characters in groups of four, all different", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
    expect(new Set(codes).size).toBe(10);
  });

  it("uses the whole alphabet (80 random bits, not a biased subset)", () => {
    const seen = new Set(Array.from({ length: 200 }, newRecoveryCode).join("").replace(/-/g, ""));
    expect(seen.size).toBe(32);
  });

  it.each([
    ["abcd-efgh-ijkl-mn23", "abcdefghijklmn23"],
    ["ABCD EFGH IJKL MN23", "abcdefghijklmn23"],
    [" abcdefghijklmn23 ", "abcdefghijklmn23"],
    ["abcd-efgh-ijkl-mn2", null], // one short
    ["abcd-efgh-ijkl-mn231", null], // one long
    ["abcd-efgh-ijkl-mn01", null], // 0 and 1 are not base32
    ["123456", null],
  ])("normalises %j to %j", (input, expected) => {
    expect(normaliseRecoveryCode(input)).toBe(expected);
  });

  it("hashes the normal form with SHA-256, so any spelling of a code gives the same hash", () => {
    const expected = createHash("sha256").update("abcdefghijklmn23").digest("hex");
    expect(hashRecoveryCode("abcd-efgh-ijkl-mn23")).toBe(expected);
    expect(hashRecoveryCode("ABCD EFGH IJKL MN23")).toBe(expected);
    expect(() => hashRecoveryCode("nope")).toThrow();
  });
});
