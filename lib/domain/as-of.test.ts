import { describe, expect, it } from "vitest";
import { asOfChoices, asOfCutoff, closedPeriod, previousClose } from "./as-of";

describe("asOfCutoff", () => {
  it("ends the Beijing day: 24:00 in UTC+8 is 16:00 UTC", () => {
    expect(asOfCutoff("2026-09-30")).toBe("2026-09-30T16:00:00.000Z");
    expect(asOfCutoff("2026-12-31")).toBe("2026-12-31T16:00:00.000Z");
  });
});

describe("asOfChoices", () => {
  it("lists the closes of ended months since reporting began, newest first, quarters by their quarter", () => {
    expect(asOfChoices("2026-07-01", "2026-11-27")).toEqual([
      { date: "2026-10-31", period: "2026-10" },
      { date: "2026-09-30", period: "2026-Q3" },
      { date: "2026-08-31", period: "2026-08" },
      { date: "2026-07-31", period: "2026-07" },
    ]);
  });

  it("does not offer the running month, even on its last day", () => {
    expect(asOfChoices("2026-07-01", "2026-08-31").map((c) => c.date)).toEqual(["2026-07-31"]);
    expect(asOfChoices("2026-07-01", "2026-07-31")).toEqual([]);
  });

  it("offers a month that ends after reporting began mid-month, and stops at the limit", () => {
    expect(asOfChoices("2026-07-15", "2026-08-01").map((c) => c.date)).toEqual(["2026-07-31"]);
    expect(asOfChoices("2020-01-01", "2026-11-27", 3).map((c) => c.period)).toEqual(["2026-10", "2026-Q3", "2026-08"]);
  });
});

describe("previousClose and closedPeriod", () => {
  it("closes the period before the running one", () => {
    expect(previousClose("2026-11-27", "quarterly")).toBe("2026-09-30");
    expect(previousClose("2026-11-27", "monthly")).toBe("2026-10-31");
    expect(previousClose("2026-01-01", "quarterly")).toBe("2025-12-31");
  });

  it("names the period a day closes, if any", () => {
    expect(closedPeriod("2026-09-30")).toBe("2026-Q3");
    expect(closedPeriod("2026-02-28")).toBe("2026-02");
    expect(closedPeriod("2026-09-29")).toBeUndefined();
  });
});
