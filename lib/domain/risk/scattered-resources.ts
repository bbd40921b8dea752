import { FOCUS_TAGS, type FocusTag } from "../vocabulary";
import { pct, pctLimit, tagList, yuanEn, yuanZh } from "./explain";
import { DEFAULT_THRESHOLDS, type RiskThresholds } from "./thresholds";
import { groupBy, isAbove, makeFlag, round, type RiskFlag } from "./types";

export interface ScaleCentreInput {
  id: string;
  provinceCode: string;
  plannedBudgetYuan: number;
  /** Position 0 is the primary focus. */
  focusTags: readonly FocusTag[];
}

/**
 * Per province, at most one flag per reason, both amber:
 * - `below_scale`: more than half the centres plan less than the minimum scale (default 1 亿元);
 *   provinces with fewer than `minCentresForScale` centres are not judged on this;
 * - `same_primary_focus`: at least 3 centres share their primary (first) focus tag; every tag that
 *   reaches the count is listed in the one flag.
 * One pass to group by province, one per province: O(N).
 */
export function checkScatteredResources(
  centres: readonly ScaleCentreInput[],
  _today: string,
  thresholds: RiskThresholds = DEFAULT_THRESHOLDS,
): RiskFlag[] {
  const t = thresholds.scattered;
  const flags: RiskFlag[] = [];
  for (const [province, group] of groupBy(centres, (centre) => centre.provinceCode)) {
    const total = group.length;
    const small = group.filter((centre) => centre.plannedBudgetYuan < t.minScaleYuan);
    const share = small.length / total;
    if (total >= t.minCentresForScale && isAbove(share, t.belowScaleShare)) {
      const values = {
        centres: total,
        belowScale: small.length,
        share: round(share),
        minScaleYuan: t.minScaleYuan,
        belowScaleShare: t.belowScaleShare,
        belowScaleIds: small.map((centre) => centre.id).sort().join(","),
      };
      const explanation = {
        zh: `本省 ${total} 家中心中有 ${small.length} 家（${pct(share)}）计划投资低于 ${yuanZh(t.minScaleYuan)} 的最低规模，超过 ${pctLimit(t.belowScaleShare)}。`,
        en: `${small.length} of the province's ${total} centres (${pct(share)}) plan less than the minimum scale of ${yuanEn(t.minScaleYuan)}, more than ${pctLimit(t.belowScaleShare)}.`,
      };
      flags.push(makeFlag("scattered_resources", "amber", { kind: "province", ids: [province] }, values, explanation, "below_scale"));
    }

    const counts = new Map<FocusTag, number>();
    for (const centre of group) {
      const primary = centre.focusTags[0];
      if (primary !== undefined) counts.set(primary, (counts.get(primary) ?? 0) + 1);
    }
    // Largest first, then vocabulary order, so the listing is stable.
    const crowded = [...counts]
      .filter(([, count]) => count >= t.samePrimaryFocusCount)
      .sort(([tagA, a], [tagB, b]) => b - a || FOCUS_TAGS.indexOf(tagA) - FOCUS_TAGS.indexOf(tagB));
    if (crowded.length > 0) {
      const tags = crowded.map(([tag]) => tag);
      const values = {
        centres: total,
        primaryFocus: tags.join(","),
        counts: crowded.map(([, count]) => count).join(","),
        largestCount: crowded[0]![1],
        samePrimaryFocusCount: t.samePrimaryFocusCount,
      };
      const zhParts = crowded.map(([tag, count]) => `${count} 家以${tagList([tag], "zh")}`).join("、");
      const enParts = crowded.map(([tag, count]) => `${count} have ${tagList([tag], "en")}`).join(" and ");
      const explanation = {
        zh: `本省 ${total} 家中心中，${zhParts}为主攻方向，达到同一主攻方向 ${t.samePrimaryFocusCount} 家的阈值。`,
        en: `Of the province's ${total} centres, ${enParts} as their primary focus, at or above the threshold of ${t.samePrimaryFocusCount} sharing one primary focus.`,
      };
      flags.push(makeFlag("scattered_resources", "amber", { kind: "province", ids: [province] }, values, explanation, "same_primary_focus"));
    }
  }
  return flags;
}
