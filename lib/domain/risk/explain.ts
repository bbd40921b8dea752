// Number formatting for flag explanations: measured percentages with one decimal ("3.3%"), thresholds as short as they can be
// ("20%", "7.5%"), amounts through lib/domain/format (亿元/万元, CNY bn/m).

import type { ThresholdUnit } from "@/lib/registry/thresholds";
import { cityName } from "../cities";
import { formatYuan } from "../format";
import type { FocusTag } from "../vocabulary";

/** A measured share as a percentage with one decimal: 0.0333 → "3.3%". */
export function pct(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** A threshold share as a percentage without trailing zeros: 0.2 → "20%", 0.075 → "7.5%". */
export function pctLimit(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** A figure already on the 0–100 scale, one decimal: 28 → "28.0%". */
export function percentFigure(percent: number): string {
  return `${(Math.round(percent * 10) / 10).toFixed(1)}%`;
}

/** A plain number with at most `digits` decimals: 0.6667 → "0.67". */
export function plain(value: number, digits = 2): string {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
}

/** Amounts as officials read them, the same formatter the pages use. */
export const yuanZh = (amount: number): string => formatYuan(amount, "zh");
export const yuanEn = (amount: number): string => formatYuan(amount, "en");

/**
 * A threshold as people read it, by its registry unit: a fraction as a percentage ("20%"), a 0–100
 * figure with "%", an amount in 万元/亿元, days with their word. Explanations and the admin page both
 * use it, so a threshold reads the same in a flag and where it is set.
 */
export function thresholdFigure(unit: ThresholdUnit, value: number, locale: "zh" | "en"): string {
  switch (unit) {
    case "fraction":
      return pctLimit(value);
    case "percent":
      return `${Math.round(value * 10) / 10}%`;
    case "yuan":
      return formatYuan(value, locale);
    case "days":
      return locale === "zh" ? `${value} 天` : `${value} days`;
    case "count":
      return String(value);
    case "index":
      return plain(value, 3);
    case "quantile":
      return plain(value, 6);
  }
}

/** Labels from the domain notes' focus-tag table (docs/domain.md, "Duplicate construction"). */
const TAG_LABELS: Record<FocusTag, { zh: string; en: string }> = {
  large_models: { zh: "大模型", en: "large models" },
  ai_chips: { zh: "智能芯片", en: "AI chips" },
  algorithm_frameworks: { zh: "算法框架", en: "algorithm frameworks" },
  compute_infrastructure: { zh: "智算基础设施", en: "compute infrastructure" },
  data_elements: { zh: "数据要素", en: "data resources" },
  smart_manufacturing: { zh: "智能制造", en: "smart manufacturing" },
  smart_city: { zh: "智慧城市", en: "smart cities" },
  embodied_ai: { zh: "具身智能", en: "embodied AI" },
  ai_for_science: { zh: "科学智能", en: "AI for Science" },
  healthcare: { zh: "医疗健康", en: "healthcare" },
  finance: { zh: "金融", en: "finance" },
  education: { zh: "教育", en: "education" },
};

/** A prefecture-level city as officials read it: its name with the GB/T 2260 code, e.g. 杭州市（330100）. */
export function cityLabel(code: string, locale: "zh" | "en"): string {
  const name = cityName(code);
  if (!name) return code;
  return locale === "zh" ? `${name}（${code}）` : `${name} (${code})`;
}

export function tagList(tags: readonly FocusTag[], locale: "zh" | "en"): string {
  return tags.map((tag) => TAG_LABELS[tag][locale]).join(locale === "zh" ? "、" : ", ");
}
