import { describe, expect, it } from "vitest";
import { flagFilterSchema, flagFilterValues } from "./flag-filter";

describe("flagFilterSchema", () => {
  it("defaults to open flags with no other condition", () => {
    expect(flagFilterSchema.parse({})).toEqual({ show: "open" });
    expect(flagFilterSchema.parse({ province: "", code: "", severity: "" })).toEqual({ show: "open" });
  });

  it("takes a province, a rule, a severity and show=all", () => {
    expect(flagFilterSchema.parse({ province: "330000", code: "low_conversion", severity: "red", show: "all" })).toEqual({
      province: "330000",
      code: "low_conversion",
      severity: "red",
      show: "all",
    });
  });

  it.each([[{ province: "33" }], [{ code: "other" }], [{ severity: "green" }], [{ show: "hidden" }]])("refuses %j", (input) => {
    expect(flagFilterSchema.safeParse(input).success).toBe(false);
  });

  it("reads the first value of repeated search parameters and ignores unknown ones", () => {
    expect(flagFilterValues({ province: ["330000", "440000"], code: "low_conversion", other: "x" })).toEqual({ province: "330000", code: "low_conversion" });
  });
});
