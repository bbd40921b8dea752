import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson";

const Z = 1.959964; // z² = 3.841459

describe("wilsonInterval", () => {
  // Hand computation: d = 1 + z²/n, centre = (p + z²/2n)/d, half = z·√(p(1−p)/n + z²/4n²)/d.
  it.each([
    // 2/20: p 0.1, d 1.192073, centre 0.196036/1.192073 = 0.164450, half 1.959964·√(0.0045 + 0.00240091)/d = 0.136584.
    [2, 20, 0.027866, 0.301034],
    // 10/100: p 0.1, d 1.038415, centre 0.119207/1.038415 = 0.114797, half 1.959964·√(0.0009 + 0.00009604)/d = 0.059568.
    [10, 100, 0.055229, 0.174366],
    // 6/180: p 0.033333, d 1.021341, centre 0.044004/1.021341 = 0.043085, half 0.027720.
    [6, 180, 0.015365, 0.070804],
    // 0/20: upper bound reduces to z²/(n + z²) = 3.841459/23.841459 = 0.161125.
    [0, 20, 0, 0.161125],
    // 20/20: lower bound n/(n + z²) = 20/23.841459 = 0.838875.
    [20, 20, 0.838875, 1],
  ])("%i of %i → [%f, %f]", (successes, trials, low, high) => {
    const interval = wilsonInterval(successes, trials, Z);
    expect(interval.low).toBeCloseTo(low, 5);
    expect(interval.high).toBeCloseTo(high, 5);
  });

  it.each([
    [1, 0],
    [-1, 10],
    [11, 10],
  ])("refuses %i of %i", (successes, trials) => {
    expect(() => wilsonInterval(successes, trials, Z)).toThrow(RangeError);
  });
});
