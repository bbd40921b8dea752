import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "./client";
import { securityEvents } from "./schema";
import { createTestDb } from "./test-db";
import { createUser } from "./users";
import { listSecurityEventRoutes, listSecurityEvents, listSecurityEventUsers, recordSecurityEvent } from "./security-events";

let db: Db;
let close: () => void;
let staffId: string;
let reviewerId: string;

beforeEach(() => {
  ({ db, close } = createTestDb());
  staffId = createUser(db, { email: "staff@example.gov.cn", name: "填报员", passwordHash: "h", role: "staff", provinceCode: "330000", locale: "zh" }, { label: "test" });
  reviewerId = createUser(db, { email: "rev@example.gov.cn", name: "审核人", passwordHash: "h", role: "reviewer", provinceCode: null, locale: "zh" }, { label: "test" });
});
afterEach(() => close());

const refusal = (userId: string | null, route: string, target?: string) => ({ kind: "authorization_refused" as const, userId, route, target, reason: "province_out_of_scope" });

describe("the security log", () => {
  it("records every field and lists newest first with the user's name", () => {
    recordSecurityEvent(db, { ...refusal(staffId, "/provinces/[code]", "440000"), method: "GET", address: "203.0.113.7" }, new Date("2026-11-27T01:00:00Z"));
    recordSecurityEvent(db, refusal(null, "/api/v1/centres"), new Date("2026-11-27T02:00:00Z"));
    const { total, rows } = listSecurityEvents(db, { page: 1, pageSize: 10 });
    expect(total).toBe(2);
    expect(rows.map((r) => r.route)).toEqual(["/api/v1/centres", "/provinces/[code]"]);
    expect(rows[1]).toMatchObject({
      at: "2026-11-27T01:00:00.000Z",
      kind: "authorization_refused",
      userId: staffId,
      userName: "填报员",
      userEmail: "staff@example.gov.cn",
      target: "440000",
      reason: "province_out_of_scope",
      method: "GET",
      address: "203.0.113.7",
    });
    expect(rows[0]).toMatchObject({ userId: null, userName: null, target: null, method: null, address: null });
  });

  it("pages and filters by user and by route", () => {
    for (let i = 0; i < 5; i++) recordSecurityEvent(db, refusal(staffId, `/r${i % 2}`, String(i)));
    recordSecurityEvent(db, refusal(reviewerId, "/r0", "x"));
    expect(listSecurityEvents(db, { page: 2, pageSize: 4 }).rows.map((r) => r.target)).toEqual(["1", "0"]);
    expect(listSecurityEvents(db, { userId: staffId, page: 1, pageSize: 10 }).total).toBe(5);
    const r0 = listSecurityEvents(db, { route: "/r0", page: 1, pageSize: 10 });
    expect(r0.rows.map((r) => r.target)).toEqual(["x", "4", "2", "0"]);
    expect(listSecurityEvents(db, { userId: staffId, route: "/r1", page: 1, pageSize: 10 }).total).toBe(2);
    // A route is matched whole: "/r" names no route.
    expect(listSecurityEvents(db, { route: "/r", page: 1, pageSize: 10 }).total).toBe(0);
    expect(listSecurityEventRoutes(db)).toEqual(["/r0", "/r1"]);
    expect(listSecurityEventUsers(db).map((u) => u.name)).toEqual(["填报员", "审核人"].sort((a, b) => (a < b ? -1 : 1)));
  });

  it("is append-only: the database refuses to change or delete an event", () => {
    const id = recordSecurityEvent(db, refusal(staffId, "/audit"));
    expect(() => db.update(securityEvents).set({ reason: "nothing" }).where(eq(securityEvents.id, id)).run()).toThrow(/append-only/);
    expect(() => db.$client.prepare("delete from security_events").run()).toThrow(/append-only/);
    expect(listSecurityEvents(db, { page: 1, pageSize: 10 }).rows[0]!.reason).toBe("province_out_of_scope");
  });

  it("refuses an unknown user id (the foreign key), so a refusal always names a real account or nobody", () => {
    expect(() => recordSecurityEvent(db, refusal("no-such-user", "/audit"))).toThrow();
  });
});
