import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, DomainError, ForbiddenError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { BLANK_UPDATE_VALUES, createTestDb } from "./test-db";
import { auditLog, notifications, updates } from "./schema";
import { createCentre } from "./centres";
import { createMilestone } from "./milestones";
import { createUser } from "./users";
import { addEvidence, deleteEvidence } from "./evidence";
import { approvedMilestoneProgress, getUpdate, lastApprovedBefore, reviewQueue, reviewUpdate, saveUpdate, type SaveUpdateInput } from "./updates";
import type { UpdateValues } from "@/lib/validation/update";
import type { Db } from "./client";

let db: Db;
let close: () => void;
let staff: Actor;
let otherStaff: Actor;
let gdStaff: Actor;
let reviewer: Actor;
let gdReviewer: Actor;
let centreId: string;
let milestoneId: string;

function user(email: string, role: Actor["role"], provinceCode: string | null): Actor {
  const id = createUser(db, { email, name: email, passwordHash: "h", role, provinceCode, locale: "zh" }, { label: "test" });
  return { id, role, provinceCode };
}

const values: UpdateValues = { ...BLANK_UPDATE_VALUES, investmentExecutedYuan: 300_000_000, patentsFiled: 5, patentsGranted: 1, resultsProduced: 20, convertedSelf: 2 };

function input(change: Partial<SaveUpdateInput> = {}): SaveUpdateInput {
  return { centreId, period: "2026-Q3", version: 0, intent: "save", values, milestones: [{ id: milestoneId, progress: 50, actualCompletionDate: null }], ...change };
}

const statusOf = (id: string) => db.select().from(updates).where(eq(updates.id, id)).get()!;
const auditActions = (id: string) => db.select().from(auditLog).where(eq(auditLog.entityId, id)).all().map((a) => a.action);

beforeEach(() => {
  ({ db, close } = createTestDb());
  staff = user("staff@zj.cn", "staff", "330000");
  otherStaff = user("staff2@zj.cn", "staff", "330000");
  gdStaff = user("staff@gd.cn", "staff", "440000");
  reviewer = user("rev@zj.cn", "reviewer", "330000");
  gdReviewer = user("rev@gd.cn", "reviewer", "440000");
  centreId = createCentre(
    db,
    {
      provinceCode: "330000",
      cityCode: "330100",
      name: "杭州测试中心",
      leadInstitution: "测试院",
      leadCreditCode: null,
      partners: [],
      focusTags: ["large_models"],
      plannedBudgetYuan: 1_000_000_000,
      startDate: "2026-01-01",
      plannedCompletionDate: "2027-12-31",
      status: "under_construction",
      targetIds: [],
    },
    { label: "test" },
  );
  milestoneId = createMilestone(db, { centreId, title: "一期上线", category: "compute", weight: 1, plannedDate: "2026-09-30", evidenceRequired: true }, { label: "test" });
});
afterEach(() => close());

describe("update state machine", () => {
  it("runs draft → submitted → returned → submitted → approved, audited and notified at each step", () => {
    const draft = saveUpdate(db, input(), staff);
    expect(statusOf(draft.id)).toMatchObject({ status: "draft", version: 1, createdBy: staff.id, editorIds: [staff.id] });

    const submitted = saveUpdate(db, input({ version: 1, intent: "submit" }), staff);
    expect(statusOf(draft.id)).toMatchObject({ status: "submitted", submittedBy: staff.id, version: 2 });
    expect(submitted.version).toBe(2);
    // The Zhejiang reviewer hears of it; the Guangdong one does not.
    const notified = db.select().from(notifications).all();
    expect(notified.map((n) => [n.userId, n.kind])).toEqual([[reviewer.id, "submitted"]]);
    expect(reviewQueue(db, "330000").map((q) => q.id)).toEqual([draft.id]);
    expect(reviewQueue(db, "440000")).toEqual([]);

    reviewUpdate(db, { id: draft.id, version: 2, action: "return", reason: "投资额与凭证不符" }, reviewer);
    expect(statusOf(draft.id)).toMatchObject({ status: "returned", returnReason: "投资额与凭证不符", returnedBy: reviewer.id });

    saveUpdate(db, input({ version: 3, intent: "submit", values: { ...values, investmentExecutedYuan: 280_000_000 } }), staff);
    reviewUpdate(db, { id: draft.id, version: 4, action: "approve", reason: null }, reviewer);
    expect(statusOf(draft.id)).toMatchObject({ status: "approved", approvedBy: reviewer.id, investmentExecutedYuan: 280_000_000 });
    expect(auditActions(draft.id)).toEqual(["create", "update", "submit", "return", "update", "submit", "approve"]);
    expect(db.select().from(notifications).where(eq(notifications.userId, staff.id)).all().map((n) => [n.kind, n.reason])).toEqual([
      ["returned", "投资额与凭证不符"],
      ["approved", null],
    ]);
  });

  it("counts only approved progress, and drops it again on reopen", () => {
    const { id } = saveUpdate(db, input({ intent: "submit" }), staff);
    expect(approvedMilestoneProgress(db, centreId).get(milestoneId)?.progress).toBe(0);
    reviewUpdate(db, { id, version: 1, action: "approve", reason: null }, reviewer);
    expect(approvedMilestoneProgress(db, centreId).get(milestoneId)?.progress).toBe(50);
    expect(lastApprovedBefore(db, centreId, "2026-12-31")?.id).toBe(id);
    expect(() => reviewUpdate(db, { id, version: 2, action: "reopen", reason: null }, reviewer)).toThrow(DomainError);
    reviewUpdate(db, { id, version: 2, action: "reopen", reason: "发现重复计数" }, reviewer);
    expect(statusOf(id)).toMatchObject({ status: "returned", approvedBy: null, returnReason: "发现重复计数" });
    expect(approvedMilestoneProgress(db, centreId).get(milestoneId)?.progress).toBe(0);
  });

  it.each([
    ["another province's staff saves", () => saveUpdate(db, input(), gdStaff), ForbiddenError],
    ["a reviewer saves", () => saveUpdate(db, input(), reviewer), ForbiddenError],
    ["submitting twice", () => saveUpdate(db, input({ version: 1, intent: "submit" }), staff), /updateLocked/],
    ["staff approve", () => reviewUpdate(db, { id: firstId, version: 1, action: "approve", reason: null }, otherStaff), ForbiddenError],
    ["another province's reviewer approves", () => reviewUpdate(db, { id: firstId, version: 1, action: "approve", reason: null }, gdReviewer), ForbiddenError],
    ["returning without a reason", () => reviewUpdate(db, { id: firstId, version: 1, action: "return", reason: null }, reviewer), /reasonRequired/],
    ["reopening a submitted update", () => reviewUpdate(db, { id: firstId, version: 1, action: "reopen", reason: "x" }, reviewer), /notApproved/],
    ["approving with a stale version", () => reviewUpdate(db, { id: firstId, version: 0, action: "approve", reason: null }, reviewer), ConflictError],
  ])("refuses: %s, and changes nothing", (_name, attempt, error) => {
    firstId = saveUpdate(db, input({ intent: "submit" }), staff).id;
    const before = { row: statusOf(firstId), audit: db.select().from(auditLog).all().length, notes: db.select().from(notifications).all().length };
    expect(attempt).toThrow(error);
    expect(statusOf(firstId)).toEqual(before.row);
    expect(db.select().from(auditLog).all()).toHaveLength(before.audit);
    expect(db.select().from(notifications).all()).toHaveLength(before.notes);
  });

  it("keeps four eyes: a reviewer who edited cannot approve", () => {
    // A reviewer who once edited the draft (recorded in editorIds) is not a second pair of eyes.
    const { id } = saveUpdate(db, input(), staff);
    const editingReviewer = user("rev2@zj.cn", "reviewer", "330000");
    db.update(updates).set({ editorIds: [staff.id, editingReviewer.id] }).where(eq(updates.id, id)).run();
    saveUpdate(db, input({ version: 1, intent: "submit" }), staff);
    expect(() => reviewUpdate(db, { id, version: 2, action: "approve", reason: null }, editingReviewer)).toThrow(/ownUpdate/);
    reviewUpdate(db, { id, version: 2, action: "approve", reason: null }, reviewer);
  });

  it("refuses a stale save with the current values, and a second first save", () => {
    const { id } = saveUpdate(db, input(), staff);
    saveUpdate(db, input({ version: 1, values: { ...values, patentsFiled: 7 } }), otherStaff);
    try {
      saveUpdate(db, input({ version: 1, values: { ...values, patentsFiled: 9 } }), staff);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).current?.patentsFiled).toBe("7");
    }
    expect(statusOf(id).patentsFiled).toBe(7);
    expect(() => saveUpdate(db, input({ version: 0 }), staff)).toThrow(ConflictError);
    expect(statusOf(id).editorIds).toEqual([staff.id, otherStaff.id]);
  });

  it("attaches and removes evidence only while the update is editable", () => {
    const { id } = saveUpdate(db, input(), staff);
    const file = { updateId: id, milestoneId, originalName: "验收报告.pdf", storedName: "x.pdf", mediaType: "application/pdf", sizeBytes: 10, sha256: "0" };
    const evidenceId = addEvidence(db, file, staff);
    expect(getUpdate(db, centreId, "2026-Q3")?.evidence.map((e) => e.id)).toEqual([evidenceId]);
    expect(() => addEvidence(db, file, gdStaff)).toThrow(ForbiddenError);
    saveUpdate(db, input({ version: 1, intent: "submit" }), staff);
    expect(() => addEvidence(db, file, staff)).toThrow(/updateLocked/);
    expect(() => deleteEvidence(db, evidenceId, staff)).toThrow(/updateLocked/);
    reviewUpdate(db, { id, version: 2, action: "return", reason: "补充材料" }, reviewer);
    expect(deleteEvidence(db, evidenceId, staff)).toBe("x.pdf");
    expect(getUpdate(db, centreId, "2026-Q3")?.evidence).toEqual([]);
    expect(() => deleteEvidence(db, evidenceId, staff)).toThrow(/notFound/);
    expect(auditActions(evidenceId)).toEqual(["upload", "delete"]);
  });
});

let firstId: string;
