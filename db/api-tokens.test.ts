import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError, NotYoursError } from "@/lib/domain/errors";
import { TOKEN_PREFIX, createApiToken, findTokenUser, listApiTokens, revokeApiToken } from "./api-tokens";
import { createTestDb } from "./test-db";
import { apiTokens, auditLog } from "./schema";
import { createUser, getUser, updateUser } from "./users";
import type { Db } from "./client";

let db: Db;
let close: () => void;
beforeEach(() => ({ db, close } = createTestDb()));
afterEach(() => close());

const TODAY = "2026-11-27";
const staff = { email: "staff@example.cn", name: "浙江填报员", passwordHash: "h", role: "staff" as const, provinceCode: "330000", locale: "zh" as const };

function makeUser(overrides: Partial<typeof staff> = {}) {
  return createUser(db, { ...staff, ...overrides }, { label: "test" });
}

function newToken(userId: string, expiresOn: string | null = null, name = "同步脚本") {
  return createApiToken(db, { userId, name, expiresOn }, { userId });
}

const tokenAudit = () => db.select().from(auditLog).where(eq(auditLog.entity, "api_token")).all();

describe("api tokens", () => {
  it("resolves a new token to its user with role and province, and lists it without the hash", () => {
    const userId = makeUser();
    const { id, token } = newToken(userId, "2027-06-30");
    expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(findTokenUser(db, token, TODAY)).toEqual({ id: userId, email: staff.email, name: staff.name, role: "staff", provinceCode: "330000", locale: "zh" });
    const listed = listApiTokens(db, userId);
    expect(listed).toEqual([{ id, name: "同步脚本", createdAt: expect.any(String), lastUsedAt: expect.any(String), expiresOn: "2027-06-30", revokedAt: null }]);
    expect(Object.keys(listed[0]!)).not.toContain("tokenHash");
  });

  it("stores the SHA-256 of the token, never the token itself, and keeps it out of the audit log", () => {
    const userId = makeUser();
    const { id, token } = newToken(userId);
    const row = db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
    expect(row?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token.slice(TOKEN_PREFIX.length));
    expect(JSON.stringify(tokenAudit())).not.toContain(token.slice(TOKEN_PREFIX.length));
  });

  it("gives each token its own secret", () => {
    const userId = makeUser();
    expect(newToken(userId).token).not.toBe(newToken(userId).token);
  });

  it("records the last use at the moment of the request, and only then", () => {
    const userId = makeUser();
    const { token } = newToken(userId);
    expect(listApiTokens(db, userId)[0]?.lastUsedAt).toBeNull();
    const now = new Date("2026-11-27T02:30:00.000Z");
    findTokenUser(db, token, TODAY, now);
    expect(listApiTokens(db, userId)[0]?.lastUsedAt).toBe(now.toISOString());
    const later = new Date("2026-11-28T09:00:00.000Z");
    findTokenUser(db, token, "2026-11-28", later);
    expect(listApiTokens(db, userId)[0]?.lastUsedAt).toBe(later.toISOString());
  });

  it("works through its expiry day and not after", () => {
    const userId = makeUser();
    const { token } = newToken(userId, TODAY);
    expect(findTokenUser(db, token, TODAY)?.id).toBe(userId);
    expect(findTokenUser(db, token, "2026-11-28")).toBeUndefined();
  });

  it("does not record a use that was refused", () => {
    const userId = makeUser();
    const { token } = newToken(userId, "2026-11-26");
    expect(findTokenUser(db, token, TODAY)).toBeUndefined();
    expect(listApiTokens(db, userId)[0]?.lastUsedAt).toBeNull();
  });

  it("refuses a revoked token", () => {
    const userId = makeUser();
    const { id, token } = newToken(userId);
    revokeApiToken(db, userId, id, { userId });
    expect(findTokenUser(db, token, TODAY)).toBeUndefined();
    expect(listApiTokens(db, userId)[0]?.revokedAt).toEqual(expect.any(String));
  });

  it("refuses the token of a deactivated account, and accepts it again on reactivation", () => {
    const userId = makeUser();
    const { token } = newToken(userId);
    const user = getUser(db, userId)!;
    updateUser(db, userId, user.version, { ...staff, active: false }, { label: "test" });
    expect(findTokenUser(db, token, TODAY)).toBeUndefined();
    updateUser(db, userId, user.version + 1, { ...staff, active: true }, { label: "test" });
    expect(findTokenUser(db, token, TODAY)?.id).toBe(userId);
  });

  it("follows a change of the user's province on the next request", () => {
    const userId = makeUser();
    const { token } = newToken(userId);
    updateUser(db, userId, 1, { ...staff, provinceCode: "440000", active: true }, { label: "test" });
    expect(findTokenUser(db, token, TODAY)?.provinceCode).toBe("440000");
  });

  it.each([
    ["an unknown token", () => `${TOKEN_PREFIX}${"A".repeat(43)}`],
    ["a token without its prefix", (token: string) => token.slice(TOKEN_PREFIX.length)],
    ["the stored hash itself", (token: string) => createHash("sha256").update(token).digest("hex")],
    ["an empty string", () => ""],
    ["the prefix alone", () => TOKEN_PREFIX],
  ])("refuses %s", (_label, make) => {
    const userId = makeUser();
    const { token } = newToken(userId);
    expect(findTokenUser(db, make(token), TODAY)).toBeUndefined();
  });

  it("refuses to revoke another user's token with NotFoundError (NotYoursError, so the refusal is logged) and changes nothing", () => {
    const owner = makeUser();
    const other = makeUser({ email: "other@example.cn", provinceCode: "440000" });
    const { id, token } = newToken(owner);
    const auditBefore = tokenAudit().length;
    expect(() => revokeApiToken(db, other, id, { userId: other })).toThrow(NotFoundError);
    expect(() => revokeApiToken(db, other, id, { userId: other })).toThrow(NotYoursError);
    expect(listApiTokens(db, owner)[0]?.revokedAt).toBeNull();
    expect(findTokenUser(db, token, TODAY)?.id).toBe(owner);
    expect(tokenAudit()).toHaveLength(auditBefore);
    expect(listApiTokens(db, other)).toEqual([]);
  });

  it("refuses to revoke an unknown or already revoked token", () => {
    const userId = makeUser();
    const { id } = newToken(userId);
    expect(() => revokeApiToken(db, userId, "no-such-id", { userId })).toThrow(NotFoundError);
    expect(() => revokeApiToken(db, userId, "no-such-id", { userId })).not.toThrow(NotYoursError);
    revokeApiToken(db, userId, id, { userId });
    expect(() => revokeApiToken(db, userId, id, { userId })).toThrow(NotFoundError);
    expect(tokenAudit().filter((e) => e.action === "revoke")).toHaveLength(1);
  });

  it("lists only the user's own tokens, newest first", () => {
    const userId = makeUser();
    const other = makeUser({ email: "other@example.cn" });
    createApiToken(db, { userId, name: "旧", expiresOn: null }, { userId }, new Date("2026-11-01T00:00:00Z"));
    createApiToken(db, { userId, name: "新", expiresOn: null }, { userId }, new Date("2026-11-20T00:00:00Z"));
    newToken(other, null, "别人的");
    expect(listApiTokens(db, userId).map((t) => t.name)).toEqual(["新", "旧"]);
  });

  it("writes an audit entry for the creation and the revocation, with the actor", () => {
    const userId = makeUser();
    const { id } = createApiToken(db, { userId, name: "命令行", expiresOn: "2027-01-31" }, { label: "cli:token:create" });
    revokeApiToken(db, userId, id, { userId });
    const entries = tokenAudit();
    expect(entries).toEqual([
      expect.objectContaining({ entityId: id, action: "create", actorId: null, actorLabel: "cli:token:create", after: { userId, name: "命令行", expiresOn: "2027-01-31" } }),
      expect.objectContaining({ entityId: id, action: "revoke", actorId: userId, actorLabel: null }),
    ]);
  });
});
