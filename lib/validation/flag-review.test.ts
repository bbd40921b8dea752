import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "./form-state";
import { flagReviewSchema } from "./flag-review";

const TODAY = "2026-11-27";
const base = { flagKey: "low_conversion|c1", action: "acknowledged", comment: "已知悉", expiresOn: "" };
const errorsOf = (input: Record<string, unknown>) => {
  const result = flagReviewSchema(TODAY).safeParse({ ...base, ...input });
  return result.success ? {} : fieldErrorKeys(result.error.issues);
};

describe("flagReviewSchema", () => {
  it("accepts an acknowledgement with a comment and no expiry (blank → null)", () => {
    expect(flagReviewSchema(TODAY).parse(base)).toEqual({ ...base, expiresOn: null });
  });

  it.each([
    // [change, field → message key]
    [{ comment: "  " }, { comment: "required" }],
    [{ action: "forget" }, { action: "invalid" }],
    [{ flagKey: "" }, { flagKey: "required" }],
    [{ action: "dismissed" }, { expiresOn: "expiryRequired" }],
    [{ action: "dismissed", expiresOn: TODAY }, { expiresOn: "expiryInPast" }], // today is not after today
    [{ action: "dismissed", expiresOn: "2026-11-26" }, { expiresOn: "expiryInPast" }],
    // 2026-11-27 + 366 days = 2027-11-28 is the last allowed day.
    [{ action: "dismissed", expiresOn: "2027-11-29" }, { expiresOn: "expiryTooFar" }],
    [{ action: "acknowledged", expiresOn: "2026-12-31" }, { expiresOn: "expiryNotApplicable" }],
    [{ action: "dismissed", expiresOn: "2026-02-30" }, { expiresOn: "date" }],
  ])("refuses %j → %j", (change, expected) => {
    expect(errorsOf(change)).toEqual(expected);
  });

  it.each([
    [{ action: "dismissed", expiresOn: "2026-11-28" }], // the day after today
    [{ action: "dismissed", expiresOn: "2027-11-28" }], // the last allowed day
    [{ action: "justified" }], // a justification may have no expiry
    [{ action: "justified", expiresOn: "2027-06-30" }],
    [{ action: "merge_planned" }],
    [{ action: "confirmed_duplicate" }],
    [{ action: "reopened" }],
  ])("accepts %j", (change) => {
    expect(errorsOf(change)).toEqual({});
  });

  it("reports every field error at once", () => {
    expect(errorsOf({ comment: "", action: "dismissed" })).toEqual({ comment: "required", expiresOn: "expiryRequired" });
  });
});
