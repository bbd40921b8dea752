import { describe, expect, it } from "vitest";
import { FORECAST_RULES, fitLine, forecastTarget } from "./forecast";
import { addDays } from "./periods";
import type { DatedValue } from "./progress";

/** Points at these day offsets from 2026-01-01. */
const series = (...pairs: [day: number, value: number][]): DatedValue[] =>
  Object.freeze(pairs.map(([day, value]) => Object.freeze({ date: addDays("2026-01-01", day), value }))) as DatedValue[];

const rising = { baselineValue: 0, targetValue: 100, deadline: "2026-12-31" };
// 10, 20, 30 on days 0, 10, 20: value = 10 + 1·t, so 100 on day 90 = 2026-04-01.
const steady = series([0, 10], [10, 20], [20, 30]);

describe("fitLine", () => {
  it.each([
    ["no points", series(), null],
    ["one date only", series([5, 1], [5, 3]), null],
    ["two points: the line through them", series([0, 10], [10, 30]), { origin: "2026-01-01", intercept: 10, slopePerDay: 2 }],
    ["steady", steady, { origin: "2026-01-01", intercept: 10, slopePerDay: 1 }],
    // t̄ = 10, v̄ = 20; Sxy = (−10)(−10) + 0·10 + 10·0 = 100, Sxx = 200: b = 0.5, a = 20 − 0.5·10 = 15.
    ["noisy", series([0, 10], [10, 30], [20, 20]), { origin: "2026-01-01", intercept: 15, slopePerDay: 0.5 }],
    // Origin is the earliest date whatever the order listed.
    ["unordered", series([20, 30], [0, 10], [10, 20]), { origin: "2026-01-01", intercept: 10, slopePerDay: 1 }],
  ])("%s", (_, points, expected) => {
    const fit = fitLine(points);
    if (expected === null) return expect(fit).toBeNull();
    expect(fit?.origin).toBe(expected.origin);
    expect(fit?.intercept).toBeCloseTo(expected.intercept, 10);
    expect(fit?.slopePerDay).toBeCloseTo(expected.slopePerDay, 10);
  });
});

describe("forecastTarget", () => {
  it.each([
    ["steady, on track", rising, steady, { kind: "on_track", forecastDate: "2026-04-01", slopePerDay: 1, pointsUsed: 3 }],
    ["forecast on the deadline: on track", { ...rising, deadline: "2026-04-01" }, steady, { kind: "on_track", forecastDate: "2026-04-01", slopePerDay: 1, pointsUsed: 3 }],
    ["a day after the deadline: late", { ...rising, deadline: "2026-03-31" }, steady, { kind: "late", forecastDate: "2026-04-01", slopePerDay: 1, pointsUsed: 3, daysLate: 1 }],
    ["late by a month", { ...rising, deadline: "2026-03-01" }, steady, { kind: "late", forecastDate: "2026-04-01", slopePerDay: 1, pointsUsed: 3, daysLate: 31 }],
    // Deadline before any point: 2025-12-31 → 2026-04-01 is 91 days.
    ["deadline passed", { ...rising, deadline: "2025-12-31" }, steady, { kind: "late", forecastDate: "2026-04-01", slopePerDay: 1, pointsUsed: 3, daysLate: 91 }],
    // 100.5 = 10 + t → t = 90.5 → ceil 91 = 2026-04-02.
    ["rounded up to a whole day", { ...rising, targetValue: 100.5 }, steady, { kind: "on_track", forecastDate: "2026-04-02", slopePerDay: 1, pointsUsed: 3 }],
    // a = 15, b = 0.5 (see fitLine): (100 − 15) / 0.5 = 170 days → 2026-06-20.
    ["noisy", rising, series([0, 10], [10, 30], [20, 20]), { kind: "on_track", forecastDate: "2026-06-20", slopePerDay: 0.5, pointsUsed: 3 }],
    // t̄ = 10, v̄ = 50; Sxy = (−10)(−50) = 500, Sxx = 200: b = 2.5, a = 25; 60 at t = 14, before the
    // latest point (day 20, value 50 < 60): no earlier than the day after it, day 21 = 2026-01-22.
    ["line crosses before the latest point", { ...rising, targetValue: 60 }, series([0, 0], [10, 100], [20, 50]), { kind: "on_track", forecastDate: "2026-01-22", slopePerDay: 2.5, pointsUsed: 3 }],
    ["unordered input", rising, series([20, 30], [0, 10], [10, 20]), { kind: "on_track", forecastDate: "2026-04-01", slopePerDay: 1, pointsUsed: 3 }],
    ["non-finite values skipped", rising, series([0, 10], [10, Number.NaN], [10, 20], [20, 30]), { kind: "on_track", forecastDate: "2026-04-01", slopePerDay: 1, pointsUsed: 3 }],
    ["flat series", rising, series([0, 50], [10, 50], [20, 50]), { kind: "not_reaching", slopePerDay: 0, pointsUsed: 3 }],
    ["decreasing series", rising, series([0, 50], [10, 40], [20, 30]), { kind: "not_reaching", slopePerDay: -1, pointsUsed: 3 }],
    // Already met by the latest point (by date, whatever the order): needs no trend.
    ["met by the latest point, two points", rising, series([0, 90], [31, 100]), { kind: "already_met", slopePerDay: null, pointsUsed: 2 }],
    ["met, three points", rising, series([0, 80], [10, 90], [20, 100]), { kind: "already_met", slopePerDay: 1, pointsUsed: 3 }],
    ["exceeded, listed first", rising, series([20, 120], [0, 10], [10, 50]), { kind: "already_met", slopePerDay: 5.5, pointsUsed: 3 }], // v̄ = 60; Sxy = (−10)(−50) + 0 + 10·60 = 1100; / 200 = 5.5
    // Exceeded on day 10 but 90 on day 20: not met. v̄ = 73.33; Sxy = (−10)(−63.33) + 10·16.67 = 800, b = 4,
    // a = 73.33 − 40 = 33.33; 100 at t = 16.67, before the latest point: day 21 = 2026-01-22.
    ["met earlier, not at the latest point", rising, series([0, 10], [10, 120], [20, 90]), { kind: "on_track", forecastDate: "2026-01-22", slopePerDay: 4, pointsUsed: 3 }],
    ["no points", rising, series(), { kind: "insufficient_data" }],
    ["two points only", rising, series([0, 10], [10, 20]), { kind: "insufficient_data" }],
    ["three points on two dates", rising, series([0, 10], [0, 12], [10, 20]), { kind: "insufficient_data" }],
  ] as const)("%s", (_, spec, points, expected) => {
    const result = forecastTarget(spec, points);
    expect(result.kind).toBe(expected.kind);
    const { slopePerDay, ...rest } = { slopePerDay: undefined, ...expected };
    const { slopePerDay: actualSlope, ...actualRest } = { slopePerDay: undefined, ...result };
    expect(actualRest).toEqual(rest);
    if (slopePerDay === undefined || slopePerDay === null) expect(actualSlope).toBe(slopePerDay);
    else expect(actualSlope).toBeCloseTo(slopePerDay, 10);
  });

  describe("falling target (PUE 1.5 → 1.25 by 2026-12-31)", () => {
    const pue = { baselineValue: 1.5, targetValue: 1.25, deadline: "2026-12-31" };
    it.each([
      // 1.5, 1.45, 1.40 on days 0, 100, 200: b = −0.0005, a = 1.5; (1.25 − 1.5) / −0.0005 = 500 days →
      // 2027-05-16, 136 days after the deadline.
      ["slowly falling: late", series([0, 1.5], [100, 1.45], [200, 1.4]), { kind: "late", forecastDate: "2027-05-16", pointsUsed: 3, daysLate: 136 }],
      ["rising: not reaching", series([0, 1.5], [100, 1.55], [200, 1.6]), { kind: "not_reaching", pointsUsed: 3 }],
      ["already at 1.2", series([0, 1.5], [100, 1.3], [200, 1.2]), { kind: "already_met", pointsUsed: 3 }],
    ] as const)("%s", (_, points, expected) => {
      expect(forecastTarget(pue, points)).toMatchObject(expected);
    });
  });

  describe("horizon", () => {
    // value = t on days 0, 1, 2; latest on day 2. A target of 2 + 36525 is reached exactly at the horizon.
    const points = series([0, 0], [1, 1], [2, 2]);
    it.each([
      [2 + FORECAST_RULES.maxHorizonDays, "late"],
      [3 + FORECAST_RULES.maxHorizonDays, "not_reaching"],
    ] as const)("target %d → %s", (targetValue, kind) => {
      expect(forecastTarget({ ...rising, targetValue }, points).kind).toBe(kind);
    });
  });

  it("forecasts the exact date of a perfectly linear series (property over 300 generated series)", () => {
    // A deterministic linear congruential generator, so a failure can be replayed.
    let seed = 20260101;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 300; run += 1) {
      const origin = addDays("2020-01-01", rand(3650));
      const direction = rand(2) === 0 ? 1 : -1;
      const slope = (direction * (1 + rand(9999))) / 7; // e.g. 1428.57…/day: no exact binary fraction
      const start = rand(100_000) / 3;
      const days = [0];
      for (let i = 1, n = 3 + rand(6); i < n; i += 1) days.push(days[i - 1]! + 1 + rand(120));
      const hit = days.at(-1)! + 1 + rand(2000); // a day after the latest point
      const points = days.map((d) => ({ date: addDays(origin, d), value: start + slope * d }));
      const spec = { baselineValue: start, targetValue: start + slope * hit, deadline: addDays(origin, hit + rand(3) - 1) };
      const result = forecastTarget(spec, points);
      const expectedDate = addDays(origin, hit);
      expect(result).toMatchObject({ forecastDate: expectedDate, pointsUsed: days.length });
      expect(result.kind).toBe(expectedDate <= spec.deadline ? "on_track" : "late");
    }
  });
});
