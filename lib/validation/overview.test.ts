import { describe, expect, it } from "vitest";
import { overviewViewSchema, overviewViewValues } from "./overview";

describe("overviewViewSchema", () => {
  it("fills defaults for what is left out or blank", () => {
    expect(overviewViewSchema.parse({})).toEqual({ measure: "completion", sort: "name", dir: "asc", q: undefined, show: "all" });
    expect(overviewViewSchema.parse({ measure: "", q: "  " }).measure).toBe("completion");
  });

  it("accepts every measure and sort column, and trims the name filter", () => {
    expect(overviewViewSchema.parse({ measure: "red_flags", sort: "investment", dir: "desc", q: " 浙江 ", show: "behind" })).toEqual({ measure: "red_flags", sort: "investment", dir: "desc", q: "浙江", show: "behind" });
  });

  it("refuses unknown values and overlong filters with their reason", () => {
    const issue = (values: Record<string, string>) => overviewViewSchema.safeParse(values).error?.issues[0];
    expect(issue({ measure: "gdp" })?.path).toEqual(["measure"]);
    expect(issue({ sort: "name; drop table" })?.path).toEqual(["sort"]);
    expect(issue({ dir: "up" })?.path).toEqual(["dir"]);
    expect(issue({ q: "x".repeat(41) })?.message).toBe("tooLong");
  });

  it("reads the first value of a repeated parameter", () => {
    expect(overviewViewValues({ measure: ["schedule_index", "completion"], other: "x" })).toEqual({ measure: "schedule_index" });
  });
});
