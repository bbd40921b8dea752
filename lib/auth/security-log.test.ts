import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { listSecurityEvents } from "@/db/security-events";
import { createTestDb } from "@/db/test-db";
import { createUser } from "@/db/users";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { addressOf, logRefusal } from "./security-log";

let db: Db;
let close: () => void;
vi.mock("@/db/client", async (original) => ({ ...(await original<typeof import("@/db/client")>()), getDb: () => db }));

beforeEach(() => ({ db, close } = createTestDb()));
afterEach(() => {
  vi.restoreAllMocks();
  close();
});

describe("logRefusal", () => {
  it("writes one security event and one console line", () => {
    const userId = createUser(db, { email: "s@example.gov.cn", name: "s", passwordHash: "h", role: "staff", provinceCode: "330000", locale: "zh" }, { label: "test" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    logRefusal({ userId, route: "/provinces/[code]", target: "440000", reason: "province_out_of_scope", method: "GET" });
    const { rows } = listSecurityEvents(db, { page: 1, pageSize: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId, route: "/provinces/[code]", target: "440000", reason: "province_out_of_scope", method: "GET", kind: "authorization_refused" });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(warn.mock.calls[0]![0]))).toMatchObject({ event: "authorization_refused", userId, route: "/provinces/[code]" });
  });

  it("never throws into the request when the write fails, and says so on the console", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    // An unknown user breaks the foreign key: the insert fails.
    expect(() => logRefusal({ userId: "no-such-user", route: "/audit", reason: "audit_staff" })).not.toThrow();
    expect(listSecurityEvents(db, { page: 1, pageSize: 10 }).total).toBe(0);
    expect(error).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(error.mock.calls[0]![0]))).toMatchObject({ event: "security_log_write_failed", route: "/audit" });
  });
});

describe("addressOf", () => {
  // TRUST_PROXY is unset in tests: the server's own peer header counts, a client's X-Forwarded-For never does.
  it.each([
    [{ [CLIENT_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.9" }, "203.0.113.7"],
    [{ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }, null],
    [{ "x-real-ip": "198.51.100.2" }, null],
    [{}, null],
  ])("reads %j", (headers, address) => {
    expect(addressOf(new Headers(headers))).toBe(address);
  });
});
