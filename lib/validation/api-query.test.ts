import { describe, expect, it } from "vitest";
import { asOfQuerySchema, centresQuerySchema, flagsQuerySchema, reportingQuerySchema } from "./api-query";

const TODAY = "2026-11-27";
const START = "2026-07-01";
const centres = centresQuerySchema(TODAY, START);
const flags = flagsQuerySchema(TODAY, START);
const reporting = reportingQuerySchema(TODAY, START);

/** The fields and reason codes a refused query names. */
const refusal = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => [i.path.join("."), i.message]);

describe("API query schemas", () => {
  it("page the lists by 50 from page 1 when left out or blank", () => {
    expect(centres.parse({})).toEqual({ page: 1, pageSize: 50 });
    expect(centres.parse({ page: "", pageSize: "" })).toEqual({ page: 1, pageSize: 50 });
    expect(flags.parse({})).toEqual({ show: "open", page: 1, pageSize: 50 });
  });

  it("take every filter", () => {
    expect(centres.parse({ province: "330000", status: "operational", tag: "large_models", city: "330100", flag: "any", page: "2", pageSize: "200", asOf: "2026-09-30" })).toEqual({
      province: "330000",
      status: "operational",
      tag: "large_models",
      city: "330100",
      flag: "any",
      page: 2,
      pageSize: 200,
      asOf: "2026-09-30",
    });
    expect(flags.parse({ province: "440000", code: "low_conversion", severity: "red", show: "all" })).toMatchObject({ province: "440000", code: "low_conversion", severity: "red", show: "all" });
  });

  it.each([
    [{ pageSize: "100000" }, [["pageSize", "tooBig"]]],
    [{ pageSize: "0" }, [["pageSize", "tooSmall"]]],
    [{ page: "-1" }, [["page", "tooSmall"]]],
    [{ page: "1.5" }, [["page", "integer"]]],
    [{ page: "abc" }, [["page", "number"]]],
    [{ status: "bogus" }, [["status", "invalid"]]],
    [{ province: "abc" }, [["province", "provinceCode"]]],
    [{ province: "330100" }, [["province", "provinceCode"]]],
    [{ city: "330000" }, [["city", "cityCode"]]],
    [{ flag: "red" }, [["flag", "invalid"]]],
    [{ status: "' OR 1=1 --" }, [["status", "invalid"]]],
    [{ province: "<script>alert(1)</script>" }, [["province", "provinceCode"]]],
    [{ asOf: "2030-01-01" }, [["asOf", "asOfNotPast"]]],
    [{ asOf: TODAY }, [["asOf", "asOfNotPast"]]],
    [{ asOf: "2026-06-30" }, [["asOf", "asOfBeforeReporting"]]],
    [{ asOf: "2026-09-31" }, [["asOf", "date"]]],
    [{ asOf: "2026-09-15" }, [["asOf", "asOfNotClose"]]],
    [{ pageSize: "x", status: "y" }, [["status", "invalid"], ["pageSize", "number"]]],
  ])("refuse the centre filter %j naming the field", (input, expected) => {
    expect(refusal(centres.safeParse(input))).toEqual(expected);
  });

  it.each([
    [{ code: "green" }, [["code", "invalid"]]],
    [{ severity: "green" }, [["severity", "invalid"]]],
    [{ show: "hidden" }, [["show", "invalid"]]],
  ])("refuse the flag filter %j", (input, expected) => {
    expect(refusal(flags.safeParse(input))).toEqual(expected);
  });

  it("takes an ended period not before reporting began, judged on the as-of day when one is given", () => {
    expect(reporting.parse({})).toEqual({});
    expect(reporting.parse({ period: "2026-Q3", province: "330000" })).toEqual({ period: "2026-Q3", province: "330000" });
    expect(reporting.parse({ period: "2026-08", asOf: "2026-09-30" })).toEqual({ period: "2026-08", asOf: "2026-09-30" });
    expect(refusal(reporting.safeParse({ period: "2026-Q4" }))).toEqual([["period", "periodNotEnded"]]);
    expect(refusal(reporting.safeParse({ period: "2026-Q3", asOf: "2026-08-31" }))).toEqual([["period", "periodNotEnded"]]);
    // Only the closes the picker offers: a day inside a period is refused before the period is judged.
    expect(refusal(reporting.safeParse({ period: "2026-Q3", asOf: "2026-09-15" }))).toEqual([["asOf", "asOfNotClose"]]);
    expect(refusal(reporting.safeParse({ period: "2026-Q2" }))).toEqual([["period", "periodBeforeReporting"]]);
    expect(refusal(reporting.safeParse({ period: "Q3" }))).toEqual([["period", "periodUnknown"]]);
    // The period is judged even when another field fails.
    expect(refusal(reporting.safeParse({ period: "Q3", province: "x" }))).toEqual([["province", "provinceCode"], ["period", "periodUnknown"]]);
  });

  it("takes the as-of day alone on the single-resource routes", () => {
    expect(asOfQuerySchema(TODAY, START).parse({ asOf: "2026-10-31" })).toEqual({ asOf: "2026-10-31" });
    expect(asOfQuerySchema(TODAY, START).parse({ asOf: "" })).toEqual({});
  });
});
