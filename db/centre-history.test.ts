import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asOfCutoff } from "@/lib/domain/as-of";
import type { Actor } from "@/lib/domain/permissions";
import type { UpdateValues } from "@/lib/validation/update";
import { BLANK_UPDATE_VALUES, createTestDb, testCentreInput } from "./test-db";
import { centreApprovedHistory, centreUpdateEvents } from "./centre-history";
import { createCentre } from "./centres";
import { createMilestone } from "./milestones";
import { getUpdate, reviewUpdate, saveUpdate } from "./updates";
import { createUser } from "./users";
import type { Db } from "./client";

// One Hangzhou centre reported through the real workflow, with backdated instants:
//   2026-Q3  submitted 10-05, returned 10-07 ("佐证材料不全"), resubmitted 10-08, approved 10-10
//            (investment ¥100m, 10 results, conversions: self 1 + licence 2, others not reported)
//   2026-Q4  submitted 2027-01-05, approved 01-08 (¥150m, no conversion mode reported),
//            reopened 01-20 ("投资额有误"), corrected and resubmitted 01-22 (¥140m), approved 01-25
//   2027-Q1  a draft only: never in the history nor in the events.
// A second centre reports an explicit zero conversion; a third never reports.

const ZJ = "330000";
const test = { label: "test" };
const at = (day: string, time = "02:00:00") => `${day}T${time}.000Z`;

const blank = BLANK_UPDATE_VALUES;

const centreInput = (name: string) => testCentreInput(name);

let db: Db;
let close: () => void;
let centreId: string;
let zeroCentreId: string;
let silentCentreId: string;
let m1: string;
let m2: string;

beforeAll(() => {
  ({ db, close } = createTestDb());
  const user = (email: string, name: string, role: Actor["role"], provinceCode: string | null): Actor => ({
    id: createUser(db, { email, name, passwordHash: "h", role, provinceCode, locale: "zh" }, test),
    role,
    provinceCode,
  });
  const staff = user("staff@zj.cn", "浙江填报员", "staff", ZJ);
  const reviewer = user("rev@zj.cn", "浙江审核人", "reviewer", ZJ);
  const national = user("rev@gov.cn", "国家审核人", "reviewer", null);

  centreId = createCentre(db, centreInput("杭州示例中心"), test);
  zeroCentreId = createCentre(db, centreInput("宁波示例中心"), test);
  silentCentreId = createCentre(db, centreInput("温州示例中心"), test);
  const milestone = (title: string, weight: number) =>
    createMilestone(db, { centreId, title, category: "compute", weight, plannedDate: "2027-06-30", evidenceRequired: false }, test, { progress: 5, actualCompletionDate: null, isDemo: false });
  m1 = milestone("一期上线", 2);
  m2 = milestone("二期扩容", 1);

  const save = (period: string, version: number, values: Partial<UpdateValues>, progress: [number, number], now: string, intent: "save" | "submit" = "submit", id = centreId) =>
    saveUpdate(
      db,
      {
        centreId: id,
        period,
        version,
        intent,
        values: { ...blank, ...values },
        milestones: id === centreId ? [{ id: m1, progress: progress[0], actualCompletionDate: null }, { id: m2, progress: progress[1], actualCompletionDate: null }] : [],
      },
      staff,
      now,
    );

  // 2026-Q3: returned once, then approved by the provincial reviewer.
  const q3Values = { investmentExecutedYuan: 100_000_000, resultsProduced: 10, convertedSelf: 1, convertedLicense: 2, utilizationPercent: 60, computePflops: 50 };
  const q3 = save("2026-Q3", 0, q3Values, [40, 0], at("2026-10-05"));
  reviewUpdate(db, { id: q3.id, version: 1, action: "return", reason: "佐证材料不全" }, reviewer, at("2026-10-07"));
  save("2026-Q3", 2, q3Values, [40, 10], at("2026-10-08"));
  reviewUpdate(db, { id: q3.id, version: 3, action: "approve", reason: null }, reviewer, at("2026-10-10"));

  // 2026-Q4: approved by the national reviewer, reopened, corrected, approved again.
  const q4 = save("2026-Q4", 0, { investmentExecutedYuan: 150_000_000, resultsProduced: 12 }, [70, 20], at("2027-01-05"));
  reviewUpdate(db, { id: q4.id, version: 1, action: "approve", reason: null }, national, at("2027-01-08"));
  reviewUpdate(db, { id: q4.id, version: 2, action: "reopen", reason: "投资额有误" }, national, at("2027-01-20"));
  save("2026-Q4", 3, { investmentExecutedYuan: 140_000_000, resultsProduced: 12, correctionReason: "投资额更正" }, [70, 25], at("2027-01-22"));
  reviewUpdate(db, { id: q4.id, version: 4, action: "approve", reason: null }, national, at("2027-01-25"));

  // 2027-Q1: a draft, never submitted.
  save("2027-Q1", 0, { investmentExecutedYuan: 200_000_000 }, [90, 40], at("2027-04-02"), "save");

  // Another centre: conversion reported as an explicit zero in one mode.
  const zero = save("2026-Q3", 0, { resultsProduced: 4, convertedSelf: 0 }, [0, 0], at("2026-10-05"), "submit", zeroCentreId);
  reviewUpdate(db, { id: zero.id, version: 1, action: "approve", reason: null }, reviewer, at("2026-10-09"));

  expect(getUpdate(db, centreId, "2026-Q3")?.status).toBe("approved");
  expect(getUpdate(db, centreId, "2026-Q4")?.status).toBe("approved");
  expect(getUpdate(db, centreId, "2027-Q1")?.status).toBe("draft");
});
afterAll(() => close());

describe("centreApprovedHistory", () => {
  it("lists the approved periods in order with their figures as approved, and the newest milestone progress", () => {
    const { periods, milestoneProgress } = centreApprovedHistory(db, centreId);
    // Mapped as the engine maps approvals: figures nobody reported are null.
    const unreported = { patentsGranted: null, techContractValueYuan: null, firmsIncubated: null, talentIntroduced: null };
    expect(periods).toEqual([
      { period: "2026-Q3", periodEnd: "2026-09-30", investmentExecutedYuan: 100_000_000, resultsProduced: 10, resultsConverted: 3, utilizationPercent: 60, computePflops: 50, ...unreported },
      { period: "2026-Q4", periodEnd: "2026-12-31", investmentExecutedYuan: 140_000_000, resultsProduced: 12, resultsConverted: null, utilizationPercent: null, computePflops: null, ...unreported },
    ]);
    // The Q4 correction's milestone progress, not the draft's (90, 40) nor Q3's.
    expect(Object.fromEntries(milestoneProgress)).toEqual({
      [m1]: { progress: 70, actualCompletionDate: null },
      [m2]: { progress: 25, actualCompletionDate: null },
    });
  });

  it("adds the conversion modes only when one was reported: an explicit zero is 0, none at all is null", () => {
    expect(centreApprovedHistory(db, zeroCentreId).periods.map((p) => p.resultsConverted)).toEqual([0]);
    expect(centreApprovedHistory(db, centreId).periods.map((p) => p.resultsConverted)).toEqual([3, null]);
  });

  it("is empty for a centre that never had an approval", () => {
    const { periods, milestoneProgress } = centreApprovedHistory(db, silentCentreId);
    expect(periods).toEqual([]);
    expect(milestoneProgress.size).toBe(0);
  });

  it("shows nothing before the first approval, and the approval from the instant after it", () => {
    // Returned and resubmitted, but not yet approved at the end of 2026-10-09 (Beijing).
    const before = centreApprovedHistory(db, centreId, asOfCutoff("2026-10-09"));
    expect(before.periods).toEqual([]);
    expect(before.milestoneProgress.size).toBe(0);
    // The cutoff is exclusive: a view ending at the very instant of the approval does not have it yet.
    expect(centreApprovedHistory(db, centreId, at("2026-10-10")).periods).toEqual([]);
    expect(centreApprovedHistory(db, centreId, at("2026-10-10", "02:00:01")).periods.map((p) => p.period)).toEqual(["2026-Q3"]);

    const afterQ3 = centreApprovedHistory(db, centreId, asOfCutoff("2026-12-31"));
    expect(afterQ3.periods.map((p) => [p.period, p.investmentExecutedYuan])).toEqual([["2026-Q3", 100_000_000]]);
    // The resubmission's progress (40, 10), not the returned submission's (40, 0).
    expect(afterQ3.milestoneProgress.get(m1)).toEqual({ progress: 40, actualCompletionDate: null });
    expect(afterQ3.milestoneProgress.get(m2)).toEqual({ progress: 10, actualCompletionDate: null });
  });

  it("reads a reopened approval while it stood, nothing of it while withdrawn, and the correction after", () => {
    const q4 = (cutoff: string) => centreApprovedHistory(db, centreId, cutoff);
    // First Q4 approval standing.
    expect(q4(asOfCutoff("2027-01-10")).periods.map((p) => [p.period, p.investmentExecutedYuan])).toEqual([
      ["2026-Q3", 100_000_000],
      ["2026-Q4", 150_000_000],
    ]);
    expect(q4(asOfCutoff("2027-01-10")).milestoneProgress.get(m2)?.progress).toBe(20);
    // A withdrawal at the cutoff's very instant has not happened yet in that view.
    expect(q4(at("2027-01-20")).periods.map((p) => p.period)).toEqual(["2026-Q3", "2026-Q4"]);
    // Reopened: only Q3 stands, with Q3's milestone progress.
    const reopened = q4(asOfCutoff("2027-01-21"));
    expect(reopened.periods.map((p) => p.period)).toEqual(["2026-Q3"]);
    expect(reopened.milestoneProgress.get(m1)?.progress).toBe(40);
    // Corrected and approved again.
    expect(q4(asOfCutoff("2027-01-25")).periods.map((p) => [p.period, p.investmentExecutedYuan])).toEqual([
      ["2026-Q3", 100_000_000],
      ["2026-Q4", 140_000_000],
    ]);
    // Far in the future the view equals the current one.
    expect(q4("9999-12-31T00:00:00.000Z")).toEqual(centreApprovedHistory(db, centreId));
  });
});

describe("centreUpdateEvents", () => {
  it("lists submissions, returns, approvals and reopens newest first, with who, when, the period and the reason", () => {
    const events = centreUpdateEvents(db, centreId).map(({ action, at: when, actorName, period, reason }) => ({ action, at: when, actorName, period, reason }));
    expect(events).toEqual([
      { action: "approve", at: at("2027-01-25"), actorName: "国家审核人", period: "2026-Q4", reason: null },
      { action: "submit", at: at("2027-01-22"), actorName: "浙江填报员", period: "2026-Q4", reason: null },
      { action: "reopen", at: at("2027-01-20"), actorName: "国家审核人", period: "2026-Q4", reason: "投资额有误" },
      { action: "approve", at: at("2027-01-08"), actorName: "国家审核人", period: "2026-Q4", reason: null },
      { action: "submit", at: at("2027-01-05"), actorName: "浙江填报员", period: "2026-Q4", reason: null },
      { action: "approve", at: at("2026-10-10"), actorName: "浙江审核人", period: "2026-Q3", reason: null },
      { action: "submit", at: at("2026-10-08"), actorName: "浙江填报员", period: "2026-Q3", reason: null },
      { action: "return", at: at("2026-10-07"), actorName: "浙江审核人", period: "2026-Q3", reason: "佐证材料不全" },
      { action: "submit", at: at("2026-10-05"), actorName: "浙江填报员", period: "2026-Q3", reason: null },
    ]);
  });

  it("names each event's update, so events of one period share it", () => {
    const events = centreUpdateEvents(db, centreId);
    const q3 = getUpdate(db, centreId, "2026-Q3")!.id;
    const q4 = getUpdate(db, centreId, "2026-Q4")!.id;
    expect(new Set(events.filter((e) => e.period === "2026-Q3").map((e) => e.updateId))).toEqual(new Set([q3]));
    expect(new Set(events.filter((e) => e.period === "2026-Q4").map((e) => e.updateId))).toEqual(new Set([q4]));
  });

  it("keeps to the centre: no other centre's events, and none for a centre without updates", () => {
    expect(centreUpdateEvents(db, zeroCentreId).map((e) => e.action)).toEqual(["approve", "submit"]);
    expect(centreUpdateEvents(db, silentCentreId)).toEqual([]);
  });

  it("leaves out what happened at or after the cutoff", () => {
    const actions = (cutoff: string) => centreUpdateEvents(db, centreId, cutoff).map((e) => `${e.period} ${e.action}`);
    expect(actions(asOfCutoff("2026-10-04"))).toEqual([]);
    // The end of 2026-10-07 in Beijing: the return is in, the resubmission is not.
    expect(actions(asOfCutoff("2026-10-07"))).toEqual(["2026-Q3 return", "2026-Q3 submit"]);
    expect(actions(at("2026-10-07"))).toEqual(["2026-Q3 submit"]);
    expect(actions(asOfCutoff("2027-01-21"))).toEqual(["2026-Q4 reopen", "2026-Q4 approve", "2026-Q4 submit", "2026-Q3 approve", "2026-Q3 submit", "2026-Q3 return", "2026-Q3 submit"]);
    expect(centreUpdateEvents(db, centreId, "9999-12-31T00:00:00.000Z")).toEqual(centreUpdateEvents(db, centreId));
  });
});
