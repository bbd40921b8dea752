import { describe, expect, it } from "vitest";
import { asOfSchema } from "./as-of";

// Reporting from 2026-07-01, today 2026-11-27: the picker offers 2026-10-31, 09-30 (Q3), 08-31, 07-31.
const schema = asOfSchema("2026-11-27", "2026-07-01");
const error = (asOf: unknown) => {
  const result = schema.safeParse({ asOf });
  return result.success ? undefined : result.error.issues.map((i) => i.message);
};

describe("asOfSchema", () => {
  it.each(["2026-10-31", "2026-09-30", "2026-08-31", "2026-07-31"])("accepts the close %s the picker offers", (asOf) => {
    expect(schema.parse({ asOf })).toEqual({ asOf });
  });

  it("accepts nothing (now)", () => {
    expect(schema.parse({})).toEqual({});
    expect(schema.parse({ asOf: "" })).toEqual({});
  });

  it.each([
    ["a day inside a period", "2026-09-15"],
    ["the first day of reporting", "2026-07-01"],
    ["yesterday", "2026-11-26"],
    ["a month's first day", "2026-10-01"],
  ])("refuses %s (%s) as not a close, with that reason only", (_, asOf) => {
    expect(error(asOf)).toEqual(["asOfNotClose"]);
  });

  it("refuses today, the future, days before reporting and malformed dates, each with its own reason", () => {
    expect(error("2026-11-27")).toEqual(["asOfNotPast"]);
    expect(error("2027-01-01")).toEqual(["asOfNotPast"]);
    expect(error("2026-06-30")).toEqual(["asOfBeforeReporting"]);
    expect(error("2026-02-30")?.[0]).toBe("date");
    expect(error("30/09/2026")?.[0]).toBe("date");
    expect(error("2026-09-30' OR 1=1")?.[0]).toBe("date");
  });
});
