import { cityLabel, plain, tagList } from "./explain";
import { checkIdleButExpanding, type ComputeCentreInput } from "./idle-compute";
import { overlappingPairs, type TagOverlap } from "./tag-overlap";
import { DEFAULT_THRESHOLDS, type RiskThresholds } from "./thresholds";
import { groupBy, makeFlag, round, type RiskFlag } from "./types";

export interface DuplicateCentreInput extends ComputeCentreInput {
  provinceCode: string;
  leadInstitution: string;
  /** 统一社会信用代码 of the lead, when known: it identifies the lead better than its name. */
  leadCreditCode?: string | null;
  /** Main funder, when recorded. */
  mainFunder?: string | null;
}

/** Names compared after NFKC (full-width brackets → ASCII) with all whitespace removed. */
function normalized(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "");
}

/** The lead's identity: its credit code when known, otherwise its normalized name. */
export function leadKey(centre: Pick<DuplicateCentreInput, "leadInstitution" | "leadCreditCode">): string {
  return centre.leadCreditCode ? `code:${centre.leadCreditCode.trim().toUpperCase()}` : `name:${normalized(centre.leadInstitution)}`;
}

const pairId = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);

function overlapValues(pair: TagOverlap<DuplicateCentreInput>, threshold: number) {
  return {
    jaccard: round(pair.jaccard),
    sharedTags: pair.shared.join(","),
    sharedTagCount: pair.shared.length,
    unionTagCount: pair.unionSize,
    jaccardThreshold: threshold,
  };
}

function overlapText(pair: TagOverlap<DuplicateCentreInput>, threshold: number) {
  const n = pair.shared.length;
  return {
    zh: `关注领域 Jaccard 重合度 ${plain(pair.jaccard)}（共同 ${n} 项：${tagList(pair.shared, "zh")}；合计 ${pair.unionSize} 项），达到 ${plain(threshold)} 的阈值`,
    en: `focus tags overlap with Jaccard ${plain(pair.jaccard)} (${n} shared: ${tagList(pair.shared, "en")}; ${pair.unionSize} in all), at or above the ${plain(threshold)} threshold`,
  };
}

/**
 * Figures and wording of an overlap, which depend only on the shared tags and the union size: made
 * once per combination and reused, since a national run flags tens of thousands of pairs over a few
 * hundred combinations.
 */
function overlapDescriber(threshold: number) {
  const made = new Map<string, { values: ReturnType<typeof overlapValues>; text: ReturnType<typeof overlapText> }>();
  return (pair: TagOverlap<DuplicateCentreInput>) => {
    const key = `${pair.unionSize}|${pair.shared.join(",")}`;
    let described = made.get(key);
    if (!described) {
      described = { values: overlapValues(pair, threshold), text: overlapText(pair, threshold) };
      made.set(key, described);
    }
    return described;
  };
}

/**
 * Duplicate construction (重复建设), one flag per pair and finding, subject `centre_pair`:
 * - `same_city_focus`: same prefecture-level city and focus-tag Jaccard ≥ 0.5 → amber; red when the
 *   two also share the lead institution or the main funder;
 * - `same_lead`: one lead institution leads both centres in one province with Jaccard ≥ 0.3 → amber;
 *   not emitted for a pair already flagged `same_city_focus` (that flag is then red and says so);
 * - `idle_expanding`: see `checkIdleButExpanding`.
 * Never all pairs across the country: centres are grouped by city (and by province + lead), and
 * within a group only pairs sharing a tag are compared (see `overlappingPairs`). With N centres,
 * grouping is O(N) and comparison O(Σ_group Σ_tag k²) for k centres of one group carrying one tag.
 */
export function checkDuplicateConstruction(
  centres: readonly DuplicateCentreInput[],
  _today: string,
  thresholds: RiskThresholds = DEFAULT_THRESHOLDS,
): RiskFlag[] {
  const t = thresholds.duplicate;
  const flags: RiskFlag[] = [];
  const sameCityPairs = new Set<string>();
  // Normalizing names is the costliest step per pair: do it once per centre.
  const leads = new Map(centres.map((centre) => [centre, leadKey(centre)]));
  const funders = new Map(centres.map((centre) => [centre, centre.mainFunder ? normalized(centre.mainFunder) : null]));
  const sharedFunder = (a: DuplicateCentreInput, b: DuplicateCentreInput) => {
    const funder = funders.get(a);
    return funder && funder === funders.get(b) ? (a.mainFunder ?? null) : null;
  };

  const describeCityOverlap = overlapDescriber(t.sameCityJaccard);
  const describeLeadOverlap = overlapDescriber(t.sameLeadJaccard);
  for (const [cityCode, group] of groupBy(centres, (centre) => centre.cityCode)) {
    if (group.length < 2) continue;
    for (const pair of overlappingPairs(group, t.sameCityJaccard)) {
      const lead = leads.get(pair.a) === leads.get(pair.b) ? pair.a.leadInstitution : null;
      const funder = sharedFunder(pair.a, pair.b);
      const severity = lead !== null || funder !== null ? "red" : "amber";
      const { values: overlapFigures, text: overlap } = describeCityOverlap(pair);
      const alsoZh = lead !== null ? `，且牵头单位相同（${lead}）` : funder !== null ? `，且主要出资方相同（${funder}）` : "";
      const alsoEn = lead !== null ? `, and they share the lead institution (${lead})` : funder !== null ? `, and they share the main funder (${funder})` : "";
      const values = { rule: "same_city_focus", cityCode, ...overlapFigures, sharedLead: lead, sharedFunder: funder };
      const explanation = {
        zh: `两家中心位于同一地级市${cityLabel(cityCode, "zh")}，${overlap.zh}${alsoZh}。`,
        en: `Both centres are in the same prefecture-level city, ${cityLabel(cityCode, "en")}, and their ${overlap.en}${alsoEn}.`,
      };
      const ids = [pair.a.id, pair.b.id];
      sameCityPairs.add(pairId(pair.a.id, pair.b.id));
      flags.push(makeFlag("duplicate_construction", severity, { kind: "centre_pair", ids }, values, explanation, "same_city_focus"));
    }
  }

  for (const group of groupBy(centres, (centre) => `${centre.provinceCode}|${leads.get(centre)}`).values()) {
    if (group.length < 2) continue;
    for (const pair of overlappingPairs(group, t.sameLeadJaccard)) {
      if (sameCityPairs.has(pairId(pair.a.id, pair.b.id))) continue;
      const ids = [pair.a.id, pair.b.id];
      const lead = pair.a.leadInstitution;
      const { values: overlapFigures, text: overlap } = describeLeadOverlap(pair);
      const values = { rule: "same_lead", provinceCode: pair.a.provinceCode, leadInstitution: lead, ...overlapFigures };
      const explanation = {
        zh: `${lead} 在同一省份（${pair.a.provinceCode}）牵头两家中心，${overlap.zh}。`,
        en: `${lead} leads both centres in the same province (${pair.a.provinceCode}), and their ${overlap.en}.`,
      };
      flags.push(makeFlag("duplicate_construction", "amber", { kind: "centre_pair", ids }, values, explanation, "same_lead"));
    }
  }

  return [...flags, ...checkIdleButExpanding(centres, thresholds)];
}
