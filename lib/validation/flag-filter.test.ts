import { describe, expect, it } from "vitest";
import { flagFilterSchema, flagFilterValues } from "./flag-filter";

describe("flagFilterSchema", () => {
  it("defaults to open flags with no other condition", () => {
    expect(flagFilterSchema.parse({})).toEqual({ show: "open", page: 1 });
    expect(flagFilterSchema.parse({ province: "", code: "", severity: "", page: "" })).toEqual({ show: "open", page: 1 });
  });

  it("takes a province, a rule, a severity and show=all", () => {
    expect(flagFilterSchema.parse({ province: "330000", code: "low_conversion", severity: "red", show: "all", page: "3" })).toEqual({
      province: "330000",
      code: "low_conversion",
      severity: "red",
      show: "all",
      page: 3,
    });
  });

  it.each([[{ province: "33" }], [{ code: "other" }], [{ severity: "green" }], [{ show: "hidden" }], [{ page: "0" }], [{ page: "x" }]])("refuses %j", (input) => {
    expect(flagFilterSchema.safeParse(input).success).toBe(false);
  });

  it("reads the first value of repeated search parameters and ignores unknown ones", () => {
    expect(flagFilterValues({ province: ["330000", "440000"], code: "low_conversion", other: "x" })).toEqual({ province: "330000", code: "low_conversion" });
  });
});
