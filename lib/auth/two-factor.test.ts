import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/test-db";
import { auditLog, recoveryCodes, userTwoFactor } from "@/db/schema";
import { createSession, findSessionUser } from "@/db/sessions";
import { unusedRecoveryCodeCount } from "@/db/two-factor";
import { createUser } from "@/db/users";
import type { Db } from "@/db/client";
import { DomainError, FieldErrors } from "@/lib/domain/errors";
import { hashPassword } from "./password";
import { totpCodeAt, totpStep } from "./totp";
import {
  confirmEnrolment,
  disableSecondFactor,
  passesSecondFactor,
  pendingEnrolment,
  regenerateCodes,
  startEnrolment,
  TOTP_REQUIRED,
  totpKey,
  verifySecondFactor,
} from "./two-factor";

let db: Db;
let close: () => void;
beforeEach(() => ({ db, close } = createTestDb()));
afterEach(() => close());

const KEY = totpKey("a-test-nextauth-secret-of-32-characters-or-more");
const PASSWORD = "correct horse battery";
// A fixed moment in the middle of a 30-second step, so ±1 step is exactly ±30 s.
const T0 = new Date(Date.UTC(2026, 10, 27, 8, 0, 15));
const at = (steps: number) => new Date(T0.getTime() + steps * 30_000);
const REQUIRED = ["reviewer", "admin"] as const;

async function makeUser(role: "staff" | "reviewer" = "staff") {
  const email = `${role}@example.cn`;
  const id = createUser(
    db,
    { email, name: "用户", passwordHash: await hashPassword(PASSWORD), role, provinceCode: role === "staff" ? "330000" : null, locale: "zh" },
    { label: "test" },
  );
  return { id, email, role };
}

/** Enrols the user at T0 with the code an app would show, and returns the secret and recovery codes. */
async function enrolled(role: "staff" | "reviewer" = "staff") {
  const user = await makeUser(role);
  const { secret } = startEnrolment(db, KEY, user, T0);
  const codes = confirmEnrolment(db, KEY, user.id, totpCodeAt(secret, totpStep(T0.getTime())), T0);
  const code = (steps: number) => totpCodeAt(secret, totpStep(at(steps).getTime()));
  return { user, secret, codes, code };
}

describe("enrolment", () => {
  it("keeps the secret sealed, not in plain text, and shows the same pending secret again", async () => {
    const user = await makeUser();
    const { secret, uri } = startEnrolment(db, KEY, user, T0);
    const row = db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, user.id)).get()!;
    expect(row.secretSealed).not.toContain(secret);
    expect(row.enabledAt).toBeNull();
    expect(pendingEnrolment(db, KEY, user)).toEqual({ secret, uri });
    // Not enabled until confirmed: a role that requires 2FA is still held at enrolment.
    expect(findSessionUser(db, createSession(db, user.id, 3_600_000, { now: T0 }), { idleMs: 3_600_000 }, T0)?.twoFactorEnabled).toBe(false);
  });

  it("a wrong code does not enable 2FA; the app's current code does, once, with 10 recovery codes stored as hashes", async () => {
    const user = await makeUser();
    const { secret } = startEnrolment(db, KEY, user, T0);
    const wrong = totpCodeAt(secret, totpStep(T0.getTime()) + 5);
    expect(() => confirmEnrolment(db, KEY, user.id, wrong, T0)).toThrow(FieldErrors);
    expect(db.select().from(userTwoFactor).get()!.enabledAt).toBeNull();

    const codes = confirmEnrolment(db, KEY, user.id, totpCodeAt(secret, totpStep(T0.getTime())), T0);
    expect(codes).toHaveLength(10);
    const stored = db.select().from(recoveryCodes).all();
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ""));
    expect(() => confirmEnrolment(db, KEY, user.id, totpCodeAt(secret, totpStep(T0.getTime()) + 1), at(1))).toThrow(DomainError);
    const session = createSession(db, user.id, 3_600_000, { now: T0 });
    expect(findSessionUser(db, session, { idleMs: 3_600_000 }, T0)?.twoFactorEnabled).toBe(true);
  });

  it("turning 2FA on ends the user's other sessions, not the one that enrolled", async () => {
    const user = await makeUser();
    const here = createSession(db, user.id, 3_600_000, { now: T0 });
    const elsewhere = createSession(db, user.id, 3_600_000, { now: T0 });
    const { secret } = startEnrolment(db, KEY, user, T0);
    confirmEnrolment(db, KEY, user.id, totpCodeAt(secret, totpStep(T0.getTime())), T0, here);
    expect(findSessionUser(db, here, { idleMs: 3_600_000 }, T0)?.twoFactorEnabled).toBe(true);
    expect(findSessionUser(db, elsewhere, { idleMs: 3_600_000 }, T0)).toBeUndefined();
  });

  it("starting again after enabling is refused", async () => {
    const { user } = await enrolled();
    expect(() => startEnrolment(db, KEY, user, at(1))).toThrow(DomainError);
  });

  it("audits enable, regenerate and disable without any secret or code", async () => {
    const { user, secret, codes, code } = await enrolled();
    regenerateCodes(db, KEY, user.id, code(1), at(1));
    disableSecondFactor(db, KEY, user, code(2), REQUIRED, at(2));
    const entries = db.select().from(auditLog).where(eq(auditLog.entityId, user.id)).all();
    expect(entries.map((e) => e.after)).toEqual([
      expect.objectContaining({ email: user.email }), // the account's creation
      { twoFactor: "started" },
      { twoFactor: "enabled" },
      { twoFactor: "recoveryCodesRegenerated" },
      { twoFactor: "disabled" },
    ]);
    const text = JSON.stringify(entries);
    expect(text).not.toContain(secret);
    for (const c of codes) expect(text).not.toContain(c);
  });
});

describe("sign-in's second factor", () => {
  it("passes an account without an authenticator on the password alone", async () => {
    const user = await makeUser();
    expect(passesSecondFactor(db, () => KEY, user.id, undefined, T0)).toBe(true);
  });

  it("asks for a code (TOTP_REQUIRED) when the account has one and none was given", async () => {
    const { user } = await enrolled();
    expect(() => passesSecondFactor(db, () => KEY, user.id, undefined, at(1))).toThrow(TOTP_REQUIRED);
  });

  it("accepts a code within one step, refuses the same step twice and any older step after it", async () => {
    const { user, code } = await enrolled();
    // T0's step was spent by enrolment.
    expect(passesSecondFactor(db, () => KEY, user.id, code(0), at(0))).toBe(false);
    expect(passesSecondFactor(db, () => KEY, user.id, code(3), at(2))).toBe(true); // one step ahead of the clock
    expect(passesSecondFactor(db, () => KEY, user.id, code(3), at(3))).toBe(false); // replay
    expect(passesSecondFactor(db, () => KEY, user.id, code(2), at(3))).toBe(false); // older than the last used
    expect(passesSecondFactor(db, () => KEY, user.id, code(4), at(5))).toBe(true); // one step behind
    expect(passesSecondFactor(db, () => KEY, user.id, code(7), at(5))).toBe(false); // two steps ahead
  });

  it("accepts each recovery code once, in any spelling, and not another user's", async () => {
    const { user, codes } = await enrolled();
    const other = await enrolled("reviewer");
    expect(passesSecondFactor(db, () => KEY, user.id, codes[0]!.toUpperCase().replace(/-/g, " "), at(1))).toBe(true);
    expect(passesSecondFactor(db, () => KEY, user.id, codes[0]!, at(2))).toBe(false);
    expect(passesSecondFactor(db, () => KEY, user.id, other.codes[0]!, at(2))).toBe(false);
    expect(unusedRecoveryCodeCount(db, user.id)).toBe(9);
    expect(unusedRecoveryCodeCount(db, other.user.id)).toBe(10);
  });

  it("a sealed secret copied into another user's row does not verify there", async () => {
    const a = await enrolled();
    const b = await enrolled("reviewer");
    const sealedA = db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, a.user.id)).get()!.secretSealed;
    db.update(userTwoFactor).set({ secretSealed: sealedA }).where(eq(userTwoFactor.userId, b.user.id)).run();
    expect(() => verifySecondFactor(db, KEY, b.user.id, a.code(1), at(1))).toThrow();
  });
});

describe("recovery codes and turning off", () => {
  it("regenerating needs a current app code (not a recovery code) and voids every old code", async () => {
    const { user, codes, code } = await enrolled();
    expect(() => regenerateCodes(db, KEY, user.id, codes[0]!, at(1))).toThrow(FieldErrors);
    const fresh = regenerateCodes(db, KEY, user.id, code(1), at(1));
    expect(fresh).toHaveLength(10);
    expect(verifySecondFactor(db, KEY, user.id, codes[1]!, at(2))).toBe(false);
    expect(verifySecondFactor(db, KEY, user.id, fresh[0]!, at(2))).toBe(true);
    // The code that authorised it is spent.
    expect(verifySecondFactor(db, KEY, user.id, code(1), at(1))).toBe(false);
  });

  // The password half is checked by lib/use-cases/settings/disable-two-factor.ts before the transaction.
  it("turning off needs a code; a wrong one changes nothing", async () => {
    const { user, codes } = await enrolled();
    expect(() => disableSecondFactor(db, KEY, user, "000000", REQUIRED, at(1))).toThrow(FieldErrors);
    expect(db.select().from(userTwoFactor).all()).toHaveLength(1);
    disableSecondFactor(db, KEY, user, codes[3]!, REQUIRED, at(1));
    expect(db.select().from(userTwoFactor).all()).toHaveLength(0);
    expect(db.select().from(recoveryCodes).all()).toHaveLength(0);
    expect(passesSecondFactor(db, () => KEY, user.id, undefined, at(2))).toBe(true);
  });

  it("is refused for a role that requires 2FA, even with the right password and code, and spends nothing", async () => {
    const { user, code } = await enrolled("reviewer");
    expect(() => disableSecondFactor(db, KEY, user, code(1), REQUIRED, at(1))).toThrow(DomainError);
    expect(db.select().from(userTwoFactor).all()).toHaveLength(1);
    expect(verifySecondFactor(db, KEY, user.id, code(1), at(1))).toBe(true);
    // With TWO_FACTOR_REQUIRED_ROLES="" the reviewer may turn it off.
    disableSecondFactor(db, KEY, user, code(2), [], at(2));
    expect(db.select().from(userTwoFactor).all()).toHaveLength(0);
  });
});

describe("totpKey", () => {
  it("needs NEXTAUTH_SECRET", () => {
    expect(() => totpKey(undefined)).toThrow(/NEXTAUTH_SECRET/);
  });
});
