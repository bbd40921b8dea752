import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { recordSecurityEvent } from "@/db/security-events";
import { addUser, callAs, useTestDatabase } from "../test-support";
import { SECURITY_PAGE_SIZE, securityPage } from "./security-page";

let db: Db;
let close: () => void;
const ids = {} as Record<"admin" | "reviewer" | "staff", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.admin = addUser(db, "admin@nation.cn", "admin", null);
  ids.reviewer = addUser(db, "rev@nation.cn", "reviewer", null);
  ids.staff = addUser(db, "staff@zj.cn", "staff", "330000");
  for (let i = 0; i < SECURITY_PAGE_SIZE + 1; i++) recordSecurityEvent(db, { kind: "authorization_refused", userId: ids.staff, route: "/provinces/[code]", target: "440000", reason: "row_out_of_scope" });
  recordSecurityEvent(db, { kind: "authorization_refused", userId: null, route: "/api/v1/centres", reason: "unauthenticated" });
});
afterEach(() => close());

const view = async (filter: Record<string, string>) => {
  const outcome = await securityPage.execute(callAs(ids.admin, "GET"), filter);
  if (!outcome.ok) throw new Error("expected the page");
  return outcome.value;
};

describe("the security log", () => {
  it("pages every refusal newest first, with the filters' choices", async () => {
    const all = await view({});
    expect(all).toMatchObject({ total: SECURITY_PAGE_SIZE + 2, pages: 2, invalidFilter: false, filter: { page: 1 } });
    expect(all.rows).toHaveLength(SECURITY_PAGE_SIZE);
    expect(all.rows[0]).toMatchObject({ route: "/api/v1/centres", userName: null });
    expect(all.users.map((u) => u.email)).toEqual(["staff@zj.cn"]);
    expect(all.routes).toEqual(["/api/v1/centres", "/provinces/[code]"]);
  });

  it("filters by user and route, and shows everything for a filter it cannot read", async () => {
    expect(await view({ user: ids.staff, page: "2" })).toMatchObject({ total: SECURITY_PAGE_SIZE + 1, filter: { user: ids.staff, page: 2 } });
    expect((await view({ route: "/api/v1/centres" })).total).toBe(1);
    expect(await view({ page: "zero" })).toMatchObject({ invalidFilter: true, filter: { page: 1 }, total: SECURITY_PAGE_SIZE + 2 });
  });

  it("is for administrators only", async () => {
    expect(await securityPage.execute(callAs(ids.reviewer, "GET"), {})).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
  });
});
