import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeAudit } from "@/db/audit";
import type { Db } from "@/db/client";
import { addCentre, addUser, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { auditPage } from "./audit-page";

let db: Db;
let close: () => void;
const ids = {} as Record<"admin" | "national" | "zjReviewer" | "zjStaff" | "gdStaff", string>;
const centre = {} as Record<"zj" | "gd", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.admin = addUser(db, "admin@nation.cn", "admin", null);
  ids.national = addUser(db, "rev@nation.cn", "reviewer", null);
  ids.zjReviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  ids.zjStaff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.gdStaff = addUser(db, "staff@gd.cn", "staff", "440000");
  centre.zj = addCentre(db, "杭州测试中心");
  centre.gd = addCentre(db, "深圳测试中心", "440000", "440300");
  // Each province's staff edits its own centre.
  writeAudit(db, { actor: { userId: ids.zjStaff }, entity: "centre", entityId: centre.zj, action: "update", before: { name: "旧" }, after: { name: "杭州测试中心" } });
  writeAudit(db, { actor: { userId: ids.gdStaff }, entity: "centre", entityId: centre.gd, action: "update", before: { name: "旧" }, after: { name: "深圳测试中心" } });
});
afterEach(() => close());

async function view(userId: string, filter: Record<string, string> = {}) {
  const outcome = await auditPage.execute(callAs(userId, "GET", "/audit"), filter);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusal));
  return outcome.value;
}

describe("the audit log", () => {
  it("shows a national reader every entry, with every centre and actor to filter by", async () => {
    const all = await view(ids.national);
    expect(all.scope).toBe("all");
    expect(all.result!.rows.map((r) => r.centre?.name).filter(Boolean)).toEqual(expect.arrayContaining(["杭州测试中心", "深圳测试中心"]));
    expect(all.centres.map((c) => c.name).sort()).toEqual(["杭州测试中心", "深圳测试中心"].sort());
    expect(all.actors.map((a) => a.email).sort()).toEqual(["staff@gd.cn", "staff@zj.cn"]);
  });

  it("shows a provincial reviewer only their province's centres, entries and actors", async () => {
    const own = await view(ids.zjReviewer);
    expect(own.scope).toBe("330000");
    expect(own.result!.rows.map((r) => r.centre?.id)).toEqual([centre.zj, centre.zj]);
    expect(own.centres.map((c) => c.id)).toEqual([centre.zj]);
    expect(own.actors.map((a) => a.email)).toEqual(["staff@zj.cn"]);
  });

  it("treats another province's centre or actor in the filter as an invalid choice, and shows no entries", async () => {
    expect(await view(ids.zjReviewer, { centre: centre.gd })).toMatchObject({ filter: undefined, errors: { centre: "invalid" }, result: undefined });
    expect(await view(ids.zjReviewer, { user: ids.gdStaff })).toMatchObject({ filter: undefined, errors: { user: "invalid" }, result: undefined });
    // Nothing was refused: the reader asked for a filter, not a row.
    expect(refusalsOf(db, ids.zjReviewer)).toEqual([]);
  });

  it("filters by centre and action, and names each invalid field", async () => {
    const filtered = await view(ids.admin, { centre: centre.gd, action: "update" });
    expect(filtered.result).toMatchObject({ total: 1, pages: 1 });
    expect(filtered.result!.rows[0]).toMatchObject({ action: "update", actor: { email: "staff@gd.cn" } });
    expect((await view(ids.admin, { action: "explode", from: "2026-13-01", page: "0" })).errors).toEqual({ action: "invalid", from: expect.any(String), page: expect.any(String) });
  });

  it("is refused to staff with 403, logged once", async () => {
    expect(await auditPage.execute(callAs(ids.zjStaff, "GET", "/audit"), {})).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(refusalsOf(db, ids.zjStaff).map((e) => [e.route, e.reason])).toEqual([["/audit", "role_staff"]]);
  });
});
