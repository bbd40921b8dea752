import { describe, expect, it } from "vitest";
import { centreCompletionPct, centrePlannedCompletionPct, centreScheduleIndex } from "../progress";
import { checkCentreScheduleSlippage, checkCentreSchedules, type CentreScheduleFigures } from "./centre-schedule";
import { withOverrides } from "./threshold-fields";

const TODAY = "2026-11-27";
const DUE = "2026-06-30"; // before TODAY: planned to be done
const LATER = "2027-06-30"; // after TODAY: not yet due

type M = { weight: number; progress: number; plannedDate: string };
/** The figures as runEngine computes them for the centre page. */
function figuresOf(milestones: M[]): CentreScheduleFigures {
  const completionPct = centreCompletionPct(milestones);
  const plannedCompletionPct = centrePlannedCompletionPct(milestones, TODAY);
  return { completionPct, plannedCompletionPct, scheduleIndex: centreScheduleIndex(completionPct, plannedCompletionPct) };
}
const two = (dueProgress: number, laterProgress = 0): M[] => [
  { weight: 1, progress: dueProgress, plannedDate: DUE },
  { weight: 1, progress: laterProgress, plannedDate: LATER },
];

describe("schedule_slippage of a centre", () => {
  it.each([
    // [case, milestones, completion %, planned %, index, severity]
    // Two equal milestones, one due: planned (100 + 0) ÷ 2 = 50%.
    ["on plan", two(100), 50, 50, 1, null],
    ["exactly 0.9: not below", two(90), 45, 50, 0.9, null], // 45 ÷ 50 = 0.9
    ["just below 0.9", two(89.8), 44.9, 50, 0.898, "amber"], // 44.9 ÷ 50
    ["exactly 0.75: amber, not red", two(75), 37.5, 50, 0.75, "amber"], // 37.5 ÷ 50
    ["just below 0.75", two(74.8), 37.4, 50, 0.748, "red"], // 37.4 ÷ 50
    ["ahead of plan on a later milestone", two(60, 40), 50, 50, 1, null], // (60 + 40) ÷ 2 = 50
    // Weights 3 and 1: completion (3×60 + 1×20) ÷ 4 = 50%, planned 3×100 ÷ 4 = 75%, 50 ÷ 75 = 0.667.
    ["weighted", [{ weight: 3, progress: 60, plannedDate: DUE }, { weight: 1, progress: 20, plannedDate: LATER }], 50, 75, 0.667, "red"],
    ["no milestones: no index", [], 0, 0, null, null],
    ["nothing due yet: no index", [{ weight: 1, progress: 0, plannedDate: LATER }], 0, 0, null, null],
    ["due today counts as due", [{ weight: 1, progress: 80, plannedDate: TODAY }], 80, 100, 0.8, "amber"],
  ] as const)("%s", (_, milestones, completion, planned, index, severity) => {
    const figures = figuresOf([...milestones]);
    expect(figures).toEqual({ completionPct: completion, plannedCompletionPct: planned, scheduleIndex: index });
    expect(checkCentreScheduleSlippage("c1", figures, TODAY).map((f) => f.severity)).toEqual(severity === null ? [] : [severity]);
  });

  it("states the figures used, keyed apart from a target's flag", () => {
    const [flag] = checkCentreScheduleSlippage("c1", figuresOf(two(89.8)), TODAY);
    expect(flag).toMatchObject({
      code: "schedule_slippage",
      key: "schedule_slippage|c1|centre",
      subject: { kind: "centre", ids: ["c1"] },
      values: { scheduleIndex: 0.898, completionPct: 44.9, plannedCompletionPct: 50, asOf: TODAY, amberBelowIndex: 0.9, redBelowIndex: 0.75 },
    });
    expect(flag!.explanation.zh).toBe("截至 2026-11-27，里程碑完成 44.9%，按计划应完成 50.0%，进度指数 0.898（完成/计划），低于 0.9 的黄色阈值。");
    expect(flag!.explanation.en).toBe(
      "As of 2026-11-27 the milestones are 44.9% complete against 50.0% planned, a schedule index (complete/planned) of 0.898, below the amber threshold of 0.9.",
    );
  });

  it("states the red threshold when red", () => {
    const [flag] = checkCentreScheduleSlippage("c1", figuresOf(two(50)), TODAY); // 25 ÷ 50 = 0.5
    expect(flag!.explanation.zh).toBe("截至 2026-11-27，里程碑完成 25.0%，按计划应完成 50.0%，进度指数 0.5（完成/计划），低于 0.75 的红色阈值。");
    expect(flag!.explanation.en).toContain("below the red threshold of 0.75.");
  });

  it("reads the centre thresholds, not the targets'", () => {
    const figures = figuresOf(two(90)); // 0.9
    expect(checkCentreScheduleSlippage("c1", figures, TODAY, withOverrides(new Map([["schedule.centreAmberBelowIndex", 0.95]])))).toHaveLength(1);
    expect(checkCentreScheduleSlippage("c1", figures, TODAY, withOverrides(new Map([["schedule.amberBelowIndex", 0.95]])))).toEqual([]);
    const red = checkCentreScheduleSlippage("c1", figures, TODAY, withOverrides(new Map([["schedule.centreAmberBelowIndex", 1], ["schedule.centreRedBelowIndex", 0.95]])));
    expect(red.map((f) => [f.severity, f.values.redBelowIndex])).toEqual([["red", 0.95]]);
  });

  it("runs over every centre of a map", () => {
    const centres = new Map([
      ["a", figuresOf(two(100))],
      ["b", figuresOf(two(50))],
      ["c", figuresOf([])],
      ["d", figuresOf(two(80))], // 40 ÷ 50 = 0.8
    ]);
    expect(checkCentreSchedules(centres, TODAY).map((f) => [f.key, f.severity])).toEqual([
      ["schedule_slippage|b|centre", "red"],
      ["schedule_slippage|d|centre", "amber"],
    ]);
  });
});
