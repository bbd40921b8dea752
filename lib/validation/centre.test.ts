import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "./form-state";
import { centreSchema, milestoneSchema } from "./centre";

// What a browser form posts: every value a string, checkboxes repeated.
const form = {
  provinceCode: "330000",
  cityCode: "330100",
  name: "  杭州测试创新中心 ",
  leadInstitution: "测试研究院",
  leadCreditCode: "91350100m000100y43",
  partners: "甲单位\r\n\r\n 乙单位 ",
  focusTags: ["large_models", "smart_manufacturing"],
  plannedBudgetYuan: "500,000,000",
  startDate: "2026-01-01",
  plannedCompletionDate: "2027-12-31",
  status: "under_construction",
  targetIds: "t1",
};

function errorsOf(input: Record<string, unknown>) {
  const result = centreSchema.safeParse(input);
  return result.success ? {} : fieldErrorKeys(result.error.issues);
}

describe("centreSchema", () => {
  it("normalises what a form posts", () => {
    const parsed = centreSchema.parse(form);
    expect(parsed).toMatchObject({
      name: "杭州测试创新中心",
      leadCreditCode: "91350100M000100Y43",
      partners: ["甲单位", "乙单位"],
      plannedBudgetYuan: 500_000_000,
      targetIds: ["t1"],
    });
  });

  it("takes the same values as JSON", () => {
    const parsed = centreSchema.parse({ ...form, plannedBudgetYuan: 500_000_000, partners: ["甲单位"], leadCreditCode: null, targetIds: [] });
    expect(parsed.plannedBudgetYuan).toBe(500_000_000);
    expect(parsed.leadCreditCode).toBeNull();
  });

  it("reports a date-order error together with unrelated missing fields", () => {
    const errors = errorsOf({ ...form, name: "", cityCode: "", startDate: "2026-06-01", plannedCompletionDate: "2026-01-01" });
    expect(errors).toMatchObject({ name: "required", cityCode: "required", plannedCompletionDate: "completionAfterStart" });
  });

  it("does not compare dates when one of them is itself invalid", () => {
    expect(errorsOf({ ...form, startDate: "not a date" })).toEqual({ startDate: "date" });
  });

  it.each([
    [{ name: "" }, "name", "required"],
    [{ cityCode: "440300" }, "cityCode", "cityNotInProvince"],
    [{ cityCode: "abc" }, "cityCode", "cityCode"],
    [{ leadCreditCode: "91350100M000100Y44" }, "leadCreditCode", "creditCode"],
    [{ focusTags: undefined }, "focusTags", "focusTagsRequired"],
    [{ focusTags: ["large_models", "large_models"] }, "focusTags", "duplicate"],
    [{ focusTags: ["space_elevators"] }, "focusTags", "invalid"],
    [{ plannedBudgetYuan: "12.5" }, "plannedBudgetYuan", "integer"],
    [{ plannedBudgetYuan: "-1" }, "plannedBudgetYuan", "tooSmall"],
    [{ plannedBudgetYuan: "五亿" }, "plannedBudgetYuan", "number"],
    [{ plannedBudgetYuan: "" }, "plannedBudgetYuan", "required"],
    [{ startDate: "2026-02-30" }, "startDate", "date"],
    [{ plannedCompletionDate: "2025-12-31" }, "plannedCompletionDate", "completionAfterStart"],
    [{ status: "finished" }, "status", "invalid"],
  ])("refuses %o: %s → %s", (change, field, key) => {
    expect(errorsOf({ ...form, ...change })[field]).toBe(key);
  });
});

describe("milestoneSchema", () => {
  it("reads a ticked checkbox as true and a missing one as false", () => {
    const base = { centreId: "c", title: "完成可研批复", category: "planning", weight: "2", plannedDate: "2026-06-30" };
    expect(milestoneSchema.parse({ ...base, evidenceRequired: "on" }).evidenceRequired).toBe(true);
    expect(milestoneSchema.parse(base).evidenceRequired).toBe(false);
  });

  it.each([
    [{ weight: "0" }, "weight", "tooSmall"],
    [{ weight: "101" }, "weight", "tooBig"],
    [{ category: "party" }, "category", "invalid"],
  ])("refuses %o", (change, field, key) => {
    const base = { centreId: "c", title: "t", category: "planning", weight: "2", plannedDate: "2026-06-30" };
    const result = milestoneSchema.safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorKeys(result.error.issues)[field]).toBe(key);
  });
});
