import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, sessions } from "@/db/schema";
import { getUser } from "@/db/users";
import { verifyPassword } from "@/lib/auth/password";
import { findCredentialsByEmail } from "@/db/users";
import { addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { createUser } from "./create-user";
import { updateUser } from "./update-user";
import { userForm } from "./user-form";
import { usersPage } from "./users-page";

let db: Db;
let close: () => void;
const ids = {} as Record<"admin" | "reviewer" | "staff", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.admin = addUser(db, "admin@nation.cn", "admin", null);
  ids.reviewer = addUser(db, "rev@nation.cn", "reviewer", null);
  ids.staff = addUser(db, "staff@zj.cn", "staff", "330000");
});
afterEach(() => close());

const newAccount = { email: " New@ZJ.cn ", name: "新同事", password: "长城长城长城长城", role: "staff", provinceCode: "330000", locale: "zh" };
const edit = (id: string, change: Record<string, unknown> = {}) => {
  const stored = getUser(db, id)!;
  return { id, version: stored.version, email: stored.email, name: stored.name, role: stored.role, provinceCode: stored.provinceCode ?? "", locale: stored.locale, active: "on", ...change };
};

describe("an administrator opens an account", () => {
  it("stores it with a hash of the password, in one transaction with its audit entry", async () => {
    const before = auditCount(db);
    const outcome = await createUser.execute(callAs(ids.admin), newAccount);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusal));
    expect(getUser(db, outcome.value.id)).toMatchObject({ email: "new@zj.cn", role: "staff", provinceCode: "330000", active: true });
    expect(await verifyPassword(findCredentialsByEmail(db, "new@zj.cn")!.passwordHash, newAccount.password)).toBe(true);
    expect(auditCount(db)).toBe(before + 1);
    // The audit entry holds no password material.
    expect(JSON.stringify(db.select().from(auditLog).where(eq(auditLog.entityId, outcome.value.id)).all())).not.toMatch(/password|argon/i);
  });

  it("refuses a reviewer with 403 before reading the input, logs it once and writes nothing", async () => {
    const before = auditCount(db);
    expect(await createUser.execute(callAs(ids.reviewer), newAccount)).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(refusalsOf(db, ids.reviewer).map((e) => e.reason)).toEqual(["role_reviewer"]);
    expect(findCredentialsByEmail(db, "new@zj.cn")).toBeUndefined();
    expect(auditCount(db)).toBe(before);
  });

  it("names each invalid field, and an email already taken at its field", async () => {
    const invalid = await createUser.execute(callAs(ids.admin), { ...newAccount, email: "nope", password: "short", provinceCode: "" });
    if (invalid.ok || invalid.refusal.kind !== "invalid") throw new Error("expected invalid");
    expect(invalid.refusal.fields.map((f) => [f.path, f.code]).sort()).toEqual([["email", "email"], ["password", "passwordTooShort"], ["provinceCode", "provinceRequiredForStaff"]]);
    const taken = await createUser.execute(callAs(ids.admin), { ...newAccount, email: "staff@zj.cn" });
    expect(taken).toMatchObject({ ok: false, refusal: { kind: "refused", messageKey: "emailTaken", field: "email" } });
  });
});

describe("an administrator edits an account", () => {
  it("saves the change with its audit entry, and deactivating ends the account's sessions", async () => {
    const now = new Date().toISOString();
    db.insert(sessions).values({ id: "s1", userId: ids.staff, createdAt: now, expiresAt: "2999-01-01T00:00:00.000Z", lastSeenAt: now }).run();
    const before = auditCount(db);
    const outcome = await updateUser.execute(callAs(ids.admin), edit(ids.staff, { name: "改名", active: undefined }));
    expect(outcome).toMatchObject({ ok: true, value: { id: ids.staff } });
    expect(getUser(db, ids.staff)).toMatchObject({ name: "改名", active: false });
    expect(db.select().from(auditLog).where(eq(auditLog.entityId, ids.staff)).all().at(-1)).toMatchObject({ action: "deactivate" });
    expect(auditCount(db)).toBe(before + 1);
    expect(db.select().from(sessions).where(eq(sessions.userId, ids.staff)).all()).toEqual([]);
  });

  it("refuses a member of staff with 403 and writes nothing", async () => {
    const before = auditCount(db);
    expect(await updateUser.execute(callAs(ids.staff), edit(ids.staff, { role: "admin", provinceCode: "" }))).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    // The log names the account the form asked for, although its input was never parsed.
    expect(refusalsOf(db, ids.staff).map((e) => [e.reason, e.target])).toEqual([["role_staff", ids.staff]]);
    expect(getUser(db, ids.staff)!.role).toBe("staff");
    expect(auditCount(db)).toBe(before);
  });

  it("keeps an administrator from deactivating or demoting themselves", async () => {
    expect(await updateUser.execute(callAs(ids.admin), edit(ids.admin, { active: undefined }))).toMatchObject({ ok: false, refusal: { kind: "refused", messageKey: "cannotDeactivateSelf", field: "active" } });
    expect(await updateUser.execute(callAs(ids.admin), edit(ids.admin, { role: "reviewer" }))).toMatchObject({ ok: false, refusal: { kind: "refused", messageKey: "cannotDemoteSelf", field: "role" } });
    expect(getUser(db, ids.admin)).toMatchObject({ role: "admin", active: true });
  });

  it("answers an unknown account as not found, a stale version as a conflict, and a staff account without a province as invalid", async () => {
    expect(await updateUser.execute(callAs(ids.admin), { ...edit(ids.staff), id: "no-such-user" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(await updateUser.execute(callAs(ids.admin), edit(ids.staff, { version: 7 }))).toMatchObject({ ok: false, refusal: { kind: "conflict" } });
    const unbound = await updateUser.execute(callAs(ids.admin), edit(ids.staff, { provinceCode: "" }));
    expect(unbound).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "provinceCode", code: "provinceRequiredForStaff" }] } });
  });
});

describe("the accounts pages", () => {
  it("list every account without its password hash, with the provinces' names", async () => {
    const outcome = await usersPage.execute(callAs(ids.admin, "GET"), {});
    if (!outcome.ok) throw new Error("expected the list");
    expect(outcome.value.users.map((u) => u.email)).toEqual(["admin@nation.cn", "rev@nation.cn", "staff@zj.cn"]);
    expect(JSON.stringify(outcome.value.users)).not.toContain("passwordHash");
    expect(outcome.value.provinces).toHaveLength(34);
  });

  it("are refused to every other role", async () => {
    expect(await usersPage.execute(callAs(ids.reviewer, "GET"), {})).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(await userForm.execute(callAs(ids.staff, "GET"), { id: ids.staff })).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
  });

  it("open the form blank, or with a stored account, and an unknown one as not found", async () => {
    expect(await userForm.execute(callAs(ids.admin, "GET"), {})).toMatchObject({ ok: true, value: { account: null } });
    expect(await userForm.execute(callAs(ids.admin, "GET"), { id: ids.staff })).toMatchObject({ ok: true, value: { account: { email: "staff@zj.cn" } } });
    expect(await userForm.execute(callAs(ids.admin, "GET"), { id: "no-such-user" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
  });
});
