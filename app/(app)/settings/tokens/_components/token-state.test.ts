import { describe, expect, it } from "vitest";
import { tokenState } from "./token-state";

const TODAY = "2026-11-27";

describe("tokenState", () => {
  it.each([
    [{ revokedAt: null, expiresOn: null }, "active"],
    [{ revokedAt: null, expiresOn: TODAY }, "active"], // works through its last day
    [{ revokedAt: null, expiresOn: "2026-11-26" }, "expired"],
    [{ revokedAt: "2026-11-20T08:00:00.000Z", expiresOn: null }, "revoked"],
    [{ revokedAt: "2026-11-20T08:00:00.000Z", expiresOn: "2026-11-01" }, "revoked"], // revoked wins over expired
  ] as const)("%j → %s", (token, expected) => {
    expect(tokenState(token, TODAY)).toBe(expected);
  });
});
