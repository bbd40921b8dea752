import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findTokenUser, listApiTokens } from "@/db/api-tokens";
import type { Db } from "@/db/client";
import { chinaToday } from "@/lib/domain/china-time";
import { addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { createToken } from "./create-token";
import { revokeToken } from "./revoke-token";
import { tokensPage } from "./tokens-page";

let db: Db;
let close: () => void;
let alice: string;
let bob: string;
beforeEach(() => {
  ({ db, close } = useTestDatabase());
  alice = addUser(db, "alice@zj.cn", "staff", "330000");
  bob = addUser(db, "bob@gd.cn", "reviewer", "440000");
});
afterEach(() => close());

describe("personal API tokens through the use-case layer", () => {
  it("creates a token for the actor only, with its audit entry, and shows the secret this once", async () => {
    const before = auditCount(db);
    const outcome = await createToken.execute(callAs(alice), { name: "报表脚本", expiresOn: "" });
    if (!outcome.ok) throw new Error("expected success");
    expect(outcome.value.token).toMatch(/^act_/);
    expect(auditCount(db)).toBe(before + 1);
    expect(findTokenUser(db, outcome.value.token, chinaToday())?.id).toBe(alice);
    const page = await tokensPage.execute(callAs(alice, "GET"), {});
    expect(page.ok && page.value.tokens.map((t) => t.name)).toEqual(["报表脚本"]);
    const other = await tokensPage.execute(callAs(bob, "GET"), {});
    expect(other.ok && other.value.tokens).toEqual([]);
  });

  it("names each invalid field: a blank name, an expiry past the one-year limit", async () => {
    const outcome = await createToken.execute(callAs(alice), { name: "", expiresOn: "2999-01-01" });
    if (outcome.ok || outcome.refusal.kind !== "invalid") throw new Error("expected invalid");
    expect(outcome.refusal.fields.map((f) => f.path)).toContain("name");
    expect(listApiTokens(db, alice)).toEqual([]);
  });

  it("revokes the actor's own token with its audit entry", async () => {
    const created = await createToken.execute(callAs(alice), { name: "甲", expiresOn: "" });
    if (!created.ok) throw new Error("expected success");
    const before = auditCount(db);
    expect(await revokeToken.execute(callAs(alice), { id: created.value.id })).toMatchObject({ ok: true });
    expect(auditCount(db)).toBe(before + 1);
    expect(listApiTokens(db, alice)[0]!.revokedAt).not.toBeNull();
  });

  it("answers another user's token as not found, logs it once and revokes nothing", async () => {
    const created = await createToken.execute(callAs(alice), { name: "甲", expiresOn: "" });
    if (!created.ok) throw new Error("expected success");
    const before = auditCount(db);
    expect(await revokeToken.execute(callAs(bob), { id: created.value.id })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, bob).map((e) => [e.reason, e.target])).toEqual([["not_yours", created.value.id]]);
    expect(listApiTokens(db, alice)[0]!.revokedAt).toBeNull();
    expect(auditCount(db)).toBe(before);
    expect(await revokeToken.execute(callAs(bob), { id: "no-such-token" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, bob)).toHaveLength(1);
  });

  it("refuses an unknown account before anything else", async () => {
    expect(await createToken.execute(callAs("nobody"), { name: "x", expiresOn: "" })).toMatchObject({ ok: false, refusal: { kind: "unauthenticated" } });
  });
});
