import { describe, expect, it } from "vitest";
import { checkOverdueMilestones, type MilestoneInput } from "./overdue-milestone";
import { DEFAULT_THRESHOLDS } from "./thresholds";

const TODAY = "2026-11-27";
const milestone = (plannedDate: string, progress: number, id = "m1"): MilestoneInput => ({ id, title: "算力平台上线", plannedDate, progress });
const run = (milestones: MilestoneInput[]) => checkOverdueMilestones({ centreId: "c1", milestones }, TODAY);

describe("overdue_milestone", () => {
  it.each([
    // [planned date, approved progress, severity, days overdue]
    ["2026-11-27", 50, null, null], // due today: not passed yet
    ["2026-11-26", 50, "amber", 1],
    ["2026-08-29", 0, "amber", 90], // 08-29 → 11-27: 2 + 30 + 31 + 27 = 90, not more than 90
    ["2026-08-28", 0, "red", 91],
    ["2026-01-01", 99, "red", 330],
    ["2026-01-01", 100, null, null], // complete
    ["2027-01-01", 0, null, null], // future
  ] as const)("planned %s at %i%% → %s", (plannedDate, progress, severity, days) => {
    const flags = run([milestone(plannedDate, progress)]);
    expect(flags.map((f) => f.severity)).toEqual(severity === null ? [] : [severity]);
    if (severity !== null) expect(flags[0]!.values.daysOverdue).toBe(days);
  });

  it("gives one flag per milestone, keyed by the milestone", () => {
    const flags = run([milestone("2026-10-01", 40, "m1"), milestone("2026-06-01", 10, "m2"), milestone("2026-06-01", 100, "m3")]);
    expect(flags.map((f) => f.key)).toEqual(["overdue_milestone|c1|m1", "overdue_milestone|c1|m2"]);
    expect(flags.every((f) => f.subject.kind === "centre" && f.subject.ids[0] === "c1")).toBe(true);
  });

  it("states the milestone, its date, delay and progress", () => {
    const [flag] = run([milestone("2026-08-28", 40)]);
    expect(flag!.values).toEqual({ milestoneId: "m1", title: "算力平台上线", plannedDate: "2026-08-28", progress: 40, daysOverdue: 91, redAfterDaysOverdue: 90 });
    expect(flag!.explanation.zh).toBe("里程碑“算力平台上线”计划于 2026-08-28 完成，已逾期 91 天，经审核的进度为 40%，逾期超过 90 天。");
    expect(flag!.explanation.en).toBe('Milestone "算力平台上线" was planned for 2026-08-28 and is 91 days overdue at 40% approved progress, more than 90 days late.');
  });

  it("handles no milestones and an edited threshold", () => {
    expect(run([])).toEqual([]);
    // 10-28 → 11-27 is 30 days (amber), 10-27 is 31 (red).
    const thresholds = { ...DEFAULT_THRESHOLDS, milestone: { redAfterDaysOverdue: 30 } };
    expect(checkOverdueMilestones({ centreId: "c1", milestones: [milestone("2026-10-28", 0)] }, TODAY, thresholds)[0]!.severity).toBe("amber");
    expect(checkOverdueMilestones({ centreId: "c1", milestones: [milestone("2026-10-27", 0)] }, TODAY, thresholds)[0]!.severity).toBe("red");
  });
});
