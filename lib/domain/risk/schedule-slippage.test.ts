import { describe, expect, it } from "vitest";
import { checkScheduleSlippage, type TargetScheduleInput } from "./schedule-slippage";
import type { ForecastOutcome } from "./types";

const TODAY = "2026-11-27";
const base: TargetScheduleInput = { targetId: "t1", scheduleIndex: null, forecast: "on_track", forecastDate: null, deadline: "2026-12-31" };
const run = (scheduleIndex: number | null, forecast: ForecastOutcome, forecastDate: string | null = null) =>
  checkScheduleSlippage({ ...base, scheduleIndex, forecast, forecastDate }, TODAY);

describe("schedule_slippage", () => {
  it.each([
    // [index, forecast, severity]
    [0.9, "on_track", null], // not below 0.9
    [0.8999, "on_track", "amber"],
    [0.75, "on_track", "amber"], // not below 0.75
    [0.7499, "on_track", "red"],
    [1.02, "late", "amber"], // the index has drifted back but the forecast is late
    [null, "late", "amber"],
    [0.95, "not_reaching", "amber"],
    [0.7, "late", "red"],
    [0.8, "not_reaching", "amber"],
    [0.5, "already_met", null],
    [null, "insufficient_data", null],
    [null, "on_track", null],
    [0.6, "insufficient_data", "red"],
  ] as const)("index %s, forecast %s → %s", (index, forecast, severity) => {
    expect(run(index, forecast).map((f) => f.severity)).toEqual(severity === null ? [] : [severity]);
  });

  it("states both the index and the late forecast", () => {
    // 2026-12-31 → 2027-03-01: 31 (Jan) + 28 (Feb) + 1 = 60 days late.
    const [flag] = run(0.72, "late", "2027-03-01");
    expect(flag).toMatchObject({
      key: "schedule_slippage|t1",
      subject: { kind: "target", ids: ["t1"] },
      values: { scheduleIndex: 0.72, redBelowIndex: 0.75, forecast: "late", forecastDate: "2027-03-01", deadline: "2026-12-31", daysLate: 60 },
    });
    expect(flag!.explanation.zh).toBe("进度指数 0.72（实际值/截至今日计划值），低于 0.75 的红色阈值；预测完成日期 2027-03-01 晚于截止日期 2026-12-31（晚 60 天）。");
    expect(flag!.explanation.en).toBe(
      "The schedule index (actual/planned to date) is 0.72, below the red threshold of 0.75; the forecast completion date 2027-03-01 is after the deadline 2026-12-31 (60 days late).",
    );
  });

  it("states a forecast that never reaches the target", () => {
    const [flag] = run(0.95, "not_reaching");
    expect(flag!.explanation.zh).toBe("按当前趋势，截止日期 2026-12-31 前无法达到目标。");
    expect(flag!.explanation.en).toBe("At the current trend the target will not be reached by the deadline 2026-12-31.");
    expect(flag!.values.daysLate).toBeNull();
  });

  it("states an amber index alone", () => {
    expect(run(0.85, "on_track")[0]!.explanation.zh).toBe("进度指数 0.85（实际值/截至今日计划值），低于 0.9 的阈值。");
  });
});
