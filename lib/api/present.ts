// From the engine's figures and the stored rows to the API's bodies (lib/api/schemas.ts). Pure: the
// routes load, these shape, so a test can check every field against the schemas on real data.

import type { Centre, Milestone as MilestoneRow, PlanTarget } from "@/db/schema";
import type { ProvinceDashboardRow } from "@/lib/domain/dashboard";
import type { CentreResult, TargetResult } from "@/lib/domain/engine";
import { isSuppressed, withFlagStates, type FlagReview, type ReviewedFlag } from "@/lib/domain/risk/flag-review";
import type { RiskFlag } from "@/lib/domain/risk/types";
import type { FocusTag } from "@/lib/domain/vocabulary";
import type { CentreListItem, Flag, Milestone, ProvinceSummary, Target } from "./schemas";

/** What the presenters read of an engine snapshot (db/engine.ts EngineSnapshot). */
export interface EngineView {
  today: string;
  asOf: string | null;
  flags: RiskFlag[];
  flagsByProvince: Map<string, RiskFlag[]>;
  reviews: ReadonlyMap<string, FlagReview>;
}

export interface ScopedFlag extends ReviewedFlag {
  provinceCode: string;
}

const provinceOfFlag = new WeakMap<EngineView["flagsByProvince"], Map<string, string>>();

/** The province of each flag by key, built once per snapshot. */
function flagProvinces(engine: EngineView): Map<string, string> {
  let byKey = provinceOfFlag.get(engine.flagsByProvince);
  if (!byKey) {
    byKey = new Map();
    for (const [code, flags] of engine.flagsByProvince) for (const flag of flags) byKey.set(flag.key, code);
    provinceOfFlag.set(engine.flagsByProvince, byKey);
  }
  return byKey;
}

/** These flags, order kept, each with its review state on the snapshot's day and its province. */
export function withProvinces(engine: EngineView, flags: readonly RiskFlag[]): ScopedFlag[] {
  const provinces = flagProvinces(engine);
  return withFlagStates(flags, engine.reviews, engine.today).flatMap((reviewed) => {
    const provinceCode = provinces.get(reviewed.flag.key);
    return provinceCode === undefined ? [] : [{ ...reviewed, provinceCode }];
  });
}

/** The flags of one province, or of all ("all"), most severe first. */
export function scopedFlags(engine: EngineView, scope: "all" | string): ScopedFlag[] {
  return withProvinces(engine, scope === "all" ? engine.flags : (engine.flagsByProvince.get(scope) ?? []));
}

/** Counted as open on the dashboards: not dismissed or justified, and red or amber. */
export const isOpenWarning = (item: ReviewedFlag) => !isSuppressed(item.state) && item.flag.severity !== "info";

export function flagItem({ flag, state, provinceCode }: ScopedFlag): Flag {
  return {
    key: flag.key,
    code: flag.code,
    severity: flag.severity,
    provinceCode,
    subject: { kind: flag.subject.kind, ids: [...flag.subject.ids] },
    explanation: { zh: flag.explanation.zh, en: flag.explanation.en },
    values: { ...flag.values },
    review: {
      state: state.state,
      because: state.state === "returned" ? state.because : null,
      until: state.state === "dismissed" || state.state === "justified" ? state.until : null,
    },
  };
}

export function provinceSummary(row: ProvinceDashboardRow, names: { nameZh: string; nameEn: string }): ProvinceSummary {
  const { targets } = row;
  return {
    code: row.code,
    nameZh: names.nameZh,
    nameEn: names.nameEn,
    centres: row.completion.centres,
    centresByStatus: { ...row.centresByStatus },
    completion: { meanPct: row.completion.meanPct, budgetWeightedPct: row.completion.budgetWeightedPct },
    targets: { total: targets.targets, met: targets.met, onTrack: targets.onTrack, atRisk: targets.atRisk, red: targets.red, unmeasured: targets.unmeasured },
    targetProgressPct: row.targetProgressPct,
    scheduleIndex: row.scheduleIndex,
    investment: { ...row.investment },
    openFlags: { red: row.redFlags, amber: row.amberFlags },
  };
}

export function targetItem(target: PlanTarget, result: TargetResult): Target {
  const { forecast } = result;
  return {
    id: target.id,
    version: target.version,
    title: target.title,
    kind: target.kind,
    metric: target.metric,
    unit: target.unit,
    measure: target.measure,
    baselineValue: target.baselineValue,
    baselineDate: target.baselineDate,
    targetValue: target.targetValue,
    deadline: target.deadline,
    sourceStatus: target.sourceStatus,
    actual: result.actual,
    unmeasuredReason: result.unmeasuredReason,
    progressPct: result.progressPct,
    plannedValue: result.plannedValue,
    plannedPct: result.plannedPct,
    scheduleIndex: result.scheduleIndex,
    standing: result.standing,
    forecast: {
      kind: forecast.kind,
      ...(forecast.kind === "on_track" || forecast.kind === "late" ? { forecastDate: forecast.forecastDate } : {}),
      ...(forecast.kind === "late" ? { daysLate: forecast.daysLate } : {}),
    },
  };
}

type CentreCoreRow = Pick<Centre, "id" | "version" | "provinceCode" | "cityCode" | "name">;

/** The fields a centre has in lists and in its details; the status is the engine's (as of the day shown). */
function centreCore(row: CentreCoreRow, focusTags: readonly FocusTag[], result: CentreResult) {
  return {
    id: row.id,
    version: row.version,
    provinceCode: row.provinceCode,
    cityCode: row.cityCode,
    name: row.name,
    status: result.status,
    focusTags: [...focusTags],
    completionPercent: result.completionPct,
    plannedCompletionPercent: result.plannedCompletionPct,
    scheduleIndex: result.scheduleIndex,
    computedLevel: result.computedLevel,
    latestApprovedPeriod: result.latestReport?.period ?? null,
  };
}

export function centreListItem(row: CentreCoreRow, focusTags: readonly FocusTag[], result: CentreResult, openFlags: number): CentreListItem {
  return { ...centreCore(row, focusTags, result), openFlags };
}

type CentreWithLinks = Centre & { focusTags: FocusTag[]; targets: { id: string }[] };

/** A centre's registered fields and computed standing (the detail body without milestones and flags). */
export function centreDetailFields(centre: CentreWithLinks, result: CentreResult) {
  return {
    ...centreCore(centre, centre.focusTags, result),
    leadInstitution: centre.leadInstitution,
    leadCreditCode: centre.leadCreditCode,
    partners: [...centre.partners],
    plannedBudgetYuan: centre.plannedBudgetYuan,
    startDate: centre.startDate,
    plannedCompletionDate: centre.plannedCompletionDate,
    targetIds: centre.targets.map((t) => t.id),
    isDemo: centre.isDemo,
    createdAt: centre.createdAt,
    updatedAt: centre.updatedAt,
    investmentExecutedYuan: result.investmentExecutedYuan,
    plannedSpendToDateYuan: result.plannedSpendToDateYuan,
  };
}

/** A milestone with its progress as last approved (its registered figure when no approval names it). */
export function milestoneItem(m: MilestoneRow, approved: { progress: number; actualCompletionDate: string | null } | undefined): Milestone {
  return {
    id: m.id,
    version: m.version,
    title: m.title,
    category: m.category,
    weight: m.weight,
    plannedDate: m.plannedDate,
    progress: approved?.progress ?? m.progress,
    actualCompletionDate: approved?.actualCompletionDate ?? m.actualCompletionDate,
    evidenceRequired: m.evidenceRequired,
  };
}

/** One page of a list (pages from 1), with the total. */
export function paginate<T>(items: readonly T[], page: number, pageSize: number) {
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length };
}

/** Percent to 1 decimal, null kept. */
export const pct1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
