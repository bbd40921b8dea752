// When will a target be reached at the current trend? An ordinary least-squares line through the
// approved values (value = a + b·t, t in days) gives the date, compared with the deadline. The
// schedule index drifts back to 1 near the end even for late work; this date does not.

import { addDays, daysBetween } from "./periods";
import { latestPoint, targetMet, type DatedValue, type TargetSpec } from "./progress";

export const FORECAST_RULES = {
  /** A trend needs points on at least this many distinct dates; two points always fit a line exactly. */
  minPoints: 3,
  /** A date further than this after the latest point (100 years) counts as never: not_reaching. */
  maxHorizonDays: 36_525,
} as const;

/** `slopePerDay` is the raw fitted slope (target unit per day), never rounded. */
export type Forecast =
  | { kind: "insufficient_data" }
  | { kind: "already_met"; slopePerDay: number | null; pointsUsed: number }
  | { kind: "not_reaching"; slopePerDay: number; pointsUsed: number }
  | { kind: "on_track"; forecastDate: string; slopePerDay: number; pointsUsed: number }
  | { kind: "late"; forecastDate: string; slopePerDay: number; pointsUsed: number; daysLate: number };

export interface LineFit {
  /** t = 0: the earliest point's date. */
  origin: string;
  intercept: number;
  slopePerDay: number;
}

/** OLS line value = intercept + slopePerDay · (days since origin), not rounded; null without two distinct dates. */
export function fitLine(points: readonly DatedValue[]): LineFit | null {
  if (points.length === 0) return null;
  const origin = points.reduce((min, p) => (p.date < min ? p.date : min), points[0]!.date);
  const ts = points.map((p) => daysBetween(origin, p.date));
  const tMean = ts.reduce((s, t) => s + t, 0) / ts.length;
  const vMean = points.reduce((s, p) => s + p.value, 0) / points.length;
  let sxx = 0;
  let sxy = 0;
  points.forEach((p, i) => {
    const dt = ts[i]! - tMean;
    sxx += dt * dt;
    sxy += dt * (p.value - vMean);
  });
  if (sxx === 0) return null;
  const slopePerDay = sxy / sxx;
  return { origin, intercept: vMean - slopePerDay * tMean, slopePerDay };
}

/**
 * Forecast of reaching the target from approved values (non-finite values skipped). already_met when
 * the latest point meets it (slope null under minPoints dates); insufficient_data under minPoints
 * distinct dates; not_reaching when the slope runs away from the target (≤ 0 for a rising or flat
 * target, ≥ 0 for a falling one) or the date lies beyond maxHorizonDays; otherwise the date the line
 * reaches the target, rounded up to a whole day (ceil, ignoring float noise under 1e-6 day) and no
 * earlier than the day after the latest point, on_track when on or before the deadline, else late
 * with daysLate > 0.
 */
export function forecastTarget(spec: Pick<TargetSpec, "baselineValue" | "targetValue" | "deadline">, points: readonly DatedValue[]): Forecast {
  const used = points.filter((p) => Number.isFinite(p.value));
  const latest = latestPoint(used);
  if (latest === undefined) return { kind: "insufficient_data" };
  const enoughDates = new Set(used.map((p) => p.date)).size >= FORECAST_RULES.minPoints;
  const fit = enoughDates ? fitLine(used) : null;
  const pointsUsed = used.length;
  if (targetMet(spec, latest.value)) return { kind: "already_met", slopePerDay: fit?.slopePerDay ?? null, pointsUsed };
  if (fit === null) return { kind: "insufficient_data" };

  const { origin, intercept, slopePerDay } = fit;
  const rising = spec.targetValue >= spec.baselineValue;
  if (rising ? slopePerDay <= 0 : slopePerDay >= 0) return { kind: "not_reaching", slopePerDay, pointsUsed };

  const latestDay = daysBetween(origin, latest.date);
  const hitDay = Math.max(Math.ceil((spec.targetValue - intercept) / slopePerDay - 1e-6), latestDay + 1);
  if (hitDay - latestDay > FORECAST_RULES.maxHorizonDays) return { kind: "not_reaching", slopePerDay, pointsUsed };

  const forecastDate = addDays(origin, hitDay);
  const daysLate = daysBetween(spec.deadline, forecastDate);
  if (daysLate > 0) return { kind: "late", forecastDate, slopePerDay, pointsUsed, daysLate };
  return { kind: "on_track", forecastDate, slopePerDay, pointsUsed };
}
