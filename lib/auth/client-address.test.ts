import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, normaliseAddress } from "./client-address";

const PEER = CLIENT_ADDRESS_HEADER;

describe("clientAddress", () => {
  it.each([
    // [headers as received, trusting a proxy, expected]
    [{ [PEER]: "203.0.113.7" }, false, "203.0.113.7"],
    [{ [PEER]: "::ffff:127.0.0.1" }, false, "127.0.0.1"],
    [{ [PEER]: "::1" }, false, "::1"],
    // Without a trusted proxy a client's X-Forwarded-For is never believed, single entry or not.
    [{ [PEER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" }, false, "203.0.113.7"],
    [{ "x-forwarded-for": "198.51.100.1" }, false, "unknown"],
    // Behind a trusted proxy the rightmost entry is the one the proxy appended.
    [{ [PEER]: "10.0.0.2", "x-forwarded-for": "198.51.100.1, 203.0.113.7" }, true, "203.0.113.7"],
    [{ [PEER]: "10.0.0.2" }, true, "10.0.0.2"],
    [{ [PEER]: "10.0.0.2", "x-forwarded-for": "not-an-address" }, true, "unknown"],
    [{ [PEER]: "10.0.0.2", "x-forwarded-for": "198.51.100.1, <script>" }, true, "unknown"],
    [{ [PEER]: "10.0.0.2", "x-forwarded-for": " , " }, true, "10.0.0.2"],
  ])("%j, trusted %s → %s", (headers, trust, expected) => {
    expect(clientAddress(headers, trust)).toBe(expected);
  });

  it("is unknown without headers, and ignores X-Real-IP", () => {
    expect(clientAddress(undefined, true)).toBe("unknown");
    expect(clientAddress({ "x-real-ip": "203.0.113.7" }, true)).toBe("unknown");
  });

  it("reads headers whatever their case", () => {
    expect(clientAddress({ "X-Tracker-Client-Address": "203.0.113.7" }, false)).toBe("203.0.113.7");
    expect(clientAddress({ [PEER]: "10.0.0.2", "X-Forwarded-For": "203.0.113.9" }, true)).toBe("203.0.113.9");
  });
});

describe("normaliseAddress", () => {
  it("lower-cases IPv6", () => expect(normaliseAddress("2001:DB8::1")).toBe("2001:db8::1"));
});
