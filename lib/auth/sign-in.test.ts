import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/test-db";
import { loginAttempts } from "@/db/schema";
import { createUser, updateUser } from "@/db/users";
import { listLoginAttempts } from "@/db/login-attempts";
import type { Db } from "@/db/client";
import { hashPassword } from "./password";
import { signInWithThrottle } from "./sign-in";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { TOTP_REQUIRED } from "./two-factor";

let db: Db;
let close: () => void;
let hash: string;
beforeAll(async () => {
  hash = await hashPassword(PASSWORD);
});
beforeEach(() => ({ db, close } = createTestDb()));
afterEach(() => close());

const PASSWORD = "correct horse 2026";
const EMAIL = "staff@example.cn";
const T0 = new Date("2026-11-27T10:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

function makeUser(email = EMAIL) {
  return createUser(db, { email, name: "填报员", passwordHash: hash, role: "staff", provinceCode: "330000", locale: "zh" }, { label: "test" });
}

function attempt(email: string, password: string, { now = T0, address = "203.0.113.7", addressMaxFailures = 30 } = {}) {
  return signInWithThrottle(db, { credentials: { email, password }, headers: { [CLIENT_ADDRESS_HEADER]: address }, trustProxy: false, addressMaxFailures, now });
}

const outcomes = () => listLoginAttempts(db).reverse().map((a) => a.outcome);

/** A stand-in authenticator: "123456" is the good code, none asks for one (the real check is tested in two-factor.test.ts). */
function secondFactor(_userId: string, code: string | undefined): boolean {
  if (code === undefined) throw new Error(TOTP_REQUIRED);
  return code === "123456";
}

function attemptWithCode(code: string | undefined, now: Date) {
  return signInWithThrottle(db, {
    credentials: { email: EMAIL, password: PASSWORD, ...(code !== undefined && { code }) },
    headers: { [CLIENT_ADDRESS_HEADER]: "203.0.113.7" },
    trustProxy: false,
    addressMaxFailures: 30,
    secondFactor,
    now,
  });
}

describe("signInWithThrottle", () => {
  it("logs every attempt with the normalised email, the account if known and the address, never the password", async () => {
    const userId = makeUser();
    const other = makeUser("gone@example.cn");
    updateUser(db, other, 1, { email: "gone@example.cn", name: "已停用", role: "staff", provinceCode: "330000", locale: "zh", active: false }, { label: "test" });

    expect(await attempt("  Staff@Example.CN ", PASSWORD)).toEqual({ userId, address: "203.0.113.7" });
    expect(await attempt(EMAIL, "wrong password")).toBeNull();
    expect(await attempt("nobody@example.cn", PASSWORD)).toBeNull();
    expect(await attempt("gone@example.cn", PASSWORD)).toBeNull();
    expect(await attempt("not an email", PASSWORD)).toBeNull();

    const rows = listLoginAttempts(db).reverse();
    expect(rows.map(({ email, userId: user, address, outcome }) => ({ email, user, address, outcome }))).toEqual([
      { email: EMAIL, user: userId, address: "203.0.113.7", outcome: "success" },
      { email: EMAIL, user: userId, address: "203.0.113.7", outcome: "bad_credentials" },
      { email: "nobody@example.cn", user: null, address: "203.0.113.7", outcome: "bad_credentials" },
      { email: "gone@example.cn", user: other, address: "203.0.113.7", outcome: "inactive" },
      { email: "not an email", user: null, address: "203.0.113.7", outcome: "invalid_input" },
    ]);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    expect(JSON.stringify(rows)).not.toContain("wrong password");
  });

  it("refuses the right password after 5 failures, then allows it once the minute has passed", async () => {
    const userId = makeUser();
    for (let i = 0; i < 5; i++) expect(await attempt(EMAIL, `wrong ${i}`, { now: later(i * 1000) })).toBeNull();
    expect(await attempt(EMAIL, PASSWORD, { now: later(30_000) })).toBeNull();
    expect(await attempt(EMAIL, PASSWORD, { now: later(4000 + 59_999) })).toBeNull();
    expect(await attempt(EMAIL, PASSWORD, { now: later(4000 + 60_000) })).toEqual({ userId, address: "203.0.113.7" });
    expect(outcomes()).toEqual([...Array(5).fill("bad_credentials"), "throttled", "throttled", "success"]);
    // A throttled attempt on a known account names it too.
    expect(new Set(listLoginAttempts(db).map((a) => a.userId))).toEqual(new Set([userId]));
  });

  it("starts afresh after a success: four more failures do not throttle", async () => {
    const userId = makeUser();
    for (let i = 0; i < 4; i++) await attempt(EMAIL, `wrong ${i}`, { now: later(i * 1000) });
    expect(await attempt(EMAIL, PASSWORD, { now: later(5000) })).toEqual({ userId, address: "203.0.113.7" });
    for (let i = 0; i < 4; i++) await attempt(EMAIL, `wrong again ${i}`, { now: later(6000 + i * 1000) });
    expect(await attempt(EMAIL, PASSWORD, { now: later(11_000) })).toEqual({ userId, address: "203.0.113.7" });
  });

  it("throttles an unknown email exactly like a known one", async () => {
    for (let i = 0; i < 6; i++) await attempt("nobody@example.cn", `wrong ${i}`, { now: later(i * 1000) });
    expect(outcomes()).toEqual([...Array(5).fill("bad_credentials"), "throttled"]);
  });

  it("stops an address that fails across many accounts, but not other addresses", async () => {
    const userId = makeUser();
    for (let i = 0; i < 5; i++) await attempt(`guess${i}@example.cn`, "wrong", { now: later(i * 1000), addressMaxFailures: 5 });
    expect(await attempt(EMAIL, PASSWORD, { now: later(10_000), addressMaxFailures: 5 })).toBeNull();
    expect(await attempt(EMAIL, PASSWORD, { now: later(10_000), addressMaxFailures: 5, address: "198.51.100.9" })).toEqual({ userId, address: "198.51.100.9" });
    // 15 minutes after the first failure, the address is below the limit again.
    expect(await attempt(EMAIL, PASSWORD, { now: later(15 * 60_000), addressMaxFailures: 5 })).toEqual({ userId, address: "203.0.113.7" });
  });

  it("lets no more than 5 of many simultaneous guesses reach the password check", async () => {
    makeUser();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => attempt(EMAIL, `parallel ${i}`)));
    expect(results.every((r) => r === null)).toBe(true);
    expect(outcomes().toSorted()).toEqual([...Array(5).fill("bad_credentials"), ...Array(3).fill("throttled")].toSorted());
  });

  it("deletes attempts older than 30 days as new ones arrive", async () => {
    db.insert(loginAttempts).values({ at: later(-31 * 24 * 3600_000).toISOString(), email: EMAIL, address: "unknown", outcome: "bad_credentials" }).run();
    db.insert(loginAttempts).values({ at: later(-29 * 24 * 3600_000).toISOString(), email: EMAIL, address: "unknown", outcome: "bad_credentials" }).run();
    await attempt(EMAIL, "wrong");
    expect(listLoginAttempts(db).map((a) => a.at)).toEqual([T0.toISOString(), later(-29 * 24 * 3600_000).toISOString()]);
  });

  it("asks for the code after the right password without counting it; wrong codes count like wrong passwords", async () => {
    const userId = makeUser();
    for (let i = 0; i < 6; i++) expect(await attemptWithCode(undefined, later(i * 1000))).toBe("code_required");
    expect(await attemptWithCode("123456", later(7_000))).toEqual({ userId, address: "203.0.113.7" });

    for (let i = 0; i < 5; i++) expect(await attemptWithCode("000000", later(10_000 + i * 1000))).toBeNull();
    // The sixth guess of a code is refused even when it is the right one: six digits are throttled as passwords are.
    expect(await attemptWithCode("123456", later(16_000))).toBeNull();
    expect(outcomes().slice(-7)).toEqual(["success", "bad_code", "bad_code", "bad_code", "bad_code", "bad_code", "throttled"]);
    expect(outcomes().slice(0, 6)).toEqual(Array(6).fill("code_required"));
  });
});
