import { describe, expect, it } from "vitest";
import { FOCUS_TAGS, type FocusTag } from "../vocabulary";
import { checkDuplicateConstruction, leadKey, type DuplicateCentreInput } from "./duplicate-construction";
import { jaccard } from "./tag-overlap";
import { DEFAULT_THRESHOLDS } from "./thresholds";

const TODAY = "2026-11-27";
/** The first n tags of the vocabulary, offset by `from`: tags(3) = large_models, ai_chips, algorithm_frameworks. */
const tags = (n: number, from = 0): FocusTag[] => FOCUS_TAGS.slice(from, from + n);
const centre = (id: string, over: Partial<DuplicateCentreInput> = {}): DuplicateCentreInput => ({
  id,
  provinceCode: "330000",
  cityCode: "330100",
  leadInstitution: `${id} 研究院`,
  status: "operational",
  focusTags: tags(2),
  ...over,
});
const run = (centres: DuplicateCentreInput[]) => checkDuplicateConstruction(centres, TODAY);

describe("jaccard", () => {
  it.each([
    [tags(2), tags(4), 0.5], // 2 shared of 4
    [tags(8), tags(8, 3), 5 / 11], // 5 shared of 11: the closest below 0.5 that 12 tags allow (0.4545)
    [tags(6), [...tags(3), ...tags(4, 6)], 0.3], // 3 shared of 10
    [tags(4), [...tags(2), ...tags(3, 4)], 2 / 7], // 2 shared of 7: 0.2857
    [tags(1), tags(1, 1), 0],
    [[], [], 0],
    [["finance", "finance"], ["finance"], 1], // duplicates ignored
  ] as const)("%j vs %j = %f", (a, b, value) => {
    expect(jaccard(a, b)).toBeCloseTo(value, 12);
  });
});

describe("duplicate_construction: same city, same focus", () => {
  it.each([
    // [tags of A, tags of B, severity] — same city, different leads
    [tags(2), tags(4), "amber"], // Jaccard exactly 0.5 fires
    [tags(8), tags(8, 3), null], // 0.4545 does not
    [tags(3), tags(3), "amber"], // identical focus
    [tags(2), tags(2, 2), null], // nothing shared
  ] as const)("%j vs %j → %s", (a, b, severity) => {
    const flags = run([centre("a", { focusTags: a }), centre("b", { focusTags: b })]);
    expect(flags.map((f) => f.severity)).toEqual(severity === null ? [] : [severity]);
  });

  it("turns red with a shared lead (by normalized name or credit code) or a shared main funder", () => {
    const sameName = run([centre("a", { leadInstitution: "粤智研究院（示例）" }), centre("b", { leadInstitution: " 粤智研究院(示例)" })]);
    expect(sameName.map((f) => [f.severity, f.values.sharedLead])).toEqual([["red", "粤智研究院（示例）"]]);
    const sameCode = run([centre("a", { leadCreditCode: "91440300MA5XXXXXX1" }), centre("b", { leadCreditCode: "91440300ma5xxxxxx1" })]);
    expect(sameCode[0]!.severity).toBe("red");
    const sameFunder = run([centre("a", { mainFunder: "省产业基金" }), centre("b", { mainFunder: "省产业基金" })]);
    expect(sameFunder.map((f) => [f.severity, f.values.sharedFunder, f.values.sharedLead])).toEqual([["red", "省产业基金", null]]);
    const oneFunder = run([centre("a", { mainFunder: "省产业基金" }), centre("b")]);
    expect(oneFunder[0]!.severity).toBe("amber");
  });

  it("compares only within one city, one flag per pair with sorted ids", () => {
    expect(run([centre("a"), centre("b", { cityCode: "330200", provinceCode: "330000" })])).toEqual([]);
    const flags = run([centre("z"), centre("m"), centre("a"), centre("x", { cityCode: "330200" })]);
    expect(flags.map((f) => f.key)).toEqual([
      "duplicate_construction|m,z|same_city_focus",
      "duplicate_construction|a,z|same_city_focus",
      "duplicate_construction|a,m|same_city_focus",
    ]);
    expect(flags[0]!.subject).toEqual({ kind: "centre_pair", ids: ["m", "z"] });
  });

  it("states the city, the overlap and the shared lead", () => {
    const [flag] = run([centre("a", { focusTags: tags(3), leadInstitution: "某大学" }), centre("b", { focusTags: tags(2), leadInstitution: "某大学" })]);
    expect(flag!.values).toEqual({
      rule: "same_city_focus",
      cityCode: "330100",
      jaccard: 0.6667,
      sharedTags: "large_models,ai_chips",
      sharedTagCount: 2,
      unionTagCount: 3,
      jaccardThreshold: 0.5,
      sharedLead: "某大学",
      sharedFunder: null,
    });
    expect(flag!.explanation.zh).toBe("两家中心位于同一地级市杭州市（330100），关注领域 Jaccard 重合度 0.67（共同 2 项：大模型、智能芯片；合计 3 项），达到 0.5 的阈值，且牵头单位相同（某大学）。");
    expect(flag!.explanation.en).toBe(
      "Both centres are in the same prefecture-level city, 杭州市 (330100), and their focus tags overlap with Jaccard 0.67 (2 shared: large models, AI chips; 3 in all), at or above the 0.5 threshold, and they share the lead institution (某大学).",
    );
  });
});

describe("duplicate_construction: one lead, several centres", () => {
  const lead = { leadInstitution: "粤智工业人工智能研究院（示例）", provinceCode: "440000" };
  it.each([
    // [tags of A, tags of B, flagged] — same lead, same province, different cities
    [tags(6), [...tags(3), ...tags(4, 6)], true], // Jaccard exactly 0.3 fires
    [tags(4), [...tags(2), ...tags(3, 4)], false], // 2/7 = 0.2857 does not
  ] as const)("%j vs %j → %s", (a, b, flagged) => {
    const flags = run([centre("a", { ...lead, cityCode: "440600", focusTags: a }), centre("b", { ...lead, cityCode: "441900", focusTags: b })]);
    expect(flags.map((f) => `${f.severity}:${f.values.rule}`)).toEqual(flagged ? ["amber:same_lead"] : []);
  });

  it("ignores the same lead in different provinces", () => {
    expect(run([centre("a", { ...lead, cityCode: "440600" }), centre("b", { ...lead, provinceCode: "330000", cityCode: "330100" })])).toEqual([]);
  });

  it("leaves a pair to the same-city rule when that fires, but catches a same-city pair below its threshold", () => {
    const sameCity = run([centre("a", { ...lead, cityCode: "440600" }), centre("b", { ...lead, cityCode: "440600" })]);
    expect(sameCity.map((f) => `${f.severity}:${f.values.rule}`)).toEqual(["red:same_city_focus"]);
    // Jaccard 0.4 (2 of 5): below 0.5, at or above 0.3.
    const looser = run([centre("a", { ...lead, cityCode: "440600", focusTags: tags(3) }), centre("b", { ...lead, cityCode: "440600", focusTags: [...tags(2), ...tags(2, 5)] })]);
    expect(looser.map((f) => `${f.severity}:${f.values.rule}`)).toEqual(["amber:same_lead"]);
    expect(looser[0]!.explanation.zh).toBe(
      "粤智工业人工智能研究院（示例） 在同一省份（440000）牵头两家中心，关注领域 Jaccard 重合度 0.4（共同 2 项：大模型、智能芯片；合计 5 项），达到 0.3 的阈值。",
    );
  });

  it("identifies a lead by credit code when it has one", () => {
    expect(leadKey({ leadInstitution: "甲", leadCreditCode: "91X" })).toBe(leadKey({ leadInstitution: "乙", leadCreditCode: "91x" }));
    expect(leadKey({ leadInstitution: "甲 大学" })).toBe(leadKey({ leadInstitution: "甲大学", leadCreditCode: null }));
  });
});

describe("duplicate_construction: thresholds and empty input", () => {
  it("returns nothing for no centres or one", () => {
    expect(run([])).toEqual([]);
    expect(run([centre("a")])).toEqual([]);
  });

  it("uses an edited threshold table", () => {
    const thresholds = { ...DEFAULT_THRESHOLDS, duplicate: { ...DEFAULT_THRESHOLDS.duplicate, sameCityJaccard: 0.45 } };
    const pair = [centre("a", { focusTags: tags(8) }), centre("b", { focusTags: tags(8, 3) })]; // 0.4545
    expect(checkDuplicateConstruction(pair, TODAY, thresholds)).toHaveLength(1);
  });
});
