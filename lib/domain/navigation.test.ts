import { describe, expect, it } from "vitest";
import { ACCESS_POLICY, canOpen } from "./access-policy";
import { MENU, menuFor } from "./navigation";
import type { Actor } from "./permissions";

const admin: Actor = { id: "a", role: "admin", provinceCode: null };
const nationalReviewer: Actor = { id: "r", role: "reviewer", provinceCode: null };
const zjReviewer: Actor = { id: "rz", role: "reviewer", provinceCode: "330000" };
const zjStaff: Actor = { id: "sz", role: "staff", provinceCode: "330000" };

const SHARED = ["/provinces", "/flags", "/reporting", "/reporting/discipline"];
const SETTINGS = ["/settings/tokens", "/settings/notifications", "/settings/password", "/settings/two-factor", "/settings/sessions"];
const ADMIN = ["/admin/users", "/admin/targets", "/admin/calendars", "/admin/thresholds", "/admin/mail", "/admin/security"];

describe("the menu", () => {
  // The menus the layout drew by hand before it read the policy table, role by role.
  it.each([
    ["an administrator", admin, ["/overview", ...SHARED, "/import", "/audit", "/notifications", ...ADMIN, ...SETTINGS]],
    ["a national reviewer", nationalReviewer, ["/overview", ...SHARED, "/reviews", "/audit", "/notifications", ...SETTINGS]],
    ["a provincial reviewer", zjReviewer, [...SHARED, "/reviews", "/audit", "/notifications", ...SETTINGS]],
    ["a member of provincial staff", zjStaff, [...SHARED, "/import", "/notifications", ...SETTINGS]],
  ] as const)("for %s", (_who, actor, pages) => {
    expect(menuFor(actor).map((e) => e.page)).toEqual(pages);
  });

  it("names only pages of the policy table, each once", () => {
    const pages = MENU.map((e) => e.page);
    expect(pages.filter((p) => !ACCESS_POLICY.some((e) => e.kind === "page" && e.name === p))).toEqual([]);
    expect(pages.filter((p, i) => pages.indexOf(p) !== i)).toEqual([]);
  });

  it("follows a page's policy row, so a changed rule changes the menu", () => {
    const only = [{ page: "/reviews", labelKey: "nav.reviews" }];
    expect(menuFor(zjStaff, only)).toEqual([]);
    expect(menuFor(zjReviewer, only)).toEqual(only);
  });
});

describe("canOpen", () => {
  it.each([
    [admin, "/admin/security", true],
    [nationalReviewer, "/admin/security", false],
    [zjStaff, "/import", true],
    [zjReviewer, "/import", false],
    [zjStaff, "/audit", false],
    [zjReviewer, "/audit", true],
    // A province-bound page is opened for the actor's own province.
    [zjStaff, "/provinces/[code]", true],
  ] as const)("%o opens %s: %s", (actor, page, open) => {
    expect(canOpen(actor, page)).toBe(open);
  });

  it("refuses a pattern the table does not have rather than answering no", () => {
    expect(() => canOpen(admin, "/no-such-page")).toThrow(/No page/);
  });
});
