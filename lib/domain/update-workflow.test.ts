import { describe, expect, it } from "vitest";
import type { Actor } from "./permissions";
import { decide, type UpdateAction, type UpdateFacts } from "./update-workflow";

const zjStaff: Actor = { id: "staff-zj", role: "staff", provinceCode: "330000" };
const gdStaff: Actor = { id: "staff-gd", role: "staff", provinceCode: "440000" };
const zjReviewer: Actor = { id: "rev-zj", role: "reviewer", provinceCode: "330000" };
const nationalReviewer: Actor = { id: "rev", role: "reviewer", provinceCode: null };
const gdReviewer: Actor = { id: "rev-gd", role: "reviewer", provinceCode: "440000" };
const admin: Actor = { id: "admin", role: "admin", provinceCode: null };

const facts = (status: UpdateFacts["status"], extra: Partial<UpdateFacts> = {}): UpdateFacts => ({
  status,
  provinceCode: "330000",
  submittedBy: status === "draft" ? null : "staff-zj",
  editorIds: ["staff-zj"],
  ...extra,
});

describe("update workflow", () => {
  it.each([
    // action, actor, state (undefined: no update yet), expected
    ["save", zjStaff, undefined, "draft"],
    ["save", zjStaff, "draft", "draft"],
    ["save", zjStaff, "returned", "returned"],
    ["save", admin, "draft", "draft"],
    ["submit", zjStaff, "draft", "submitted"],
    ["submit", zjStaff, "returned", "submitted"],
    ["upload", zjStaff, "draft", "draft"],
    ["deleteEvidence", zjStaff, "returned", "returned"],
    ["approve", zjReviewer, "submitted", "approved"],
    ["approve", nationalReviewer, "submitted", "approved"],
    ["return", zjReviewer, "submitted", "returned"],
    ["reopen", nationalReviewer, "approved", "returned"],
  ] as const)("%s by %o on %s → %s", (action, actor, state, next) => {
    expect(decide(action, actor, "330000", state ? facts(state) : undefined)).toEqual({ allowed: true, next });
  });

  it.each([
    ["save", gdStaff, "draft", "forbidden"],
    ["save", zjReviewer, "draft", "forbidden"],
    ["save", zjStaff, "submitted", "updateLocked"],
    ["save", zjStaff, "approved", "updateLocked"],
    ["submit", zjStaff, undefined, "notStarted"],
    ["submit", zjStaff, "submitted", "updateLocked"],
    ["submit", zjStaff, "approved", "updateLocked"],
    ["upload", zjStaff, "approved", "updateLocked"],
    ["deleteEvidence", zjStaff, "submitted", "updateLocked"],
    ["approve", zjStaff, "submitted", "forbidden"],
    ["approve", admin, "submitted", "forbidden"],
    ["approve", gdReviewer, "submitted", "forbidden"],
    ["approve", zjReviewer, "draft", "notSubmitted"],
    ["approve", zjReviewer, "returned", "notSubmitted"],
    ["approve", zjReviewer, "approved", "notSubmitted"],
    ["approve", zjReviewer, undefined, "notStarted"],
    ["return", zjStaff, "submitted", "forbidden"],
    ["return", zjReviewer, "draft", "notSubmitted"],
    ["reopen", zjReviewer, "submitted", "notApproved"],
    ["reopen", zjStaff, "approved", "forbidden"],
    ["reopen", gdReviewer, "approved", "forbidden"],
  ] as const)("refuses %s by %o on %s: %s", (action: UpdateAction, actor, state, reason) => {
    expect(decide(action, actor, "330000", state ? facts(state) : undefined)).toEqual({ allowed: false, reason });
  });

  it("keeps the four-eyes rule: no approval by the submitter or anyone who edited", () => {
    const editedByReviewer = facts("submitted", { editorIds: ["staff-zj", "rev-zj"] });
    expect(decide("approve", zjReviewer, "330000", editedByReviewer)).toEqual({ allowed: false, reason: "ownUpdate" });
    const submittedByReviewer = facts("submitted", { submittedBy: "rev-zj", editorIds: [] });
    expect(decide("approve", zjReviewer, "330000", submittedByReviewer)).toEqual({ allowed: false, reason: "ownUpdate" });
    // Returning is still allowed: it accepts nothing.
    expect(decide("return", zjReviewer, "330000", editedByReviewer)).toEqual({ allowed: true, next: "returned" });
  });
});
