import { describe, expect, it } from "vitest";
import { deriveKey, open, seal } from "./secret-box";

const MASTER = "a-test-master-secret-of-at-least-32-characters";
const key = deriveKey(MASTER, "totp-secret");

describe("secret box (AES-256-GCM, HKDF key)", () => {
  it("round-trips, with a fresh IV each time", () => {
    const a = seal(key, "JBSWY3DPEHPK3PXP", "user-1");
    const b = seal(key, "JBSWY3DPEHPK3PXP", "user-1");
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(open(key, a, "user-1")).toBe("JBSWY3DPEHPK3PXP");
    expect(open(key, b, "user-1")).toBe("JBSWY3DPEHPK3PXP");
  });

  it("derives different keys for different purposes and masters, and the same key again for the same", () => {
    expect(deriveKey(MASTER, "totp-secret").equals(key)).toBe(true);
    expect(deriveKey(MASTER, "other").equals(key)).toBe(false);
    expect(deriveKey(`${MASTER}!`, "totp-secret").equals(key)).toBe(false);
    expect(key.length).toBe(32);
    expect(() => deriveKey("short", "totp-secret")).toThrow();
  });

  it("detects every flipped byte of the sealed text", () => {
    const sealed = seal(key, "JBSWY3DPEHPK3PXP", "user-1");
    const raw = Buffer.from(sealed.slice(3), "base64url");
    for (let i = 0; i < raw.length; i++) {
      const bad = Buffer.from(raw);
      bad[i]! ^= 0x01;
      expect(() => open(key, `v1:${bad.toString("base64url")}`, "user-1")).toThrow();
    }
  });

  it("refuses another user's context, another key and malformed text", () => {
    const sealed = seal(key, "JBSWY3DPEHPK3PXP", "user-1");
    expect(() => open(key, sealed, "user-2")).toThrow();
    expect(() => open(deriveKey(`${MASTER}!`, "totp-secret"), sealed, "user-1")).toThrow();
    expect(() => open(key, sealed.replace("v1:", "v2:"), "user-1")).toThrow();
    expect(() => open(key, "v1:AAAA", "user-1")).toThrow();
    expect(() => open(key, "garbage", "user-1")).toThrow();
  });
});
