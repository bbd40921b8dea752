import { pct, pctLimit } from "./explain";
import { DEFAULT_THRESHOLDS, type RiskThresholds } from "./thresholds";
import { isBelow, makeFlag, round, type RiskFlag, type RiskSeverity } from "./types";
import { wilsonInterval } from "./wilson";

export interface ConversionInput {
  centreId: string;
  /** Cumulative results produced, from the latest approved update (null: not reported). */
  produced: number | null;
  /** Cumulative results converted, all five modes together, from the same update. */
  converted: number | null;
  /** Enterprise-led centres are held to the higher rate. */
  enterpriseLed: boolean;
  /** The update's period, kept as evidence. */
  period?: string | null;
}

/**
 * Converted ÷ produced below the threshold. Severity comes from the 95% Wilson interval: red when
 * even its upper bound is below the threshold, amber when only the point estimate is; with fewer
 * results than the minimum sample, an info flag saying the sample is too small to judge.
 * A rate at or above the threshold, or nothing produced yet, gives no flag.
 */
export function checkLowConversion(input: ConversionInput, _today: string, thresholds: RiskThresholds = DEFAULT_THRESHOLDS): RiskFlag[] {
  const { produced, converted } = input;
  if (produced === null || converted === null || produced <= 0 || converted < 0 || converted > produced) return [];
  const t = thresholds.conversion;
  const threshold = input.enterpriseLed ? t.enterpriseRate : t.rate;
  const rate = converted / produced;
  if (!isBelow(rate, threshold)) return [];

  const { low, high } = wilsonInterval(converted, produced, t.z);
  const insufficient = produced < t.minSample;
  const severity: RiskSeverity = insufficient ? "info" : isBelow(high, threshold) ? "red" : "amber";
  const values = {
    converted,
    produced,
    rate: round(rate),
    threshold,
    thresholdBasis: input.enterpriseLed ? "enterprise_led" : "default",
    wilsonLow: round(low),
    wilsonHigh: round(high),
    minSample: t.minSample,
    period: input.period ?? null,
  };

  const limitZh = `${pctLimit(threshold)} 的${input.enterpriseLed ? "企业牵头中心" : ""}阈值`;
  const limitEn = `the ${pctLimit(threshold)} threshold${input.enterpriseLed ? " for enterprise-led centres" : ""}`;
  const ratio = `${converted}/${produced}`;
  const explanation =
    severity === "info"
      ? {
          zh: `样本不足：仅产出 ${produced} 项成果（转化 ${converted} 项，转化率 ${pct(rate)}），少于 ${t.minSample} 项，暂不判断是否低于 ${limitZh}。`,
          en: `Insufficient sample: only ${produced} results produced (${converted} converted, ${pct(rate)}), fewer than ${t.minSample}, so the rate is not yet judged against ${limitEn}.`,
        }
      : severity === "red"
        ? {
            zh: `转化率 ${pct(rate)}（${ratio}），低于 ${limitZh}，95% 置信上限 ${pct(high)} 仍低于阈值。`,
            en: `Conversion rate ${pct(rate)} (${ratio}) is below ${limitEn}, and even the upper bound of its 95% confidence interval, ${pct(high)}, is below it.`,
          }
        : {
            zh: `转化率 ${pct(rate)}（${ratio}），低于 ${limitZh}，但 95% 置信上限 ${pct(high)} 未低于阈值，差距尚不确定。`,
            en: `Conversion rate ${pct(rate)} (${ratio}) is below ${limitEn}, but the upper bound of its 95% confidence interval, ${pct(high)}, is not, so the shortfall is not yet certain.`,
          };
  return [makeFlag("low_conversion", severity, { kind: "centre", ids: [input.centreId] }, values, explanation)];
}
