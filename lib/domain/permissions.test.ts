import { describe, expect, it } from "vitest";
import { canAdminister, canEditCentresIn, canReadProvince, provinceRequirement, readableScope, type Actor } from "./permissions";

const admin: Actor = { id: "a", role: "admin", provinceCode: null };
const nationalReviewer: Actor = { id: "r", role: "reviewer", provinceCode: null };
const zjReviewer: Actor = { id: "rz", role: "reviewer", provinceCode: "330000" };
const zjStaff: Actor = { id: "sz", role: "staff", provinceCode: "330000" };
const unboundStaff: Actor = { id: "s0", role: "staff", provinceCode: null };

describe("permissions", () => {
  it.each([
    [admin, "all"],
    [nationalReviewer, "all"],
    [zjReviewer, "330000"],
    [zjStaff, "330000"],
    [unboundStaff, "none"],
  ] as const)("readable scope of %o is %s", (actor, scope) => {
    expect(readableScope(actor)).toBe(scope);
  });

  it.each([
    [admin, "440000", true, true],
    [nationalReviewer, "440000", true, false],
    [zjReviewer, "330000", true, false],
    [zjReviewer, "440000", false, false],
    [zjStaff, "330000", true, true],
    [zjStaff, "440000", false, false],
    [unboundStaff, "330000", false, false],
  ] as const)("%o on %s: read %s, edit %s", (actor, province, read, edit) => {
    expect(canReadProvince(actor, province)).toBe(read);
    expect(canEditCentresIn(actor, province)).toBe(edit);
  });

  it("only admins administer", () => {
    expect([admin, nationalReviewer, zjReviewer, zjStaff].map(canAdminister)).toEqual([true, false, false, false]);
  });

  it("binds staff to a province, never admins, reviewers optionally", () => {
    expect(provinceRequirement("staff")).toBe("required");
    expect(provinceRequirement("admin")).toBe("forbidden");
    expect(provinceRequirement("reviewer")).toBe("optional");
  });
});
