import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/test-db";
import { findCredentialsByEmail, getUser, listUsers } from "@/db/users";
import { verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/db/client";
import { runUserCreate } from "./user-create";

let db: Db;
let close: () => void;
beforeEach(() => ({ db, close } = createTestDb()));
afterEach(() => close());

const password = (value: string) => () => Promise.resolve(value);

describe("user:create", () => {
  it("creates the first admin with the password from stdin", async () => {
    const result = await runUserCreate(db, ["--email", "Chief@Example.cn", "--role", "admin"], password("a long pass phrase"));
    expect(result.ok).toBe(true);
    const stored = findCredentialsByEmail(db, "chief@example.cn");
    expect(await verifyPassword(stored?.passwordHash, "a long pass phrase")).toBe(true);
    if (result.ok) expect(getUser(db, result.id)).toMatchObject({ role: "admin", provinceCode: null, active: true });
  });

  it.each([
    [["--email", "x@example.cn", "--role", "admin"], "short", /password: The password needs at least 8 characters/],
    [["--email", "x@example.cn", "--role", "admin"], "Admin123", /password: This password is too common/],
    [["--email", "x@example.cn", "--role", "staff"], "long enough", /provinceCode: Staff must belong to a province/],
    [["--email", "nope", "--role", "admin"], "long enough", /email: Enter a valid email/],
    [["--email", "x@example.cn"], "long enough", /usage:/],
    [["--email", "x@example.cn", "--role", "admin", "--password", "argv"], "long enough", /Unknown option '--password'/],
  ])("refuses %j and creates nothing", async (argv, pass, message) => {
    const result = await runUserCreate(db, argv, password(pass));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join("\n")).toMatch(message);
    expect(listUsers(db)).toHaveLength(0);
  });

  it("refuses an email that exists", async () => {
    await runUserCreate(db, ["--email", "x@example.cn", "--role", "admin"], password("long enough"));
    const again = await runUserCreate(db, ["--email", "x@example.cn", "--role", "admin"], password("long enough"));
    expect(again).toEqual({ ok: false, errors: ["email: Another account already uses this email."] });
  });
});
