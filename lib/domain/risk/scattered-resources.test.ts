import { describe, expect, it } from "vitest";
import type { FocusTag } from "../vocabulary";
import { checkScatteredResources, type ScaleCentreInput } from "./scattered-resources";
import { DEFAULT_THRESHOLDS } from "./thresholds";

const TODAY = "2026-11-27";
const YI = 100_000_000;
let seq = 0;
const centre = (provinceCode: string, plannedBudgetYuan: number, focusTags: FocusTag[] = ["finance"]): ScaleCentreInput => ({
  id: `c${++seq}`,
  provinceCode,
  plannedBudgetYuan,
  focusTags,
});
const reasons = (centres: ScaleCentreInput[]) => checkScatteredResources(centres, TODAY).map((f) => `${f.subject.ids[0]}:${f.values.primaryFocus ?? "scale"}`);

describe("scattered_resources", () => {
  it.each([
    // [budgets in 亿元, flagged] — "more than half" below 1 亿元
    [[0.5, 0.5, 0.5, 2, 2], true], // 3 of 5 = 60%
    [[0.5, 0.5, 2, 2], false], // 2 of 4 = 50%: not more than half
    [[0.99999999, 1], false], // 99,999,999 元 is below, 1 亿元 exactly is not: 1 of 2
    [[0.99999999, 0.99999999], true], // 2 of 2
    [[0.5], false], // a single centre is not judged on scale
    [[], false],
  ] as const)("budgets %j 亿元 → scale flag %s", (budgets, flagged) => {
    const centres = budgets.map((b) => centre("440000", Math.round(b * YI)));
    expect(reasons(centres).includes("440000:scale")).toBe(flagged);
  });

  it.each([
    // [primary tags, flagged tags]
    [["large_models", "large_models", "large_models"], "large_models"],
    [["large_models", "large_models", "ai_chips"], null],
    [["ai_chips", "ai_chips", "ai_chips", "large_models", "large_models", "large_models", "large_models"], "large_models,ai_chips"], // largest first
  ] as const)("primary focus %j → %s", (primaries, flagged) => {
    const flags = checkScatteredResources(primaries.map((tag) => centre("330000", 5 * YI, [tag])), TODAY);
    expect(flags.map((f) => f.values.primaryFocus)).toEqual(flagged === null ? [] : [flagged]);
  });

  it("counts only the first tag as the primary focus", () => {
    const centres = [centre("330000", 5 * YI, ["large_models"]), centre("330000", 5 * YI, ["ai_chips", "large_models"]), centre("330000", 5 * YI, ["finance", "large_models"])];
    expect(checkScatteredResources(centres, TODAY)).toEqual([]);
    expect(checkScatteredResources([centre("330000", 5 * YI, [])], TODAY)).toEqual([]);
  });

  it("gives one flag per province and reason, with its figures", () => {
    const centres = [
      centre("330000", 0.3 * YI, ["large_models", "finance"]),
      centre("330000", 0.8 * YI, ["large_models"]),
      centre("330000", 2 * YI, ["large_models", "education"]),
      centre("110000", 0.5 * YI, ["large_models"]), // another province: 1 centre, not flagged
    ];
    const flags = checkScatteredResources(centres, TODAY);
    expect(flags.map((f) => f.key)).toEqual(["scattered_resources|330000|below_scale", "scattered_resources|330000|same_primary_focus"]);
    const [scale, focus] = flags;
    expect(scale!.values).toMatchObject({ centres: 3, belowScale: 2, share: 0.6667, minScaleYuan: YI });
    expect(scale!.explanation.zh).toBe("本省 3 家中心中有 2 家（66.7%）计划投资低于 1亿元 的最低规模，超过 50%。");
    expect(scale!.explanation.en).toBe("2 of the province's 3 centres (66.7%) plan less than the minimum scale of CNY 100 m, more than 50%.");
    expect(focus!.values).toMatchObject({ primaryFocus: "large_models", counts: "3", largestCount: 3 });
    expect(focus!.explanation.zh).toBe("本省 3 家中心中，3 家以大模型为主攻方向，达到同一主攻方向 3 家的阈值。");
    expect(focus!.explanation.en).toContain("3 have large models as their primary focus");
  });

  it("uses an edited minimum scale", () => {
    const thresholds = { ...DEFAULT_THRESHOLDS, scattered: { ...DEFAULT_THRESHOLDS.scattered, minScaleYuan: 0.4 * YI } };
    const centres = [centre("320000", 0.5 * YI), centre("320000", 0.5 * YI)];
    expect(checkScatteredResources(centres, TODAY)).toHaveLength(1);
    expect(checkScatteredResources(centres, TODAY, thresholds)).toEqual([]);
  });
});
