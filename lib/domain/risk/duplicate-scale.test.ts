import { describe, expect, it } from "vitest";
import { FOCUS_TAGS, type FocusTag } from "../vocabulary";
import { checkDuplicateConstruction, leadKey, type DuplicateCentreInput } from "./duplicate-construction";
import { jaccard } from "./tag-overlap";
import { DEFAULT_THRESHOLDS } from "./thresholds";

// 20,000 centres in 300 cities (30 provinces × 10 cities), generated from a fixed seed. The grouped
// rule must return, for every pair, exactly what a brute-force all-pairs check says. No timing is
// asserted (that would flake); the grouped run over 20,000 centres simply has to finish in the suite.

/** mulberry32: a small deterministic PRNG so the data set is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildCentres(count: number): DuplicateCentreInput[] {
  const next = random(20261127);
  const pick = (n: number) => Math.floor(next() * n);
  return Array.from({ length: count }, (_, i) => {
    const province = pick(30);
    const city = province * 10 + pick(10);
    const provinceCode = `${11 + province}0000`;
    const tagCount = 1 + pick(4);
    const focusTags = new Set<FocusTag>();
    while (focusTags.size < tagCount) focusTags.add(FOCUS_TAGS[pick(FOCUS_TAGS.length)]!);
    return {
      id: `c${String(i).padStart(5, "0")}`,
      provinceCode,
      cityCode: `${provinceCode.slice(0, 2)}${String(city % 10 + 1).padStart(2, "0")}00`,
      leadInstitution: `研究院${pick(40)}`, // 40 leads nationwide, so each leads several centres per province
      mainFunder: next() < 0.3 ? `基金${pick(15)}` : null,
      status: "operational",
      focusTags: [...focusTags],
    };
  });
}

/** All n(n−1)/2 pairs, the rules read straight from the domain notes. */
function bruteForce(centres: readonly DuplicateCentreInput[]): string[] {
  const t = DEFAULT_THRESHOLDS.duplicate;
  const found: string[] = [];
  for (let i = 0; i < centres.length; i++) {
    for (let j = i + 1; j < centres.length; j++) {
      const a = centres[i]!;
      const b = centres[j]!;
      const value = jaccard(a.focusTags, b.focusTags);
      const ids = [a.id, b.id].sort().join(",");
      const sameLead = leadKey(a) === leadKey(b);
      if (a.cityCode === b.cityCode && value >= t.sameCityJaccard - 1e-9) {
        const sameFunder = !!a.mainFunder && a.mainFunder === b.mainFunder;
        found.push(`${ids}|same_city_focus|${sameLead || sameFunder ? "red" : "amber"}`);
      } else if (a.provinceCode === b.provinceCode && sameLead && value >= t.sameLeadJaccard - 1e-9) {
        found.push(`${ids}|same_lead|amber`);
      }
    }
  }
  return found.sort();
}

const summary = (flags: ReturnType<typeof checkDuplicateConstruction>) =>
  flags.map((f) => `${f.subject.ids.join(",")}|${f.values.rule}|${f.severity}`).sort();

describe("duplicate_construction at national scale", () => {
  const centres = buildCentres(20_000);
  // A subset dense in collisions: the centres of the first three provinces' cities, first 300 of them.
  const subset = centres.filter((c) => Number(c.provinceCode.slice(0, 2)) < 14).slice(0, 300);
  const all = checkDuplicateConstruction(centres, "2026-11-27");

  it("builds the data set it claims", () => {
    expect(new Set(centres.map((c) => c.cityCode)).size).toBe(300);
    expect(subset).toHaveLength(300);
  });

  it("matches a brute-force all-pairs check on a 300-centre subset", () => {
    const expected = bruteForce(subset);
    // Both severities and both rules are exercised, so the comparison means something.
    expect(expected.some((s) => s.endsWith("same_city_focus|red"))).toBe(true);
    expect(expected.some((s) => s.endsWith("same_city_focus|amber"))).toBe(true);
    expect(expected.some((s) => s.endsWith("same_lead|amber"))).toBe(true);
    expect(summary(checkDuplicateConstruction(subset, "2026-11-27"))).toEqual(expected);
  });

  it("gives the same verdict on those pairs when run over all 20,000 centres", () => {
    const inSubset = new Set(subset.map((c) => c.id));
    const restricted = all.filter((f) => f.subject.ids.every((id) => inSubset.has(id)));
    expect(summary(restricted)).toEqual(bruteForce(subset));
  });

  it("flags each pair once", () => {
    const pairs = all.map((f) => f.subject.ids.join(","));
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(all.every((f) => f.subject.ids[0]! < f.subject.ids[1]!)).toBe(true);
  });
});
