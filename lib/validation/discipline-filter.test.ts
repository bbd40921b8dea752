import { describe, expect, it } from "vitest";
import { disciplineFilterSchema, disciplineFilterValues } from "./discipline-filter";

const schema = disciplineFilterSchema("2026-11-27", "2026-07-01");
const refusal = (input: Record<string, string>) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? null : parsed.error.issues[0]!.message;
};

describe("disciplineFilterSchema", () => {
  it("leaves out what is blank or missing", () => {
    expect(schema.parse({})).toEqual({});
    expect(schema.parse({ period: "", province: " " })).toEqual({});
  });

  it("takes an ended period of either cadence and a province", () => {
    expect(schema.parse({ period: "2026-Q3", province: "340000" })).toEqual({ period: "2026-Q3", province: "340000" });
    expect(schema.parse({ period: "2026-10" })).toEqual({ period: "2026-10" });
  });

  it.each([
    [{ period: "2026-Q5" }, "periodUnknown"],
    [{ period: "2026-13" }, "periodUnknown"],
    [{ period: "last quarter" }, "periodUnknown"],
    [{ period: "2026-Q4" }, "periodNotEnded"],
    [{ period: "2026-Q2" }, "periodBeforeReporting"],
    [{ province: "33" }, "provinceUnknown"],
  ])("refuses %j with %s", (input, message) => {
    expect(refusal(input)).toBe(message);
  });

  it("reads the first value of repeated parameters", () => {
    expect(disciplineFilterValues({ period: ["2026-Q3", "2026-09"], asOf: "2026-10-31" })).toEqual({ period: "2026-Q3" });
  });
});
