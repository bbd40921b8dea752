import "server-only";
// The synthetic centres of db/seed/scale.ts, planned in memory before any row is written: where they
// are (more in the provinces and capitals where the AI industry is), their focus (skewed, with a
// favourite tag per city, and about one in ten a look-alike of an earlier centre: same city, same
// tags, half the time the same lead), their leads, budgets, dates and how they are doing.
import { citiesOfProvince } from "@/lib/domain/cities";
import { addDays } from "@/lib/domain/periods";
import { tagList } from "@/lib/domain/risk/explain";
import { FOCUS_TAGS, type CentreStatus, type FocusTag } from "@/lib/domain/vocabulary";

/** The demo's today: statuses and reports are as on this date. */
export const SCALE_TODAY = "2026-11-27";
/** End of the last period with reports (2026-Q3); centres that never report were registered with their state at this date. */
export const SCALE_AS_OF = "2026-09-30";

/** One synthetic centre as planned in memory before its rows are written. */
export interface ScaleCentre {
  id: string;
  index: number;
  provinceCode: string;
  provinceShortZh: string;
  cityCode: string;
  name: string;
  leadInstitution: string;
  focusTags: FocusTag[];
  plannedBudgetYuan: number;
  startDate: string;
  plannedCompletionDate: string;
  status: CentreStatus;
  /** Share of its schedule the centre keeps (1 = on time). */
  pace: number;
  /** Whether it files approved updates. */
  reports: boolean;
  /** Planned PFLOPS of a compute centre; null for others. */
  computeCapacity: number | null;
  /** Per-quarter rates and shares its reported figures grow by. */
  rates: { spend: number; patents: number; results: number; conversion: number; firms: number; talent: number; utilization: number };
}

/** mulberry32: a small, fast PRNG; the same seed gives the same sequence on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UUID-shaped and stable: the seed, a kind and a counter, so a re-run with the same seed collides instead of duplicating. */
export function scaleId(seed: number, kind: "user" | "centre" | "milestone" | "update" | "approval" | "target", index: number): string {
  const kindHex = { user: "0001", centre: "0c00", milestone: "0a00", update: "0d00", approval: "0d01", target: "0e00" }[kind];
  return `${(seed >>> 0).toString(16).padStart(8, "0")}-${kindHex}-4000-8000-${index.toString(16).padStart(12, "0")}`;
}

// More centres where the AI industry is: a relative weight per province (others 1).
const PROVINCE_WEIGHTS: Record<string, number> = { "440000": 4, "320000": 3.5, "330000": 3.5, "370000": 3, "510000": 2.5, "420000": 2, "340000": 2, "410000": 2, "110000": 1.5, "310000": 1.5, "430000": 2, "350000": 2, "610000": 2, "500000": 1.2 };
// Plans of the mainland provinces only; Hong Kong, Macao and Taiwan are not in them.
const EXCLUDED_PROVINCES = new Set(["710000", "810000", "820000"]);
const TAG_WEIGHTS: Record<FocusTag, number> = { large_models: 2, compute_infrastructure: 1.2, smart_manufacturing: 1.5, embodied_ai: 1.5, data_elements: 1.5, ai_chips: 1.2, algorithm_frameworks: 1, smart_city: 1, ai_for_science: 1, healthcare: 1, finance: 0.8, education: 0.8 };
const LEAD_KINDS = ["人工智能研究院", "大学智能学院", "智能科技有限公司", "算力集团", "产业技术研究院"];

function picker<T>(items: readonly T[], weights: readonly number[], next: () => number): () => T {
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative.at(-1)!;
  return () => {
    const x = next() * total;
    const i = cumulative.findIndex((c) => x < c);
    return items[i === -1 ? items.length - 1 : i]!;
  };
}

/** The centres, in memory: places, tags (skewed per city, ~10% look-alikes of an earlier centre), leads, dates. */
export function planScaleCentres(count: number, seed: number, provinceRows: { code: string; shortZh: string }[], next: () => number): ScaleCentre[] {
  const pool = provinceRows
    .filter((p) => !EXCLUDED_PROVINCES.has(p.code))
    .map((p) => ({ ...p, cities: citiesOfProvince(p.code).filter((c) => c.name.length > 1) }))
    .filter((p) => p.cities.length > 0);
  const pickProvince = picker(pool, pool.map((p) => PROVINCE_WEIGHTS[p.code] ?? 1), next);
  const pickCity = new Map(pool.map((p) => [p.code, picker(p.cities, p.cities.map((_, rank) => 1 / (rank + 1) ** 0.5), next)]));
  const pickTag = picker(FOCUS_TAGS, FOCUS_TAGS.map((tag) => TAG_WEIGHTS[tag]), next);
  const favourite = new Map<string, FocusTag>();
  // About two leads per province for every three centres it gets, so one lead heads one to a few centres.
  const totalWeight = pool.reduce((s, p) => s + (PROVINCE_WEIGHTS[p.code] ?? 1), 0);
  const leadPool = new Map(pool.map((p) => [p.code, Math.max(3, Math.round((count * (PROVINCE_WEIGHTS[p.code] ?? 1)) / totalWeight / 1.5))]));
  const planned: ScaleCentre[] = [];
  for (let i = 0; i < count; i++) {
    const template = i > 0 && next() < 0.1 ? planned[Math.floor(next() * i)]! : null;
    const province = template ? pool.find((p) => p.code === template.provinceCode)! : pickProvince();
    const city = template ? province.cities.find((c) => c.code === template.cityCode)! : pickCity.get(province.code)!();
    let focusTags: FocusTag[];
    if (template) focusTags = template.focusTags;
    else {
      if (!favourite.has(city.code)) favourite.set(city.code, pickTag());
      const tags = new Set<FocusTag>([next() < 0.2 ? favourite.get(city.code)! : pickTag()]);
      const size = next() < 0.15 ? 1 : next() < 0.55 ? 2 : 3;
      while (tags.size < size) tags.add(pickTag());
      focusTags = [...tags];
    }
    const leadNo = Math.floor(next() * leadPool.get(province.code)!);
    const leadInstitution = template && next() < 0.5 ? template.leadInstitution : `${province.shortZh}合成${LEAD_KINDS[leadNo % LEAD_KINDS.length]}${leadNo + 1}号`;
    const startDate = addDays("2023-01-01", Math.floor(next() * 1550)); // to 2027-03
    const plannedCompletionDate = addDays(startDate, 730 + Math.floor(next() * 1096));
    const roll = next();
    let status: CentreStatus = "under_construction";
    if (startDate > SCALE_TODAY) status = "planned";
    else if (plannedCompletionDate < SCALE_TODAY) status = roll < 0.9 ? "operational" : "under_construction";
    else if (roll < 0.03) status = "suspended";
    else if (roll < 0.08) status = "operational";
    // Share of the schedule the centre has kept: most near 1, a tail well behind.
    const paceRoll = next();
    const pace = status === "suspended" ? 0.4 + 0.2 * next() : paceRoll < 0.6 ? 0.95 + 0.15 * next() : paceRoll < 0.9 ? 0.8 + 0.15 * next() : 0.5 + 0.3 * next();
    planned.push({
      id: scaleId(seed, "centre", i),
      index: i,
      provinceCode: province.code,
      provinceShortZh: province.shortZh,
      cityCode: city.code,
      name: `合成中心${i + 1}·${city.name}${tagList([focusTags[0]!], "zh")}创新中心（合成数据）`,
      leadInstitution,
      focusTags,
      plannedBudgetYuan: Math.round((3e7 * 100 ** next()) / 10_000) * 10_000, // 3000 万 to 30 亿, log-uniform
      startDate,
      plannedCompletionDate,
      status,
      pace,
      reports: status !== "planned" && startDate <= SCALE_AS_OF && next() < 0.8,
      computeCapacity: focusTags.includes("compute_infrastructure") ? 100 + Math.round(next() * 1900) : null,
      rates: { spend: 0.4 + 0.65 * next(), patents: 1 + 7 * next(), results: 1 + 9 * next(), conversion: 0.05 + 0.45 * next(), firms: 1.5 * next(), talent: 2 + 13 * next(), utilization: 90 - 65 * next() ** 2 },
    });
  }
  return planned;
}
