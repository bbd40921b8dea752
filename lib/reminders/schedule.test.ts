import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { every } from "./schedule";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("every", () => {
  it("runs at once and then on each tick, skipping ticks while a run is still going, until stopped", async () => {
    const finish: (() => void)[] = [];
    let started = 0;
    const task = () =>
      new Promise<void>((resolve) => {
        started += 1;
        finish.push(resolve);
      });
    const stop = every(60_000, task, () => {});
    expect(started).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(started).toBe(1); // the first run has not finished: no overlap
    finish[0]!();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(started).toBe(2);
    finish[1]!();
    stop();
    await vi.advanceTimersByTimeAsync(180_000);
    expect(started).toBe(2);
  });

  it("reports a failed run and keeps going", async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const stop = every(1_000, async () => {
      runs += 1;
      throw new Error(`run ${runs}`);
    }, (e) => errors.push(e));
    await vi.advanceTimersByTimeAsync(1_000);
    stop();
    expect(runs).toBe(2);
    expect(errors.map((e) => (e as Error).message)).toEqual(["run 1", "run 2"]);
  });
});
