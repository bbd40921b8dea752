import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { reminders, userTwoFactor } from "@/db/schema";
import { addUser, callAs, useTestDatabase } from "../test-support";
import { navigationMenu } from "./menu";

let db: Db;
let close: () => void;
const ids = {} as Record<"admin" | "zjStaff" | "zjReviewer", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.admin = addUser(db, "admin@nation.cn", "admin", null);
  ids.zjStaff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.zjReviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  const now = new Date().toISOString();
  // The default TWO_FACTOR_REQUIRED_ROLES (reviewer, admin): the administrator has enrolled, the reviewer not yet.
  db.insert(userTwoFactor).values({ userId: ids.admin, secretSealed: "sealed", enabledAt: now, createdAt: now }).run();
});
afterEach(() => close());

async function menu(userId: string) {
  const outcome = await navigationMenu.execute(callAs(userId, "GET", "(app)/layout"), {});
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusal));
  return outcome.value;
}

describe("the navigation menu", () => {
  it("shows each user the pages their role opens, with their province", async () => {
    const staff = await menu(ids.zjStaff);
    expect(staff).toMatchObject({ user: { name: "staff@zj.cn", role: "staff" }, province: { nameZh: "浙江省" }, enrolFirst: false });
    expect(staff.items.map((i) => i.href)).toContain("/import");
    expect(staff.items.map((i) => i.href)).not.toContain("/audit");
    const admin = await menu(ids.admin);
    expect(admin.province).toBeNull();
    expect(admin.items.map((i) => i.href)).toEqual(expect.arrayContaining(["/overview", "/admin/users", "/admin/security"]));
  });

  it("counts unread notifications and reminders on the notifications link", async () => {
    expect((await menu(ids.zjStaff)).items.find((i) => i.href === "/notifications")).toEqual({ href: "/notifications", labelKey: "nav.notifications", count: 0 });
    const now = new Date().toISOString();
    db.insert(reminders).values({ id: "r1", userId: ids.zjStaff, eventKey: "due_soon|2026-Q3", category: "due_soon", period: "2026-Q3", params: {}, createdAt: now, emailStatus: "skipped" }).run();
    expect((await menu(ids.zjStaff)).items.find((i) => i.href === "/notifications")!.count).toBe(1);
  });

  it("gives a user who still owes the two-factor enrolment the frame without links", async () => {
    expect(await menu(ids.zjReviewer)).toMatchObject({ enrolFirst: true, items: [], user: { role: "reviewer" } });
  });

  it("treats an unknown account as signed out", async () => {
    expect(await navigationMenu.execute(callAs("no-such-user", "GET"), {})).toMatchObject({ ok: false, refusal: { kind: "unauthenticated" } });
  });
});
