import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "./form-state";
import { updateFieldsSchema, updateRuleIssues, type UpdateContext } from "./update";

const ctx: UpdateContext = {
  today: "2026-11-27",
  milestones: new Map([
    ["m1", { evidenceRequired: false, approvedProgress: 40 }],
    ["m2", { evidenceRequired: true, approvedProgress: 60 }],
  ]),
  milestonesWithEvidence: new Set(),
  lastApproved: { investmentExecutedYuan: 300_000_000, resultsProduced: 40, convertedSelf: 2, patentsFiled: 10 },
  budgetYuan: 1_000_000_000,
  plannedShare: 0.5,
  deviationThresholdPp: 5,
};

// As the browser posts it (after unflattening the milestone rows).
const form = {
  centreId: "c1",
  period: "2026-Q3",
  version: "3",
  intent: "save",
  investmentExecutedYuan: "500000000",
  computePflops: "",
  computePrecision: "",
  utilizationPercent: "",
  patentsFiled: "12",
  patentsGranted: "4",
  resultsProduced: "50",
  convertedSelf: "3",
  convertedTransfer: "1",
  convertedLicense: "",
  convertedJoint: "",
  convertedEquity: "",
  techContractValueYuan: "",
  firmsIncubated: "",
  talentIntroduced: "",
  narrative: "",
  correctionReason: "",
  milestones: [
    { id: "m1", progress: "50", actualCompletionDate: "" },
    { id: "m2", progress: "60", actualCompletionDate: "" },
  ],
};

/** As the server checks a form: its fields first, then (once they parse) the rules against stored state. */
function errorsOf(change: Record<string, unknown>, context: UpdateContext = ctx) {
  const result = updateFieldsSchema.safeParse({ ...form, ...change });
  return fieldErrorKeys(result.success ? updateRuleIssues(result.data, context) : result.error.issues);
}

const milestones = (m1: object, m2: object = {}) => [
  { id: "m1", progress: "50", actualCompletionDate: "", ...m1 },
  { id: "m2", progress: "60", actualCompletionDate: "", ...m2 },
];

describe("update form rules", () => {
  it("accepts a sound update and reads blanks as not reported", () => {
    const parsed = updateFieldsSchema.parse(form);
    expect(updateRuleIssues(parsed, ctx)).toEqual([]);
    expect(parsed).toMatchObject({ version: 3, investmentExecutedYuan: 500_000_000, computePflops: null, convertedLicense: null, narrative: null });
    expect(parsed.milestones[0]).toEqual({ id: "m1", progress: 50, actualCompletionDate: null });
  });

  it.each([
    // converted (3 + 1 = 4) against produced
    [{ resultsProduced: "4" }, {}],
    [{ resultsProduced: "3" }, { resultsProduced: "convertedExceedsProduced" }],
    [{ resultsProduced: "" }, { resultsProduced: "convertedExceedsProduced" }],
    [{ patentsGranted: "12" }, {}],
    [{ patentsGranted: "13" }, { patentsGranted: "grantedExceedsFiled" }],
    [{ computePflops: "120.5" }, { computePrecision: "precisionRequired" }],
    [{ computePflops: "120.5", computePrecision: "FP16" }, {}],
    [{ utilizationPercent: "100" }, {}],
    [{ utilizationPercent: "100.1" }, { utilizationPercent: "tooBig" }],
    [{ utilizationPercent: "-0.1" }, { utilizationPercent: "tooSmall" }],
    [{ patentsFiled: "1.5" }, { patentsFiled: "integer" }],
  ])("%o → %o", (change, expected) => {
    const errors = errorsOf(change, { ...ctx, lastApproved: null });
    if (Object.keys(expected).length === 0) expect(errors).toEqual({});
    else expect(errors).toMatchObject(expected);
  });

  it("refuses a running total below the last approval unless a correction reason is given", () => {
    expect(errorsOf({ resultsProduced: "39", convertedSelf: "", convertedTransfer: "" })).toEqual({ resultsProduced: "decreasedNeedsReason" });
    expect(errorsOf({ resultsProduced: "40", convertedSelf: "", convertedTransfer: "" })).toEqual({});
    expect(errorsOf({ resultsProduced: "39", convertedSelf: "", convertedTransfer: "", correctionReason: "上期重复计数" })).toEqual({});
    expect(errorsOf({ resultsProduced: "39", convertedSelf: "", convertedTransfer: "" }, { ...ctx, lastApproved: null })).toEqual({});
  });

  it.each([
    [{ progress: "100", actualCompletionDate: "" }, "milestones.0.actualCompletionDate", "completionDateRequired"],
    [{ progress: "100", actualCompletionDate: "2026-11-28" }, "milestones.0.actualCompletionDate", "completionDateFuture"],
    [{ progress: "99", actualCompletionDate: "2026-11-01" }, "milestones.0.actualCompletionDate", "completionDateOnlyAt100"],
    [{ progress: "39" }, "milestones.0.progress", "decreasedNeedsReason"],
    [{ progress: "101" }, "milestones.0.progress", "tooBig"],
    [{ id: "elsewhere" }, "milestones.0.progress", "unknownMilestone"],
  ])("milestone %o: %s → %s", (m1, path, key) => {
    expect(errorsOf({ milestones: milestones(m1) })[path]).toBe(key);
  });

  it("accepts a milestone completed today", () => {
    expect(errorsOf({ milestones: milestones({ progress: "100", actualCompletionDate: "2026-11-27" }) })).toEqual({});
  });

  it("requires every milestone of the centre", () => {
    expect(errorsOf({ milestones: [form.milestones[0]] })).toEqual({ milestones: "milestonesIncomplete" });
  });

  it("lets an evidence-required milestone reach 100 only with evidence attached", () => {
    const done = milestones({}, { progress: "100", actualCompletionDate: "2026-11-20" });
    expect(errorsOf({ milestones: done })).toEqual({ "milestones.1.progress": "evidenceRequiredAt100" });
    expect(errorsOf({ milestones: done }, { ...ctx, milestonesWithEvidence: new Set(["m2"]) })).toEqual({});
  });

  // Budget 10 亿, 50% planned by the period's end: 5.0 亿 is on plan; threshold 5 points.
  it.each([
    ["550000000", {}], // 5 points: not more than the threshold
    ["550000001", { narrative: "narrativeRequiredDeviation" }],
    ["449999999", { narrative: "narrativeRequiredDeviation" }],
  ])("investment %s → %o", (executed, expected) => {
    expect(errorsOf({ investmentExecutedYuan: executed })).toEqual(expected);
    expect(errorsOf({ investmentExecutedYuan: executed, narrative: "设备到货延迟" })).toEqual({});
  });

  it("needs the investment figure to submit, not to save a draft", () => {
    expect(errorsOf({ investmentExecutedYuan: "" })).toEqual({});
    expect(errorsOf({ investmentExecutedYuan: "", intent: "submit" })).toEqual({ investmentExecutedYuan: "requiredToSubmit" });
  });

  it("refuses a malformed period", () => {
    expect(updateFieldsSchema.safeParse({ ...form, period: "2026-Q5" }).success).toBe(false);
  });
});
