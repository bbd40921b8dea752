import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("uses argon2id at OWASP cost (m = 19 MiB, t = 2) with a salt per hash", async () => {
    const first = await hashPassword("demo-pass-2026");
    const second = await hashPassword("demo-pass-2026");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
  });

  it("verifies the right password only, and never throws on a damaged hash", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(await verifyPassword(stored, "correct horse battery")).toBe(true);
    expect(await verifyPassword(stored, "correct horse batter")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });

  it("hashes the whole password: two differing only after character 72 do not verify for each other", async () => {
    const prefix = "a".repeat(100);
    const stored = await hashPassword(`${prefix}-first`);
    expect(await verifyPassword(stored, `${prefix}-first`)).toBe(true);
    expect(await verifyPassword(stored, `${prefix}-other`)).toBe(false);
    expect(await verifyPassword(stored, prefix.slice(0, 72))).toBe(false);
  });

  it("answers false for an unknown account after doing the same work", async () => {
    expect(await verifyPassword(undefined, "demo-pass-2026")).toBe(false);
  });
});
