import { describe, expect, it } from "vitest";
import { asOfSchema } from "./as-of";

const schema = asOfSchema("2026-11-27", "2026-07-01");
const error = (asOf: unknown) => {
  const result = schema.safeParse({ asOf });
  return result.success ? undefined : result.error.issues[0]?.message;
};

describe("asOfSchema", () => {
  it("accepts a past day from reporting start, and nothing (now)", () => {
    expect(schema.parse({ asOf: "2026-09-30" })).toEqual({ asOf: "2026-09-30" });
    expect(schema.parse({ asOf: "2026-07-01" })).toEqual({ asOf: "2026-07-01" });
    expect(schema.parse({ asOf: "2026-11-26" })).toEqual({ asOf: "2026-11-26" });
    expect(schema.parse({})).toEqual({});
    expect(schema.parse({ asOf: "" })).toEqual({});
  });

  it("refuses today, the future, days before reporting and malformed dates, each with its reason", () => {
    expect(error("2026-11-27")).toBe("asOfNotPast");
    expect(error("2027-01-01")).toBe("asOfNotPast");
    expect(error("2026-06-30")).toBe("asOfBeforeReporting");
    expect(error("2026-02-30")).toBe("date");
    expect(error("30/09/2026")).toBe("date");
    expect(error("2026-09-30' OR 1=1")).toBe("date");
  });
});
