// A target's burn-up: the approved levels over time, the planned trajectory from the baseline to the
// target at the deadline (through the plan's checkpoints), and the forecast's straight line.

import { daysBetween } from "./periods";
import type { Forecast } from "./forecast";
import type { DatedValue, TargetSpec } from "./progress";

export interface BurnUp {
  actual: DatedValue[];
  planned: DatedValue[];
  /** From the last actual point along the fitted slope to the forecast date; empty without a dated forecast. */
  forecast: DatedValue[];
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function burnUp(spec: TargetSpec, series: readonly DatedValue[], forecast: Forecast): BurnUp {
  const checkpoints = (spec.checkpoints ?? []).filter((c) => c.date > spec.baselineDate && c.date < spec.deadline);
  const planned = [{ date: spec.baselineDate, value: spec.baselineValue }, ...[...checkpoints].sort((a, b) => a.date.localeCompare(b.date)), { date: spec.deadline, value: spec.targetValue }];
  const last = series.at(-1);
  let line: DatedValue[] = [];
  if (last && (forecast.kind === "on_track" || forecast.kind === "late")) {
    // The fitted line reaches the target on the forecast date with this slope; its value on the last
    // actual date follows from both (it need not equal the actual, a fit passes between points).
    const start = round(spec.targetValue - forecast.slopePerDay * daysBetween(last.date, forecast.forecastDate));
    line = [
      { date: last.date, value: start },
      { date: forecast.forecastDate, value: spec.targetValue },
    ];
  }
  return { actual: [...series], planned, forecast: line };
}

