import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "./thresholds";
import { compareFlags, flagKey, isAbove, isAtLeast, isBelow, makeFlag, type RiskFlag, type RiskSeverity } from "./types";

const flag = (severity: RiskSeverity, code: RiskFlag["code"], ids: string[]): RiskFlag =>
  makeFlag(code, severity, { kind: "centre", ids }, {}, { zh: "", en: "" });

describe("flag keys and order", () => {
  it.each([
    ["low_conversion", ["c1"], undefined, "low_conversion|c1"],
    ["duplicate_construction", ["z", "a"], "same_city_focus", "duplicate_construction|a,z|same_city_focus"],
    ["overdue_milestone", ["c1"], "m7", "overdue_milestone|c1|m7"],
  ] as const)("%s %j %s → %s", (code, ids, discriminator, key) => {
    expect(flagKey(code, ids, discriminator)).toBe(key);
  });

  it("sorts subject ids and leaves the caller's array alone", () => {
    const ids = ["b", "a"];
    expect(flag("red", "low_conversion", ids).subject.ids).toEqual(["a", "b"]);
    expect(ids).toEqual(["b", "a"]);
  });

  it("orders red, amber, info, then code, then key", () => {
    const flags = [
      flag("info", "low_conversion", ["a"]),
      flag("amber", "stale_reporting", ["a"]),
      flag("red", "stale_reporting", ["b"]),
      flag("amber", "funding_under_execution", ["z"]),
      flag("red", "stale_reporting", ["a"]),
    ];
    expect(flags.sort(compareFlags).map((f) => `${f.severity} ${f.key}`)).toEqual([
      "red stale_reporting|a",
      "red stale_reporting|b",
      "amber funding_under_execution|z",
      "amber stale_reporting|a",
      "info low_conversion|a",
    ]);
  });

  it("compares on a threshold as written despite binary fractions", () => {
    expect(0.7 * 0.75 < 0.525).toBe(true); // the trap: 0.5249999999999999
    expect(isBelow(0.525, 0.7 * 0.75)).toBe(false);
    expect(isAtLeast(3 / 10, 0.3)).toBe(true);
    expect(isAtLeast(0.2999, 0.3)).toBe(false);
    expect(isAbove(0.5, 0.5)).toBe(false);
    expect(isAbove(0.5001, 0.5)).toBe(true);
  });
});

describe("DEFAULT_THRESHOLDS", () => {
  it("cannot be edited in place: an admin's table is a copy", () => {
    expect(() => {
      (DEFAULT_THRESHOLDS.conversion as { rate: number }).rate = 0.5;
    }).toThrow(TypeError);
    expect(DEFAULT_THRESHOLDS.conversion.rate).toBe(0.2);
  });
});
