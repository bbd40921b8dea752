import { describe, expect, it } from "vitest";
import { centreFilterSchema, centreFilterValues } from "./centre-filter";

describe("centreFilterSchema", () => {
  it("accepts each filter and leaves out blanks", () => {
    expect(centreFilterSchema.parse({ status: "operational", tag: "large_models", city: "330100", flag: "duplicate_construction" })).toEqual({ status: "operational", tag: "large_models", city: "330100", flag: "duplicate_construction" });
    expect(centreFilterSchema.parse({ status: "", flag: "any" })).toEqual({ status: undefined, tag: undefined, city: undefined, flag: "any" });
  });

  it("refuses unknown statuses, tags, rules and malformed city codes, naming the field", () => {
    const path = (values: Record<string, string>) => centreFilterSchema.safeParse(values).error?.issues[0]?.path;
    expect(path({ status: "closed" })).toEqual(["status"]);
    expect(path({ tag: "<script>" })).toEqual(["tag"]);
    expect(path({ city: "330000" })).toEqual(["city"]);
    expect(path({ city: "33010" })).toEqual(["city"]);
    expect(path({ flag: "red" })).toEqual(["flag"]);
  });

  it("reads only its own fields, first value of each", () => {
    expect(centreFilterValues({ status: ["planned", "operational"], asOf: "2026-09-30" })).toEqual({ status: "planned" });
  });
});
