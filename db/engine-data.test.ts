import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR } from "@/lib/domain/periods";
import type { EngineCentre, EngineInput } from "@/lib/domain/engine";
import type { Actor } from "@/lib/domain/permissions";
import type { TargetInput } from "@/lib/validation/target";
import type { UpdateValues } from "@/lib/validation/update";
import { BLANK_UPDATE_VALUES, createTestDb, testCentreInput } from "./test-db";
import { setCalendar } from "./calendars";
import { createCentre } from "./centres";
import { loadEngineInput } from "./engine-data";
import { createMilestone } from "./milestones";
import { createTarget } from "./targets";
import { reviewUpdate, saveUpdate } from "./updates";
import { createUser } from "./users";
import type { Db } from "./client";

const ZJ = "330000";
const GD = "440000";
const test = { label: "test" };

let db: Db;
let close: () => void;
let loaded: EngineInput;
const ids = { enterpriseByName: "", enterpriseByCode: "", institute: "", investment: "", operational: "", unlinked: "", m1: "", m2: "", m3: "" };

const centreInput = testCentreInput;

const targetInput = (title: string, change: Partial<TargetInput>): TargetInput => ({
  provinceCode: ZJ,
  title,
  kind: "sum",
  metric: title,
  unit: "亿元",
  targetValue: 50,
  baselineValue: 0,
  baselineDate: "2025-12-31",
  deadline: "2027-12-31",
  sourceDocument: "示例文件",
  sourceUrl: null,
  sourceStatus: "illustrative",
  measure: null,
  plannedValues: [],
  ...change,
});

const blank = BLANK_UPDATE_VALUES;

beforeAll(() => {
  ({ db, close } = createTestDb());
  const user = (email: string, role: Actor["role"]): Actor => ({ id: createUser(db, { email, name: email, passwordHash: "h", role, provinceCode: ZJ, locale: "zh" }, test), role, provinceCode: ZJ });
  const staff = user("staff@zj.cn", "staff");
  const reviewer = user("rev@zj.cn", "reviewer");

  ids.investment = createTarget(db, targetInput("投资完成额", { measure: "investment_executed", plannedValues: [{ date: "2026-12-31", value: 20 }] }), test);
  ids.operational = createTarget(db, targetInput("建成创新中心数", { kind: "count", unit: "个", targetValue: 10, measure: "centres_operational" }), test);
  ids.unlinked = createTarget(db, targetInput("应用渗透率", { provinceCode: GD, kind: "rate", unit: "%", targetValue: 70 }), test);

  // Focus tags deliberately not in alphabetical order: position 0 is the primary focus.
  ids.enterpriseByName = createCentre(
    db,
    centreInput("杭州示例中心", { leadInstitution: "杭州示例智算科技有限公司（示例）", focusTags: ["smart_manufacturing", "large_models", "finance"], targetIds: [ids.investment, ids.operational] }),
    test,
  );
  // A credit code starting 9 (market regulation) makes the lead an enterprise whatever its name.
  ids.enterpriseByCode = createCentre(db, centreInput("宁波示例中心", { cityCode: "330200", leadInstitution: "宁波示例大学", leadCreditCode: "91350100M000100Y43", targetIds: [ids.investment] }), test);
  ids.institute = createCentre(db, centreInput("温州示例中心", { cityCode: "330300", status: "operational", focusTags: ["healthcare", "data_elements"] }), test);

  ids.m1 = createMilestone(db, { centreId: ids.enterpriseByName, title: "可研批复", category: "planning", weight: 2, plannedDate: "2026-03-31", evidenceRequired: false }, test, { progress: 100, actualCompletionDate: "2026-03-20", isDemo: false });
  ids.m2 = createMilestone(db, { centreId: ids.enterpriseByName, title: "一期上线", category: "compute", weight: 5, plannedDate: "2026-12-31", evidenceRequired: false }, test, { progress: 40, actualCompletionDate: null, isDemo: false });
  ids.m3 = createMilestone(db, { centreId: ids.institute, title: "平台上线", category: "platform", weight: 3, plannedDate: "2027-06-30", evidenceRequired: false }, test);

  const save = (centreId: string, period: string, values: Partial<UpdateValues>, intent: "save" | "submit", milestones: { id: string; progress: number }[] = []) =>
    saveUpdate(db, { centreId, period, version: 0, intent, values: { ...blank, ...values }, milestones: milestones.map((m) => ({ ...m, actualCompletionDate: null })) }, staff);
  const approve = (id: string) => reviewUpdate(db, { id, version: 1, action: "approve", reason: null }, reviewer);

  // Approved: two of the five conversion modes reported, 2 + 3 = 5 converted; milestone m2 reported at 60%.
  approve(save(ids.enterpriseByName, "2026-Q2", { investmentExecutedYuan: 100_000_000, resultsProduced: 30, convertedSelf: 2, convertedJoint: 3, utilizationPercent: 45.5 }, "submit", [{ id: ids.m2, progress: 60 }]).id);
  // Submitted but not approved: ignored.
  save(ids.enterpriseByName, "2026-Q3", { investmentExecutedYuan: 900_000_000 }, "submit");
  // A draft: ignored.
  save(ids.enterpriseByCode, "2026-Q3", { investmentExecutedYuan: 50_000_000 }, "save");
  // Returned: ignored.
  reviewUpdate(db, { id: save(ids.enterpriseByCode, "2026-Q2", { investmentExecutedYuan: 40_000_000 }, "submit").id, version: 1, action: "return", reason: "凭证缺失" }, reviewer);
  // Approved with no conversion mode at all, and all five modes on another: null vs the sum.
  approve(save(ids.institute, "2026-Q3", { resultsProduced: 12, firmsIncubated: 2 }, "submit").id);
  approve(save(ids.institute, "2026-Q2", { resultsProduced: 10, convertedSelf: 1, convertedTransfer: 2, convertedLicense: 3, convertedJoint: 4, convertedEquity: 5 }, "submit").id);

  setCalendar(db, GD, 0, { cadence: "monthly", dueDays: 10, graceDays: 3 }, test);
  loaded = loadEngineInput(db, "2026-07-01");
});
afterAll(() => close());

const centreOf = (id: string): EngineCentre => loaded.centres.find((c) => c.id === id)!;

describe("loadEngineInput", () => {
  it("passes the reporting start through", () => {
    expect(loaded.reportingStart).toBe("2026-07-01");
  });

  it("lists every province with its calendar, the default where none is stored", () => {
    expect(loaded.provinces).toHaveLength(34);
    expect(loaded.provinces.find((p) => p.code === GD)!.calendar).toEqual({ cadence: "monthly", dueDays: 10, graceDays: 3 });
    expect(loaded.provinces.find((p) => p.code === ZJ)!.calendar).toEqual(DEFAULT_CALENDAR);
  });

  it("reads only approved updates, summing the five conversion modes (null when none was reported)", () => {
    expect(centreOf(ids.enterpriseByName).reports).toEqual([
      {
        period: "2026-Q2",
        periodEnd: "2026-06-30",
        investmentExecutedYuan: 100_000_000,
        computePflops: null,
        utilizationPercent: 45.5,
        patentsGranted: null,
        resultsProduced: 30,
        resultsConverted: 5, // 2 + 3
        techContractValueYuan: null,
        firmsIncubated: null,
        talentIntroduced: null,
      },
    ]);
    expect(centreOf(ids.enterpriseByCode).reports).toEqual([]); // a draft and a returned update only
    const institute = [...centreOf(ids.institute).reports].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
    expect(institute.map((r) => [r.period, r.resultsProduced, r.resultsConverted, r.firmsIncubated])).toEqual([
      ["2026-Q2", 10, 15, null], // 1 + 2 + 3 + 4 + 5
      ["2026-Q3", 12, null, 2],
    ]);
  });

  it("gives each centre its columns, focus tags in position order, and whether an enterprise leads it", () => {
    expect(centreOf(ids.enterpriseByName)).toMatchObject({
      provinceCode: ZJ,
      cityCode: "330100",
      status: "under_construction",
      leadInstitution: "杭州示例智算科技有限公司（示例）",
      leadCreditCode: null,
      plannedBudgetYuan: 800_000_000,
      startDate: "2026-01-01",
      plannedCompletionDate: "2028-12-31",
      focusTags: ["smart_manufacturing", "large_models", "finance"],
      enterpriseLed: true, // 有限公司 in the name
    });
    expect(centreOf(ids.enterpriseByCode)).toMatchObject({ leadCreditCode: "91350100M000100Y43", enterpriseLed: true });
    expect(centreOf(ids.institute)).toMatchObject({ status: "operational", focusTags: ["healthcare", "data_elements"], enterpriseLed: false });
  });

  it("gives each centre its milestones with weight, planned date and stored progress", () => {
    const byId = (c: EngineCentre) => [...c.milestones].sort((a, b) => a.plannedDate.localeCompare(b.plannedDate));
    expect(byId(centreOf(ids.enterpriseByName))).toEqual([
      { id: ids.m1, title: "可研批复", weight: 2, plannedDate: "2026-03-31", progress: 100 },
      expect.objectContaining({ id: ids.m2, title: "一期上线", weight: 5, plannedDate: "2026-12-31" }),
    ]);
    expect(centreOf(ids.institute).milestones).toEqual([{ id: ids.m3, title: "平台上线", weight: 3, plannedDate: "2027-06-30", progress: 0 }]);
    expect(centreOf(ids.enterpriseByCode).milestones).toEqual([]);
  });

  // m2 was registered at 40% and approved at 60% in 2026-Q2: the engine sees 60, as the centre page does.
  it("sees the milestone progress of the latest approved update", () => {
    expect(centreOf(ids.enterpriseByName).milestones.find((m) => m.id === ids.m2)!.progress).toBe(60);
  });

  it("gives each target its linked centres, measure, unit and spec with planned values", () => {
    const targetOf = (id: string) => loaded.targets.find((t) => t.id === id)!;
    const investment = targetOf(ids.investment);
    expect([...investment.centreIds].sort()).toEqual([ids.enterpriseByName, ids.enterpriseByCode].sort());
    expect(investment).toMatchObject({
      provinceCode: ZJ,
      unit: "亿元",
      measure: "investment_executed",
      spec: { kind: "sum", baselineValue: 0, baselineDate: "2025-12-31", targetValue: 50, deadline: "2027-12-31", checkpoints: [{ date: "2026-12-31", value: 20 }] },
    });
    expect(targetOf(ids.operational)).toMatchObject({ centreIds: [ids.enterpriseByName], measure: "centres_operational", spec: { kind: "count", checkpoints: [] } });
    expect(targetOf(ids.unlinked)).toMatchObject({ provinceCode: GD, centreIds: [], measure: null, spec: { kind: "rate" } });
  });
});
