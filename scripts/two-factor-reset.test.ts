import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/test-db";
import { auditLog, recoveryCodes, sessions, userTwoFactor } from "@/db/schema";
import { createSession } from "@/db/sessions";
import { createUser } from "@/db/users";
import type { Db } from "@/db/client";
import { totpCodeAt, totpStep } from "@/lib/auth/totp";
import { confirmEnrolment, startEnrolment, totpKey } from "@/lib/auth/two-factor";
import { runTwoFactorReset } from "./two-factor-reset";

let db: Db;
let close: () => void;
let userId: string;
const KEY = totpKey("a-test-nextauth-secret-of-32-characters-or-more");
const reviewer = { email: "reviewer@example.cn", name: "审核员", passwordHash: "h", role: "reviewer" as const, provinceCode: null, locale: "zh" as const };

beforeEach(() => {
  ({ db, close } = createTestDb());
  userId = createUser(db, reviewer, { label: "test" });
});
afterEach(() => close());

function enrol() {
  const now = new Date();
  const { secret } = startEnrolment(db, KEY, { id: userId, email: reviewer.email }, now);
  confirmEnrolment(db, KEY, userId, totpCodeAt(secret, totpStep(now.getTime())), now);
}

describe("two-factor:reset", () => {
  it("removes the authenticator and the recovery codes, ends the sessions and audits it as the CLI", () => {
    enrol();
    createSession(db, userId, 3_600_000);
    expect(runTwoFactorReset(db, ["--email", " Reviewer@Example.CN "])).toEqual({ ok: true, message: expect.stringContaining("reviewer@example.cn") });
    expect(db.select().from(userTwoFactor).all()).toHaveLength(0);
    expect(db.select().from(recoveryCodes).all()).toHaveLength(0);
    expect(db.select().from(sessions).all()).toHaveLength(0);
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "reset")).get();
    expect(entry).toMatchObject({ actorLabel: "cli:two-factor:reset", entityId: userId, after: { twoFactor: "reset" } });
  });

  it.each([
    [[], /usage/],
    [["--email"], /usage|argument/i],
    [["--email", "nobody@example.cn"], /No account uses nobody@example.cn/],
    [["--email", "not-an-email"], /not an email address/],
    [["--email", "reviewer@example.cn", "--force"], /Unknown option/],
    [["--email", "reviewer@example.cn"], /has no two-factor sign-in to reset/],
  ])("refuses %j and changes nothing", (argv, message) => {
    createSession(db, userId, 3_600_000);
    const result = runTwoFactorReset(db, argv);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join("\n")).toMatch(message);
    expect(db.select().from(sessions).all()).toHaveLength(1);
  });
});
