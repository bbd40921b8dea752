import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { recoveryCodes, userTwoFactor } from "@/db/schema";
import { createSession, findSessionUser } from "@/db/sessions";
import { createUser } from "@/db/users";
import { hashPassword } from "@/lib/auth/password";
import { totpCodeAt, totpStep } from "@/lib/auth/totp";
import { auditCount, callAs, useTestDatabase } from "../test-support";
import { confirmTwoFactor } from "./confirm-two-factor";
import { disableTwoFactor } from "./disable-two-factor";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes";
import { startTwoFactor } from "./start-two-factor";
import { twoFactorPage } from "./two-factor-page";

// The use cases seal secrets with NEXTAUTH_SECRET, read when lib/env loads: set before any import runs.
vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "a-test-nextauth-secret-of-32-characters-or-more";
  process.env.TWO_FACTOR_REQUIRED_ROLES = "reviewer,admin";
});

const PASSWORD = "correct horse battery";
const HOUR = 3_600_000;
let db: Db;
let close: () => void;
beforeEach(() => ({ db, close } = useTestDatabase()));
afterEach(() => {
  vi.useRealTimers();
  close();
});

async function makeUser(role: "staff" | "reviewer" = "staff") {
  return createUser(db, { email: `${role}@example.cn`, name: "用户", passwordHash: await hashPassword(PASSWORD), role, provinceCode: role === "staff" ? "330000" : null, locale: "zh" }, { label: "test" });
}

/** The code the user's app shows now for the pending or enabled secret the page displayed. */
async function pageSecret(userId: string): Promise<string> {
  const page = await twoFactorPage.execute(callAs(userId, "GET"), {});
  if (!page.ok || page.value.state !== "pending") throw new Error("expected a pending enrolment");
  return page.value.enrolment.secret;
}
const codeNow = (secret: string, steps = 0) => totpCodeAt(secret, totpStep(Date.now()) + steps);

describe("two-factor enrolment through the use-case layer", () => {
  it("starts with an audit entry, confirms on the app's code ending the other sessions, and shows it on", async () => {
    const userId = await makeUser("reviewer");
    const here = createSession(db, userId, HOUR);
    const elsewhere = createSession(db, userId, HOUR);
    const off = await twoFactorPage.execute(callAs(userId, "GET"), {});
    expect(off).toMatchObject({ ok: true, value: { state: "off", required: true, mustEnrol: true } });

    const count = auditCount(db);
    expect(await startTwoFactor.execute(callAs(userId), {})).toMatchObject({ ok: true });
    expect(auditCount(db)).toBe(count + 1);
    const secret = await pageSecret(userId);
    expect(db.select().from(userTwoFactor).where(eq(userTwoFactor.userId, userId)).get()!.secretSealed).not.toContain(secret);

    const wrong = await confirmTwoFactor.execute(callAs(userId), { code: codeNow(secret) === "000000" ? "111111" : "000000", sessionId: here });
    expect(wrong).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "code", code: "twoFactorCodeWrong" }] } });
    const confirmed = await confirmTwoFactor.execute(callAs(userId), { code: codeNow(secret), sessionId: here });
    if (!confirmed.ok) throw new Error("expected success");
    expect(confirmed.value.recoveryCodes).toHaveLength(10);
    expect(findSessionUser(db, here, { idleMs: HOUR })?.id).toBe(userId);
    expect(findSessionUser(db, elsewhere, { idleMs: HOUR })).toBeUndefined();
    expect(await twoFactorPage.execute(callAs(userId, "GET"), {})).toMatchObject({ ok: true, value: { state: "on", recoveryLeft: 10, mustEnrol: false } });
  });

  it("names a malformed code", async () => {
    const userId = await makeUser();
    expect(await confirmTwoFactor.execute(callAs(userId), { code: "12ab" })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "code", code: "twoFactorCodeFormat" }] } });
  });
});

describe("regenerating codes and turning two-factor off", () => {
  async function enrolled(role: "staff" | "reviewer" = "staff") {
    const userId = await makeUser(role);
    await startTwoFactor.execute(callAs(userId), {});
    const secret = await pageSecret(userId);
    const confirmed = await confirmTwoFactor.execute(callAs(userId), { code: codeNow(secret) });
    if (!confirmed.ok) throw new Error("expected success");
    return { userId, secret, codes: confirmed.value.recoveryCodes };
  }

  it("regenerates the recovery codes on a fresh TOTP code, audited", async () => {
    const { userId, secret, codes } = await enrolled();
    const count = auditCount(db);
    const outcome = await regenerateRecoveryCodes.execute(callAs(userId), { code: codeNow(secret, 1) });
    if (!outcome.ok) throw new Error("expected success");
    expect(outcome.value.recoveryCodes).not.toEqual(codes);
    expect(auditCount(db)).toBe(count + 1);
  });

  it("turns off on the password and a recovery code; a wrong password changes and spends nothing", async () => {
    const { userId, codes } = await enrolled();
    const wrong = await disableTwoFactor.execute(callAs(userId), { currentPassword: "wrong", disableCode: codes[0]! });
    expect(wrong).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "currentPassword", code: "currentPasswordWrong" }] } });
    expect(db.select().from(recoveryCodes).all().filter((c) => c.usedAt !== null)).toEqual([]);
    const count = auditCount(db);
    expect(await disableTwoFactor.execute(callAs(userId), { currentPassword: PASSWORD, disableCode: codes[0]! })).toMatchObject({ ok: true });
    expect(db.select().from(userTwoFactor).all()).toEqual([]);
    expect(auditCount(db)).toBe(count + 1);
  });

  it("refuses to turn it off for a role that requires it, before checking anything", async () => {
    const { userId, codes } = await enrolled("reviewer");
    const outcome = await disableTwoFactor.execute(callAs(userId), { currentPassword: "wrong", disableCode: codes[0]! });
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: "refused", messageKey: "twoFactorRequiredForRole" } });
    expect(db.select().from(userTwoFactor).all()).toHaveLength(1);
  });
});
