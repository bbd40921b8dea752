import { plannedShareAt } from "../investment";
import { pct, pctLimit, yuanEn, yuanZh } from "./explain";
import { DEFAULT_THRESHOLDS, type RiskThresholds } from "./thresholds";
import { isAtLeast, isBelow, makeFlag, round, type RiskFlag } from "./types";

export interface FundingInput {
  centreId: string;
  plannedBudgetYuan: number;
  startDate: string;
  plannedCompletionDate: string;
  /** Cumulative investment executed, from the latest approved update (null: not reported). */
  executedYuan: number | null;
  /** The update's period, kept as evidence. */
  period?: string | null;
}

/**
 * Red (domain notes; docs/domain.md, "Funding under-execution"): less than 50% of the budget
 * executed once 75% of the planned construction period has elapsed. Amber (product default): executed below 70% of the planned-to-date spending
 * once 25% of the period has elapsed. Both "once" bounds are inclusive. The plan is the straight
 * line of `plannedShareAt`, so the planned-to-date share equals the elapsed share.
 * Without an approved figure nothing is judged here (stale reporting covers that).
 */
export function checkFundingUnderExecution(input: FundingInput, today: string, thresholds: RiskThresholds = DEFAULT_THRESHOLDS): RiskFlag[] {
  const { plannedBudgetYuan: budget, executedYuan: executed } = input;
  if (executed === null || budget <= 0) return [];
  const t = thresholds.funding;
  const elapsed = plannedShareAt(input.startDate, input.plannedCompletionDate, today);
  const executedShare = executed / budget;
  const amberFloor = t.amberShareOfPlannedToDate * elapsed;

  const red = isAtLeast(elapsed, t.redElapsedShare) && isBelow(executedShare, t.redExecutedShare);
  const amber = isAtLeast(elapsed, t.amberElapsedShare) && isBelow(executedShare, amberFloor);
  if (!red && !amber) return [];

  const values = {
    executedYuan: executed,
    budgetYuan: budget,
    executedShare: round(executedShare),
    elapsedShare: round(elapsed),
    plannedShareToDate: round(elapsed),
    amberFloorShare: round(amberFloor),
    redElapsedShare: t.redElapsedShare,
    redExecutedShare: t.redExecutedShare,
    amberElapsedShare: t.amberElapsedShare,
    amberShareOfPlannedToDate: t.amberShareOfPlannedToDate,
    period: input.period ?? null,
  };
  const spentZh = `已执行投资 ${yuanZh(executed)}，占计划投资 ${yuanZh(budget)} 的 ${pct(executedShare)}`;
  const spentEn = `executed investment of ${yuanEn(executed)} is ${pct(executedShare)} of the ${yuanEn(budget)} budget`;
  const explanation = red
    ? {
        zh: `计划建设期已过 ${pct(elapsed)}，${spentZh}，低于建设期过 ${pctLimit(t.redElapsedShare)} 后应达到的 ${pctLimit(t.redExecutedShare)}。`,
        en: `With ${pct(elapsed)} of the planned construction period elapsed, ${spentEn}, below the ${pctLimit(t.redExecutedShare)} expected once ${pctLimit(t.redElapsedShare)} of the period has passed.`,
      }
    : {
        zh: `计划建设期已过 ${pct(elapsed)}，按计划应已投资 ${pct(elapsed)}；${spentZh}，低于计划进度的 ${pctLimit(t.amberShareOfPlannedToDate)}（${pct(amberFloor)}）。`,
        en: `With ${pct(elapsed)} of the planned construction period elapsed and ${pct(elapsed)} of the budget planned to be spent, ${spentEn}, below ${pctLimit(t.amberShareOfPlannedToDate)} of plan (${pct(amberFloor)}).`,
      };
  return [makeFlag("funding_under_execution", red ? "red" : "amber", { kind: "centre", ids: [input.centreId] }, values, explanation)];
}
