import { spawnSync } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findTokenUser, listApiTokens, TOKEN_PREFIX } from "@/db/api-tokens";
import { createTestDb } from "@/db/test-db";
import { apiTokens, auditLog } from "@/db/schema";
import { createUser, getUser, updateUser } from "@/db/users";
import type { Db } from "@/db/client";
import { runTokenCreate } from "./token-create";

let db: Db;
let file: string;
let close: () => void;
let userId: string;
const TODAY = "2026-11-27";
const staff = { email: "staff@example.cn", name: "填报员", passwordHash: "h", role: "staff" as const, provinceCode: "330000", locale: "zh" as const };

beforeEach(() => {
  ({ db, file, close } = createTestDb());
  userId = createUser(db, staff, { label: "test" });
});
afterEach(() => close());

const tokenCount = () => db.select().from(apiTokens).all().length;
const tokenAudit = () => db.select().from(auditLog).where(eq(auditLog.entity, "api_token")).all();

describe("token:create", () => {
  it("creates a token for the account, audited as the CLI, that resolves to its user", () => {
    const result = runTokenCreate(db, ["--email", " Staff@Example.CN ", "--name", "统计系统同步", "--expires", "2027-06-30"], TODAY);
    expect(result).toMatchObject({ ok: true, email: "staff@example.cn" });
    if (!result.ok) return;
    expect(result.token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(findTokenUser(db, result.token, TODAY)).toMatchObject({ id: userId, role: "staff", provinceCode: "330000" });
    expect(listApiTokens(db, userId)).toEqual([expect.objectContaining({ id: result.id, name: "统计系统同步", expiresOn: "2027-06-30", revokedAt: null })]);
    expect(tokenAudit()).toEqual([expect.objectContaining({ entityId: result.id, action: "create", actorLabel: "cli:token:create" })]);
  });

  it("accepts no expiry, and today as the last day", () => {
    expect(runTokenCreate(db, ["--email", staff.email, "--name", "a"], TODAY)).toMatchObject({ ok: true });
    expect(runTokenCreate(db, ["--email", staff.email, "--name", "b", "--expires", TODAY], TODAY)).toMatchObject({ ok: true });
    expect(listApiTokens(db, userId).map((t) => t.expiresOn).sort()).toEqual([TODAY, null].sort());
  });

  it.each([
    [["--email", "nobody@example.cn", "--name", "x"], /^email: No account uses nobody@example.cn\.$/],
    [["--email", "not-an-email", "--name", "x"], /^email: Enter a valid email address\.$/],
    [["--email", staff.email, "--name", "x", "--expires", "2026-11-26"], /^expires: The expiry date cannot be before today\.$/],
    [["--email", staff.email, "--name", "x", "--expires", "2027-11-28"], /^expires: The expiry date can be at most one year ahead\.$/],
    [["--email", staff.email, "--name", "x", "--expires", "2026-02-30"], /^expires: Enter a valid date \(YYYY-MM-DD\)\.$/],
    [["--email", staff.email, "--name", "x", "--expires", "30/06/2027"], /^expires: Enter a valid date/],
    [["--email", staff.email, "--name", "  "], /^name: This field is required\.$/],
    [["--email", staff.email, "--name", "x".repeat(81)], /^name: This is too long\.$/],
    [["--email", staff.email], /^usage:/],
    [["--name", "x"], /^usage:/],
    [["--email", staff.email, "--name", "x", "--token", "act_chosen"], /Unknown option '--token'/],
  ])("refuses %j and writes nothing", (argv, expected) => {
    const result = runTokenCreate(db, argv, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(expected);
    expect(tokenCount()).toBe(0);
    expect(tokenAudit()).toHaveLength(0);
  });

  it("refuses a deactivated account: its token would never work", () => {
    updateUser(db, userId, getUser(db, userId)!.version, { ...staff, active: false }, { label: "test" });
    expect(runTokenCreate(db, ["--email", staff.email, "--name", "x"], TODAY)).toEqual({ ok: false, errors: ["email: The account staff@example.cn is deactivated; reactivate it first."] });
    expect(tokenCount()).toBe(0);
  });
});

// The command as an operator runs it, on the same SQLite file: the token alone on stdout, exit code 0;
// a refusal on stderr with exit code 1 and nothing on stdout.
describe("token:create as a process", () => {
  const run = (argv: string[]) =>
    spawnSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/token-create.ts", ...argv], { env: { ...process.env, DATABASE_PATH: file }, encoding: "utf8", timeout: 30_000 });

  it("prints the token once on stdout and exits 0", () => {
    const child = run(["--email", staff.email, "--name", "命令行令牌"]);
    expect(child.stderr).toMatch(/^Created API token [0-9a-f-]{36} for staff@example\.cn\./);
    expect(child.status).toBe(0);
    const token = child.stdout.trim();
    expect(child.stdout).toBe(`${token}\n`);
    expect(token).toMatch(/^act_[A-Za-z0-9_-]{43}$/);
    expect(child.stderr).not.toContain(token);
    expect(findTokenUser(db, token, TODAY)?.id).toBe(userId);
  });

  it.each([
    [["--email", "nobody@example.cn", "--name", "x"], "email: No account uses nobody@example.cn."],
    [["--email", staff.email, "--name", "x", "--expires", "2020-01-01"], "expires: The expiry date cannot be before today."],
  ])("refuses %j on stderr with exit code 1", (argv, expected) => {
    const child = run(argv);
    expect(child.status).toBe(1);
    expect(child.stdout).toBe("");
    expect(child.stderr.trim()).toBe(expected);
    expect(tokenCount()).toBe(0);
  });
});
