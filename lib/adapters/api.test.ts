import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApiToken } from "@/db/api-tokens";
import type { Db } from "@/db/client";
import { BLANK_UPDATE_VALUES } from "@/db/test-db";
import { getUpdate, saveUpdate } from "@/db/updates";
import { REVIEW_KEYS } from "@/lib/api/bodies";
import { MAX_BODY_BYTES } from "@/lib/api/write";
import { addCentre, addUser, auditCount, refusalsOf, useTestDatabase } from "@/lib/use-cases/test-support";
import { reviewUpdate } from "@/lib/use-cases/updates/review-update";
import { apiCommand } from "./api";

// An API write route over a real use case and a real database, called with real bearer tokens: the
// order of its checks (credentials, role, body, input, rows, scope) and the problem each one answers.

let db: Db;
let close: () => void;
let centreId: string;
const tokens = {} as Record<"staff" | "reviewer" | "gdReviewer", { id: string; token: string }>;
const users = {} as Record<keyof typeof tokens, string>;

const approve = apiCommand("/api/v1/centres/[id]/updates/[period]/approve", reviewUpdate, {
  keys: REVIEW_KEYS,
  input: (params: { id: string; period: string }, body) => ({ ...(body as object), centreId: params.id, period: params.period, decision: "approve" }),
  answer: ({ status, version }) => Response.json({ status, version }),
});

function call(who: keyof typeof tokens | "nobody", body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }, period = "2026-Q3") {
  const authorization = who === "nobody" ? "Bearer act_not-a-token" : `Bearer ${tokens[who].token}`;
  const request = new Request(`http://test/api/v1/centres/${centreId}/updates/${period}/approve`, { method: "POST", body, headers: { ...headers, authorization }, duplex: "half" } as RequestInit);
  return approve(request, { params: Promise.resolve({ id: centreId, period }) });
}

const versionNow = () => getUpdate(db, centreId, "2026-Q3")!.version;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  users.staff = addUser(db, "staff@zj.cn", "staff", "330000");
  users.reviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  users.gdReviewer = addUser(db, "rev@gd.cn", "reviewer", "440000");
  for (const who of Object.keys(users) as (keyof typeof users)[]) tokens[who] = createApiToken(db, { userId: users[who], name: who, expiresOn: null }, { label: "test" });
  centreId = addCentre(db, "杭州测试中心");
  saveUpdate(db, { centreId, period: "2026-Q3", version: 0, intent: "submit", values: { ...BLANK_UPDATE_VALUES, patentsFiled: 2 }, milestones: [] }, { id: users.staff, role: "staff", provinceCode: "330000" });
});
afterEach(() => close());

describe("an API write over a use case", () => {
  it("approves with a reviewer's token and answers the row", async () => {
    const response = await call("reviewer", JSON.stringify({ version: versionNow() }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "approved", version: versionNow() });
  });

  it.each([
    ["a token nobody holds", "nobody", JSON.stringify({ version: 1 }), undefined, 401],
    ["a role that never reviews", "staff", JSON.stringify({ version: 1 }), undefined, 403],
    ["no content type", "reviewer", "{}", {}, 415],
    ["a form content type", "reviewer", "version=1", { "content-type": "application/x-www-form-urlencoded" }, 415],
    ["malformed JSON", "reviewer", '{"version": ', undefined, 400],
    ["invalid UTF-8", "reviewer", new Uint8Array([0x7b, 0xff, 0x7d]), undefined, 400],
    ["a JSON array", "reviewer", "[1,2]", undefined, 400],
    ["JSON null", "reviewer", "null", undefined, 400],
    ["an oversized body", "reviewer", JSON.stringify({ reason: "x".repeat(MAX_BODY_BYTES) }), undefined, 413],
    ["a version that is no number", "reviewer", JSON.stringify({ version: "two" }), undefined, 400],
  ] as const)("refuses %s with its problem and writes nothing", async (_label, who, body, headers, status) => {
    const before = auditCount(db);
    const response = await call(who, body, headers);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(getUpdate(db, centreId, "2026-Q3")!.status).toBe("submitted");
    expect(auditCount(db)).toBe(before);
  });

  it("names every unknown field", async () => {
    const response = await call("reviewer", JSON.stringify({ version: 1, status: "approved", approvedBy: "me" }));
    expect(response.status).toBe(400);
    expect((await response.json()).errors.map((e: { field: string }) => e.field)).toEqual(["status", "approvedBy"]);
  });

  it("logs a role refusal once, naming the route's row", async () => {
    await call("staff", JSON.stringify({ version: 1 }));
    expect(refusalsOf(db, users.staff).map((e) => [e.reason, e.target])).toEqual([["role_staff", `${centreId}/2026-Q3`]]);
  });

  it("answers another province's reviewer 404, as for a centre that does not exist, and logs it once", async () => {
    const response = await call("gdReviewer", JSON.stringify({ version: versionNow() }));
    expect(response.status).toBe(404);
    expect(refusalsOf(db, users.gdReviewer).map((e) => e.reason)).toEqual(["row_out_of_scope"]);
    expect(getUpdate(db, centreId, "2026-Q3")!.status).toBe("submitted");
  });

  it("answers a stale version 409 with the stored one, and a period without an update 422", async () => {
    const stale = await call("reviewer", JSON.stringify({ version: versionNow() + 3 }));
    expect(stale.status).toBe(409);
    expect((await stale.json()).version).toBe(versionNow());
    const notStarted = await call("reviewer", JSON.stringify({ version: 1 }), undefined, "2026-Q2");
    expect(notStarted.status).toBe(422);
    expect((await notStarted.json()).code).toBe("notStarted");
  });
});
