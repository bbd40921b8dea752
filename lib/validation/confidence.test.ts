import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "./form-state";
import { confidenceRatingSchema } from "./confidence";

const errorsOf = (input: Record<string, unknown>) => {
  const result = confidenceRatingSchema.safeParse({ centreId: "c1", rating: "amber", narrative: "设备到货延迟", ...input });
  return result.success ? {} : fieldErrorKeys(result.error.issues);
};

describe("confidenceRatingSchema", () => {
  it.each([["green"], ["amber"], ["red"]])("accepts %s with a narrative", (rating) => {
    expect(errorsOf({ rating })).toEqual({});
  });

  it.each([
    [{ rating: "" }, { rating: "required" }],
    [{ rating: "blue" }, { rating: "invalid" }],
    [{ narrative: " " }, { narrative: "required" }],
    [{ narrative: "x".repeat(4001) }, { narrative: "tooLong" }],
    [{ centreId: "" }, { centreId: "required" }],
  ])("refuses %j → %j", (input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });
});
