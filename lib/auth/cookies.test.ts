import { describe, expect, it } from "vitest";
import { authCookies, isSecureOrigin, SESSION_COOKIE_NAMES } from "./cookies";

describe("authCookies", () => {
  it("uses __Host- names with Secure, HttpOnly, Path=/, SameSite=Lax and no Domain over HTTPS", () => {
    const cookies = authCookies(true);
    expect(Object.values(cookies).map((c) => c.name)).toEqual(["__Host-next-auth.session-token", "__Host-next-auth.callback-url", "__Host-next-auth.csrf-token"]);
    for (const cookie of Object.values(cookies)) {
      expect(cookie.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
      expect(cookie.options).not.toHaveProperty("domain");
    }
  });

  it("keeps plain names without Secure over http, where a browser would refuse them", () => {
    const cookies = authCookies(false);
    expect(Object.values(cookies).map((c) => c.name)).toEqual(["next-auth.session-token", "next-auth.callback-url", "next-auth.csrf-token"]);
    for (const cookie of Object.values(cookies)) expect(cookie.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: false });
  });

  it("gives the proxy both session cookie names", () => {
    expect(SESSION_COOKIE_NAMES).toEqual(["next-auth.session-token", "__Host-next-auth.session-token"]);
  });
});

describe("isSecureOrigin", () => {
  it.each([
    ["https://tracker.example.gov.cn", true],
    ["http://localhost:3000", false],
    [undefined, false],
  ])("%s → %s", (url, secure) => expect(isSecureOrigin(url)).toBe(secure));
});
