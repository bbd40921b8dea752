import "server-only";
import { createHash } from "node:crypto";
import { plannedShareAt } from "@/lib/domain/investment";
import { addDays, parsePeriod, type Calendar } from "@/lib/domain/periods";
import type { DemoCentre } from "./demo-centres";
import type { UpdateValues } from "@/lib/validation/update";

// The demo's reporting rounds (every figure invented): quarterly provinces report 2026-Q3, most
// approved, a few waiting in review, one returned, a few missing so that reporting discipline has
// something to show. Anhui reports monthly (July to October), which gives its targets a trend to
// forecast from and its Hefei compute centre two idle periods beside one under construction.

export const DEMO_PERIOD = "2026-Q3";

/** Provinces whose demo calendar is not the default quarterly one. */
export const DEMO_CALENDARS: Record<string, Calendar> = { "340000": { cadence: "monthly", dueDays: 10, graceDays: 5 } };
const MONTHLY_PERIODS = ["2026-07", "2026-08", "2026-09", "2026-10"];

/** The periods a centre reports in the demo, oldest first; the outcome applies to the last, earlier ones are approved. */
export function demoPeriods(centre: Pick<DemoCentre, "provinceCode">): string[] {
  return DEMO_CALENDARS[centre.provinceCode]?.cadence === "monthly" ? MONTHLY_PERIODS : [DEMO_PERIOD];
}

/** Compute centres kept nearly idle in the demo, for the idle-but-expanding rule: utilization % by period order. */
const IDLE_UTILIZATION: Record<string, number> = { "ah-hf-compute-1": 24 };

export type DemoOutcome = "approved" | "submitted" | "returned" | "missing";

const OUTCOMES: Record<string, DemoOutcome> = {
  "zj-sx-chip-1": "submitted",
  "zj-wz-health-1": "submitted",
  "gd-sz-llm-2": "submitted",
  "zj-jx-llm-1": "returned",
  "sc-cd-llm-1": "missing",
  "sc-my-compute-1": "missing",
  "ah-wh-embodied-1": "missing",
};

export function demoOutcome(centre: DemoCentre): DemoOutcome {
  if (centre.status === "planned" || centre.startDate > "2026-06-30") return "missing";
  return OUTCOMES[centre.key] ?? "approved";
}

/** A stable number in [0, 1) per centre and purpose, so the demo is the same on every install. */
function unit(key: string, purpose: string): number {
  return createHash("sha256").update(`${key}:${purpose}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** A centre's figures for one period; cumulative counts grow with the period's place in its rounds. */
export function demoValues(centre: DemoCentre, periodCode = demoPeriods(centre).at(-1)!): UpdateValues {
  const period = parsePeriod(periodCode)!;
  const rounds = demoPeriods(centre);
  const growth = (rounds.indexOf(periodCode) + 1) / rounds.length;
  const share = plannedShareAt(centre.startDate, centre.plannedCompletionDate, period.end);
  // Between 55% and 105% of the planned spending to date.
  const executed = Math.round((centre.plannedBudgetYuan * share * (0.55 + 0.5 * unit(centre.key, "spend"))) / 10_000) * 10_000;
  const isCompute = centre.focusTags.includes("compute_infrastructure");
  // The research-led Beijing lab: many results, few conversions (for the low-conversion rule).
  const researchHeavy = centre.key === "bj-hd-ai4s-lab";
  const produced = Math.round(growth * (researchHeavy ? 180 : 8 + Math.floor(unit(centre.key, "results") * 60)));
  const converted = researchHeavy ? 6 : Math.floor(produced * (0.15 + 0.35 * unit(centre.key, "conversion")));
  const filed = Math.round(growth * (5 + Math.floor(unit(centre.key, "patents") * 80)));
  const idle = IDLE_UTILIZATION[centre.key];
  const offPlan = Math.abs(executed / centre.plannedBudgetYuan - share) * 100 > 5;
  return {
    investmentExecutedYuan: executed,
    computePflops: isCompute ? Math.round(200 + unit(centre.key, "pflops") * 1800) : null,
    computePrecision: isCompute ? "FP16" : null,
    utilizationPercent: !isCompute ? null : idle !== undefined ? idle + rounds.indexOf(periodCode) : Math.round(25 + unit(centre.key, "utilization") * 60),
    patentsFiled: filed,
    patentsGranted: Math.floor(filed * 0.3),
    resultsProduced: produced,
    convertedSelf: Math.ceil(converted / 2),
    convertedTransfer: Math.floor(converted / 4),
    convertedLicense: converted - Math.ceil(converted / 2) - Math.floor(converted / 4),
    convertedJoint: null,
    convertedEquity: null,
    techContractValueYuan: converted * 1_200_000,
    firmsIncubated: Math.floor(growth * unit(centre.key, "firms") * 20),
    talentIntroduced: Math.round(growth * (10 + Math.floor(unit(centre.key, "talent") * 120))),
    narrative: offPlan ? "（示例）投资进度与计划存在偏差：部分设备采购合同付款节点调整。" : null,
    correctionReason: null,
  };
}

/** When the demo's targets, centres and milestones count as registered: before reporting began. */
export const DEMO_REGISTERED_AT = "2026-06-30T02:00:00.000Z";

/** Centres whose demo update arrives after the due date (quarterly: due 15 days after the period). */
const LATE_SUBMISSION_DAYS: Record<string, number> = { "gd-sz-llm-2": 22, "zj-nb-mfg-1": 18 };

/**
 * When a demo round was submitted and reviewed: quarterly rounds 8 days after the period (the late ones
 * later) and reviewed 4 days after that; monthly rounds 4 and 7 days after the month. Never after `now`.
 */
export function demoTimes(centre: DemoCentre, periodCode: string, now: string): { submittedAt: string; reviewedAt: string } {
  const period = parsePeriod(periodCode)!;
  const monthly = period.cadence === "monthly";
  const submitDays = monthly ? 4 : (LATE_SUBMISSION_DAYS[centre.key] ?? 8);
  const at = (days: number) => {
    const stamp = `${addDays(period.end, days)}T02:00:00.000Z`;
    return stamp < now ? stamp : now;
  };
  return { submittedAt: at(submitDays), reviewedAt: at(submitDays + (monthly ? 3 : 4)) };
}

export const DEMO_RETURN_REASON = "（示例）投资完成额与财务凭证不一致，请核对后重新提交。";
