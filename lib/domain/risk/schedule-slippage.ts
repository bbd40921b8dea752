import { daysBetween } from "../periods";
import { plain } from "./explain";
import { DEFAULT_THRESHOLDS, type RiskThresholds } from "./thresholds";
import { isBelow, makeFlag, round, type ForecastOutcome, type RiskFlag, type RiskSeverity } from "./types";

export interface TargetScheduleInput {
  targetId: string;
  /** Actual ÷ planned-to-date on the target's trajectory (like earned value's SPI); null when unknown. */
  scheduleIndex: number | null;
  forecast: ForecastOutcome;
  /** Forecast date of reaching the target, when the forecast has one. */
  forecastDate: string | null;
  deadline: string;
}

/**
 * Schedule index below 0.9 amber, below 0.75 red. Because the index drifts back to 1 near the end
 * even for late work, a forecast of finishing late (or not at all) raises the flag to at least amber.
 * A target already met is never flagged.
 */
export function checkScheduleSlippage(input: TargetScheduleInput, _today: string, thresholds: RiskThresholds = DEFAULT_THRESHOLDS): RiskFlag[] {
  const { scheduleIndex: index, forecast, forecastDate, deadline } = input;
  if (forecast === "already_met") return [];
  const t = thresholds.schedule;
  const indexSeverity: RiskSeverity | null =
    index === null ? null : isBelow(index, t.redBelowIndex) ? "red" : isBelow(index, t.amberBelowIndex) ? "amber" : null;
  const forecastBehind = forecast === "late" || forecast === "not_reaching";
  const severity = indexSeverity ?? (forecastBehind ? "amber" : null);
  if (severity === null) return [];

  const daysLate = forecast === "late" && forecastDate !== null ? daysBetween(deadline, forecastDate) : null;
  const zh: string[] = [];
  const en: string[] = [];
  if (indexSeverity !== null && index !== null) {
    const limit = indexSeverity === "red" ? t.redBelowIndex : t.amberBelowIndex;
    zh.push(`进度指数 ${plain(index)}（实际值/截至今日计划值），低于 ${plain(limit)} 的${indexSeverity === "red" ? "红色" : ""}阈值`);
    en.push(`the schedule index (actual/planned to date) is ${plain(index)}, below the ${indexSeverity === "red" ? "red " : ""}threshold of ${plain(limit)}`);
  }
  if (forecast === "late") {
    const when = forecastDate ?? "—";
    zh.push(`预测完成日期 ${when} 晚于截止日期 ${deadline}${daysLate !== null ? `（晚 ${daysLate} 天）` : ""}`);
    en.push(`the forecast completion date ${when} is after the deadline ${deadline}${daysLate !== null ? ` (${daysLate} days late)` : ""}`);
  } else if (forecast === "not_reaching") {
    zh.push(`按当前趋势，截止日期 ${deadline} 前无法达到目标`);
    en.push(`at the current trend the target will not be reached by the deadline ${deadline}`);
  }
  const sentenceEn = en.join("; ");

  const values = {
    scheduleIndex: index === null ? null : round(index),
    amberBelowIndex: t.amberBelowIndex,
    redBelowIndex: t.redBelowIndex,
    forecast,
    forecastDate,
    deadline,
    daysLate,
  };
  const explanation = { zh: `${zh.join("；")}。`, en: `${sentenceEn.charAt(0).toUpperCase()}${sentenceEn.slice(1)}.` };
  return [makeFlag("schedule_slippage", severity, { kind: "target", ids: [input.targetId] }, values, explanation)];
}
