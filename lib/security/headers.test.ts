import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("lets scripts run only with the nonce, never inline", () => {
    const scripts = directives(contentSecurityPolicy("abc123==", false)).get("script-src");
    expect(scripts).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  });

  it("adds 'unsafe-eval' in development only", () => {
    expect(directives(contentSecurityPolicy("n", true)).get("script-src")).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", false)).not.toContain("unsafe-eval");
  });

  it.each([
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
    ["form-action", ["'self'"]],
    ["default-src", ["'self'"]],
  ])("%s is %j", (name, value) => {
    expect(directives(contentSecurityPolicy("n", false)).get(name)).toEqual(value);
  });
});

describe("newNonce", () => {
  it("is 16 random bytes in base64, new each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
