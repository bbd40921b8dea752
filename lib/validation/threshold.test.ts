import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "./form-state";
import { thresholdSchema } from "./threshold";

const parse = (input: Record<string, unknown>) => thresholdSchema.safeParse({ key: "conversion.rate", version: "0", ...input });
const errorsOf = (input: Record<string, unknown>) => {
  const result = parse(input);
  return result.success ? {} : fieldErrorKeys(result.error.issues);
};

describe("thresholdSchema", () => {
  it("parses a form submission into key, version and value", () => {
    expect(parse({ value: "0.25", version: "3" }).data).toEqual({ key: "conversion.rate", version: 3, value: 0.25 });
  });

  it("turns reset into value null whatever was typed", () => {
    expect(parse({ value: "abc", reset: "1" }).data).toEqual({ key: "conversion.rate", version: 0, value: null });
  });

  it.each([
    [{ value: "" }, { value: "required" }],
    [{ value: "abc" }, { value: "number" }],
    [{ value: "1.01" }, { value: "tooBig" }], // a share is at most 1
    [{ value: "-0.01" }, { value: "tooSmall" }],
    [{ key: "conversion.minSample", value: "20.5" }, { value: "integer" }],
    [{ key: "conversion.minSample", value: "0" }, { value: "tooSmall" }], // at least 1 result
    [{ key: "schedule.amberBelowIndex", value: "2.01" }, { value: "tooBig" }],
    [{ key: "nope.key", value: "1" }, { key: "invalid" }],
    [{ key: "duplicate.idleOccupancyRedBelowPercent", value: "50" }, { key: "invalid" }], // removed: nothing reports occupancy
    [{ value: "0.2505" }, { value: "tooManyDecimals" }], // a share's step is 0.001 (0.1%)
    [{ key: "duplicate.idleUtilizationRedBelowPercent", value: "30.05" }, { value: "tooManyDecimals" }], // 0–100 figures: step 0.1
    [{ key: "schedule.centreAmberBelowIndex", value: "0.8995" }, { value: "tooManyDecimals" }], // an index: step 0.001
    [{ key: "schedule.centreRedBelowIndex", value: "2.5" }, { value: "tooBig" }],
    [{ version: "-1", value: "0.2" }, { version: "tooSmall" }],
  ])("refuses %j → %j", (input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });

  it.each([
    [{ value: "0" }],
    [{ value: "1" }],
    [{ key: "conversion.minSample", value: "1" }],
    [{ key: "schedule.amberBelowIndex", value: "2" }],
    [{ key: "scattered.minScaleYuan", value: "100,000,000" }], // thousands separators are read
    [{ value: "0.255" }],
    [{ value: "0.7" }], // 0.7 ÷ 0.001 is 699.9999999999999 in binary: still on the step
    [{ key: "conversion.z", value: "1.959964" }],
    [{ key: "schedule.centreAmberBelowIndex", value: "0.899" }],
  ])("accepts the boundary %j", (input) => {
    expect(errorsOf(input)).toEqual({});
  });
});
