import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress } from "./client-address";

describe("clientAddress", () => {
  it.each([
    // [X-Forwarded-For as received, trusting a proxy, expected]
    ["203.0.113.7", false, "203.0.113.7"],
    ["::ffff:127.0.0.1", false, "127.0.0.1"],
    ["::1", false, "::1"],
    ["198.51.100.1, 203.0.113.7", false, "unknown"],
    ["198.51.100.1, 203.0.113.7", true, "203.0.113.7"],
    ["203.0.113.7", true, "203.0.113.7"],
    ["not-an-address", true, "unknown"],
    ["198.51.100.1, <script>", true, "unknown"],
    ["", false, "unknown"],
  ])("X-Forwarded-For %j, trusted %s → %s", (xff, trust, expected) => {
    expect(clientAddress({ "x-forwarded-for": xff }, trust)).toBe(expected);
  });

  it("is unknown without the header or headers, and ignores X-Real-IP", () => {
    expect(clientAddress(undefined, true)).toBe("unknown");
    expect(clientAddress({ "x-real-ip": "203.0.113.7" }, true)).toBe("unknown");
  });

  it("reads the header whatever its case", () => {
    expect(clientAddress({ "X-Forwarded-For": "203.0.113.7" }, false)).toBe("203.0.113.7");
  });
});

describe("normaliseAddress", () => {
  it("lower-cases IPv6", () => expect(normaliseAddress("2001:DB8::1")).toBe("2001:db8::1"));
});
