import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "./client-address";

describe("clientAddress", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it("is the peer the server recorded, whatever X-Forwarded-For claims, unless a proxy is trusted", () => {
    const h = headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" });
    expect(clientAddress(h, false)).toBe("203.0.113.7");
  });

  it("behind a trusted proxy is the last X-Forwarded-For entry: the one the proxy appended", () => {
    const h = headers({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.1 ,203.0.113.9" });
    expect(clientAddress(h, true)).toBe("203.0.113.9");
  });

  it("falls back to the peer when a trusted proxy sent no X-Forwarded-For, and to 'unknown' without either", () => {
    expect(clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2" }), true)).toBe("10.0.0.2");
    expect(clientAddress(headers({ "x-forwarded-for": " , " }), true)).toBe("unknown");
    expect(clientAddress(headers({}), false)).toBe("unknown");
  });
});
