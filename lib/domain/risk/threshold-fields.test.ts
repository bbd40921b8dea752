import { describe, expect, it } from "vitest";
import { THRESHOLD_FIELDS, THRESHOLD_KEYS, isWholeNumber, readThreshold, thresholdField, thresholdOrderViolations, withOverrides } from "./threshold-fields";
import { DEFAULT_THRESHOLDS } from "./thresholds";

describe("THRESHOLD_FIELDS", () => {
  it.each(THRESHOLD_FIELDS.map((f) => [f.key, f] as const))("%s: the default is a number within [min, max]", (key, field) => {
    const value = readThreshold(DEFAULT_THRESHOLDS, key);
    expect(typeof value).toBe("number");
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(field.min);
    expect(value).toBeLessThanOrEqual(field.max);
    expect(field.min).toBeLessThan(field.max);
    if (isWholeNumber(field)) expect(Number.isInteger(value)).toBe(true);
    // The default itself is on the step an administrator may enter.
    expect(Math.abs(value / field.step - Math.round(value / field.step))).toBeLessThan(1e-6);
  });

  it("lists every figure of the table exactly once (23 = 5 duplicate + 4 scattered + 4 conversion + 4 schedule + 1 milestone + 4 funding + 1 stale)", () => {
    const leaves = Object.entries(DEFAULT_THRESHOLDS).flatMap(([group, values]) => Object.keys(values as object).map((name) => `${group}.${name}`));
    expect(leaves).toHaveLength(23);
    expect([...THRESHOLD_KEYS].sort()).toEqual(leaves.sort());
    expect(new Set(THRESHOLD_KEYS).size).toBe(THRESHOLD_KEYS.length);
  });

  it("finds a field by key, and nothing for an unknown one", () => {
    expect(thresholdField("conversion.rate")).toMatchObject({ key: "conversion.rate", unit: "fraction", min: 0, max: 1, step: 0.001, defaultValue: 0.2 });
    expect(thresholdField("duplicate.idlePeriods")).toMatchObject({ key: "duplicate.idlePeriods", unit: "count", min: 1, max: 12, step: 1 });
    expect(thresholdField("schedule.centreRedBelowIndex")).toMatchObject({ unit: "index", defaultValue: 0.75, atMost: "schedule.centreAmberBelowIndex" });
    expect(thresholdField("duplicate.idleOccupancyRedBelowPercent")).toBeUndefined(); // removed: nothing reports rack occupancy
    expect(thresholdField("conversion.nope")).toBeUndefined();
    expect(thresholdField("")).toBeUndefined();
  });
});

describe("withOverrides", () => {
  it("applies stored values over the defaults", () => {
    const table = withOverrides(new Map([["conversion.rate", 0.1], ["stale.redMissedPeriods", 3]]));
    expect(table.conversion.rate).toBe(0.1);
    expect(table.stale.redMissedPeriods).toBe(3);
    // Everything else stays at its default.
    expect(table.conversion.enterpriseRate).toBe(0.3);
    expect(table.schedule).toEqual(DEFAULT_THRESHOLDS.schedule);
  });

  it("ignores unknown keys (a removed threshold left in the table)", () => {
    const table = withOverrides(new Map([["conversion.nope", 1], ["nope.rate", 2], ["conversion", 3]]));
    expect(table).toEqual(DEFAULT_THRESHOLDS);
    expect("nope" in table.conversion).toBe(false);
    expect("nope" in table).toBe(false);
  });

  it("ignores overrides stored for the removed rack-occupancy thresholds", () => {
    const table = withOverrides(new Map([["duplicate.idleOccupancyRedBelowPercent", 40], ["duplicate.idleOccupancyAmberBelowPercent", 70], ["conversion.rate", 0.1]]));
    expect(table.duplicate).toEqual(DEFAULT_THRESHOLDS.duplicate);
    expect("idleOccupancyRedBelowPercent" in table.duplicate).toBe(false);
    expect(table.conversion.rate).toBe(0.1);
    expect(thresholdOrderViolations(table)).toEqual([]);
  });

  it("gives a fresh copy for no overrides, equal to the defaults", () => {
    const table = withOverrides(new Map());
    expect(table).toEqual(DEFAULT_THRESHOLDS);
    expect(table).not.toBe(DEFAULT_THRESHOLDS);
    expect(table.conversion).not.toBe(DEFAULT_THRESHOLDS.conversion);
  });

  it("never changes DEFAULT_THRESHOLDS, which is frozen two levels deep", () => {
    withOverrides(new Map([["conversion.rate", 0.01], ["schedule.redBelowIndex", 0.5]]));
    expect(DEFAULT_THRESHOLDS.conversion.rate).toBe(0.2);
    expect(DEFAULT_THRESHOLDS.schedule.redBelowIndex).toBe(0.75);
    expect(Object.isFrozen(DEFAULT_THRESHOLDS)).toBe(true);
    for (const group of Object.values(DEFAULT_THRESHOLDS)) expect(Object.isFrozen(group)).toBe(true);
    expect(() => {
      (DEFAULT_THRESHOLDS.conversion as { rate: number }).rate = 0.5;
    }).toThrow(TypeError); // modules are strict mode: writing to a frozen object throws
    // The copy, by contrast, is an ordinary object an edit may change.
    const copy = withOverrides(new Map());
    copy.conversion.rate = 0.5;
    expect(copy.conversion.rate).toBe(0.5);
  });

  it("starts from the base it is given, without changing it", () => {
    const base = withOverrides(new Map([["conversion.rate", 0.1]]));
    const table = withOverrides(new Map([["conversion.minSample", 10]]), base);
    expect(table.conversion).toMatchObject({ rate: 0.1, minSample: 10 });
    expect(base.conversion.minSample).toBe(20);
  });
});

describe("thresholdOrderViolations", () => {
  it("finds none in the defaults", () => {
    expect(thresholdOrderViolations(DEFAULT_THRESHOLDS)).toEqual([]);
  });

  // [lower (red) key, upper (amber) key, upper's default]: the lower figure at the upper one is allowed,
  // below it allowed, above it a violation.
  it.each([
    ["schedule.redBelowIndex", "schedule.amberBelowIndex", 0.9],
    ["duplicate.idleUtilizationRedBelowPercent", "duplicate.idleUtilizationAmberBelowPercent", 50],
    ["schedule.centreRedBelowIndex", "schedule.centreAmberBelowIndex", 0.9],
    ["funding.amberElapsedShare", "funding.redElapsedShare", 0.75],
  ] as const)("%s ≤ %s (%s)", (low, high, upper) => {
    const at = (value: number) => thresholdOrderViolations(withOverrides(new Map([[low, value]])));
    expect(at(upper)).toEqual([]); // equal: allowed
    expect(at(upper - 0.01)).toEqual([]);
    expect(at(upper + 0.01)).toEqual([[low, high]]);
    // Moving the upper figure below the lower default breaks it from the other side.
    const lowDefault = readThreshold(DEFAULT_THRESHOLDS, low);
    expect(thresholdOrderViolations(withOverrides(new Map([[high, lowDefault]])))).toEqual([]);
    expect(thresholdOrderViolations(withOverrides(new Map([[high, lowDefault - 0.01]])))).toEqual([[low, high]]);
  });

  it("lists every broken pair, in table order", () => {
    const table = withOverrides(
      new Map([
        ["funding.amberElapsedShare", 0.9], // > redElapsedShare 0.75
        ["schedule.redBelowIndex", 0.95], // > amberBelowIndex 0.9
      ]),
    );
    expect(thresholdOrderViolations(table)).toEqual([
      ["schedule.redBelowIndex", "schedule.amberBelowIndex"],
      ["funding.amberElapsedShare", "funding.redElapsedShare"],
    ]);
  });
});
