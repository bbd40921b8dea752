import { describe, expect, it } from "vitest";
import type { CentreResult, TargetResult } from "@/lib/domain/engine";
import type { RiskFlag } from "@/lib/domain/risk/types";
import { tEn, tZh } from "../test-translators";
import { indicatorRows, milestoneRows, updateEventRows } from "./centre";
import { disciplineRows, overdueRows } from "./discipline";
import { flagRows } from "./flags";
import { overviewRowsToExport, type OverviewExportRow } from "./overview";
import { centreRows, forecastText, lookAlikeRows, targetRows } from "./province";

const flag = (over: Partial<RiskFlag> = {}): RiskFlag => ({
  code: "duplicate_construction",
  severity: "red",
  subject: { kind: "centre_pair", ids: ["a", "b"] },
  key: "duplicate_construction|a,b|same_city",
  values: {},
  explanation: { zh: "两中心同城同方向。", en: "Same city, same focus." },
  ...over,
});

const centreResult = (over: Partial<CentreResult> = {}): CentreResult => ({
  provinceCode: "330000",
  status: "under_construction",
  completionPct: 42.5,
  plannedCompletionPct: 50,
  scheduleIndex: 0.85,
  latestReport: { period: "2026-Q3", periodEnd: "2026-09-30" },
  investmentExecutedYuan: 300_000_000,
  plannedSpendToDateYuan: 400_000_000,
  budgetYuan: 1_000_000_000,
  computedLevel: "amber",
  flags: [],
  ...over,
});

describe("overviewRowsToExport", () => {
  it("gives raw figures with units in the headers, and on track without the targets already met", () => {
    const row: OverviewExportRow = {
      code: "330000",
      nameZh: "浙江省",
      nameEn: "Zhejiang",
      completion: { centres: 4, meanPct: 37.5, budgetWeightedPct: 40 },
      targets: { targets: 5, met: 1, onTrack: 3, atRisk: 1, red: 0, unmeasured: 1 },
      targetProgressPct: 20.1,
      scheduleIndex: 0.912,
      investment: { executedYuan: 150, plannedToDateYuan: 200, budgetYuan: 1000, executedPctOfPlanned: 75 },
      centresByStatus: { planned: 1, under_construction: 2, operational: 1, suspended: 0 },
      redFlags: 2,
      amberFlags: 3,
      reporting: { expected: 4, onTime: 3, timeliness: 75 },
    };
    const { header, rows } = overviewRowsToExport(tZh, "zh", [row], "2026-Q3");
    const at = (label: string) => rows[0]![header.indexOf(label)];
    expect(at("行政区划代码")).toBe("330000");
    expect(rows[0]![1]).toBe("浙江省");
    expect(at("投资完成额（元）")).toBe(150);
    expect(at("应报（2026-Q3）")).toBe(4);
    expect(rows[0]!.slice(2, 6)).toEqual([1, 2, 1, 0]);
    // met 1, on track 3 (met included) → 2 on track besides.
    expect(rows[0]!.slice(10, 14)).toEqual([1, 2, 1, 1]);
    expect(overviewRowsToExport(tEn, "en", [row], undefined).rows[0]![1]).toBe("Zhejiang");
  });
});

describe("flagRows", () => {
  it("names the subjects and states the review state as the badge does", () => {
    const names = { centres: new Map([["a", "甲中心"], ["b", "乙中心"]]), targets: new Map(), provinces: new Map() };
    const { rows } = flagRows(tZh, "zh", [{ flag: flag(), state: { state: "dismissed", until: "2027-01-31" } }], names);
    expect(rows).toEqual([["红色", "重复建设", "甲中心 / 乙中心", "两中心同城同方向。", "已忽略，至 2027-01-31", "duplicate_construction|a,b|same_city"]]);
  });
});

describe("province tables", () => {
  const result: TargetResult = {
    provinceCode: "330000",
    unmeasuredReason: null,
    actual: 4,
    progressPct: 40,
    plannedValue: 5,
    plannedPct: 50,
    scheduleIndex: 0.8,
    standing: "at_risk",
    forecast: { kind: "late", forecastDate: "2028-03-01", slopePerDay: 0.01, pointsUsed: 3, daysLate: 60 },
    series: [],
    flags: [],
  };

  it("says the forecast as the page does, and nothing for a target no report measures", () => {
    expect(forecastText(tEn, result, "2027-12-31")).toBe("At the current trend reached on 2028-03-01, 60 days after the deadline.");
    expect(forecastText(tEn, { ...result, unmeasuredReason: "no_measure" }, "2027-12-31")).toBeNull();
  });

  it("keeps each target's values numbers in its own unit", () => {
    const { header, rows } = targetRows(tZh, "zh", [
      { title: "建成创新中心", unit: "个", kind: "count", measure: "centres_operational", baselineValue: 0, baselineDate: "2026-01-01", targetValue: 10, deadline: "2027-12-31", sourceStatus: "illustrative", sourceDocument: "文件", result },
    ]);
    expect(rows[0]![header.indexOf("单位")]).toBe("个");
    expect(rows[0]![header.indexOf("完成进度（%）")]).toBe(40);
    expect(rows[0]![header.indexOf("状态")]).toBe("滞后");
    // An interpolated plan (1,747.945205… of 3,000) is written to two decimals.
    const interpolated = targetRows(tZh, "zh", [
      { title: "企业", unit: "家", kind: "sum", measure: null, baselineValue: 0, baselineDate: "2024-12-31", targetValue: 3000, deadline: "2027-12-31", sourceStatus: "sourced", sourceDocument: "文件", result: { ...result, plannedValue: 1747.945205479452 } },
    ]);
    expect(interpolated.rows[0]![interpolated.header.indexOf("截至今日计划值")]).toBe(1747.95);
  });

  it("lists centres with budget in yuan and their open flag rules once each", () => {
    const { header, rows } = centreRows(tZh, "zh", [
      { id: "c1", name: "之江中心", leadInstitution: "之江实验室", cityCode: "330100", focusTags: ["large_models", "compute_infrastructure"], plannedBudgetYuan: 1_000_000_000, result: centreResult(), openFlags: [flag(), flag({ key: "other" })] },
    ]);
    expect(rows[0]).toEqual(["之江中心", "之江实验室", "杭州市", "大模型、智算基础设施", 1_000_000_000, "建设中", 42.5, 50, 0.85, "2026年第3季度", "黄色", "重复建设"]);
    expect(header[4]).toBe("计划投资（元）");
  });

  it("numbers look-alike groups, one row per centre", () => {
    const centres = new Map([["a", { name: "甲", cityCode: "330100", leadInstitution: "甲单位", focusTags: ["compute_infrastructure"] }]]);
    const { rows } = lookAlikeRows(tZh, "zh", [{ centreIds: ["a", "b"], flags: [flag()] }], centres);
    expect(rows).toEqual([
      [1, "红色", "甲", "杭州市", "甲单位", "智算基础设施", "两中心同城同方向。"],
      [1, "红色", "b", null, null, null, "两中心同城同方向。"],
    ]);
  });
});

describe("centre tables", () => {
  it("gives milestone dates as text and the slip in days", () => {
    const { rows } = milestoneRows(tZh, [
      { title: "机房竣工", category: "infrastructure", weight: 30, plannedDate: "2026-06-30", progress: 100, actualCompletionDate: "2026-07-20", standing: { state: "done", daysLate: 20 } },
    ]);
    expect(rows[0]).toEqual(["机房竣工", "基础设施", 30, "2026-06-30", "2026-07-20", 100, "已完成", 20]);
  });

  const context = { budgetYuan: 1_000_000, startDate: "2026-01-01", plannedCompletionDate: "2027-01-01", conversionThreshold: 0.15, idleAmberBelowPercent: 30 };
  const periods = [
    { period: "2026-Q2", periodEnd: "2026-07-02", investmentExecutedYuan: 400_000, resultsProduced: 8, resultsConverted: 3, utilizationPercent: 55.5 },
    { period: "2026-Q3", periodEnd: "2026-09-30", investmentExecutedYuan: null, resultsProduced: 0, resultsConverted: 0, utilizationPercent: null },
  ];

  it("puts the straight-line plan beside investment executed: 182 of 365 days of 1,000,000 元 is 498,630", () => {
    expect(indicatorRows(tZh, "zh", "investment", periods, context).rows).toEqual([["2026年第2季度", "2026-07-02", 400_000, 498_630, 1_000_000]]);
  });

  it("gives the conversion rate (3 of 8 = 37.5%) against its threshold, and utilization against the idle line, only for periods that report them", () => {
    expect(indicatorRows(tZh, "zh", "conversion", periods, context).rows).toEqual([["2026年第2季度", "2026-07-02", 8, 3, 37.5, 15]]);
    expect(indicatorRows(tEn, "en", "utilization", periods, context)).toEqual({
      header: ["Period", "Period end", "Utilization (%)", "Idle warning line (%)"],
      rows: [["2026-Q2", "2026-07-02", 55.5, 30]],
    });
  });

  it("gives submissions and reviews in Beijing time", () => {
    const { rows } = updateEventRows(tZh, "zh", [{ at: "2026-10-08T16:30:00.000Z", period: "2026-Q3", action: "return", actorName: "审核人", reason: "请补充佐证" }]);
    expect(rows).toEqual([["2026-10-09 00:30", "2026年第3季度", "退回", "审核人", "请补充佐证"]]);
  });
});

describe("discipline tables", () => {
  const figures = { expected: 3, reported: 2, approved: 1, onTime: 1, overdue: 1, completeness: 200 / 3, timeliness: 100 / 3 };

  it("rounds the rates as the page shows them and leaves a province with nothing due empty", () => {
    const { rows } = disciplineRows(
      tZh,
      [
        { ...figures, provinceCode: "330000", name: "浙江省", cadence: "quarterly", centres: 3, periods: ["2026-Q3"] },
        { expected: 0, reported: 0, approved: 0, onTime: 0, overdue: 0, completeness: null, timeliness: null, provinceCode: "340000", name: "安徽省", cadence: "quarterly", centres: 2, periods: [] },
      ],
      figures,
      "合计",
    );
    expect(rows[0]).toEqual(["330000", "浙江省", "按季度", 3, 2, 1, 1, 66.7, 33.3, 1]);
    expect(rows[1]).toEqual(["340000", "安徽省", "按季度报送，本月不需报送", null, null, null, null, null, null, null]);
    expect(rows[2]).toEqual([null, "合计", null, 3, 2, 1, 1, 66.7, 33.3, 1]);
  });

  it("lists every overdue centre with its days late", () => {
    const { header, rows } = overdueRows(tZh, "zh", [{ centreId: "c1", provinceCode: "330000", period: "2026-Q3", dueDate: "2026-10-15", daysLate: 43 }], new Map([["c1", "之江中心"]]), new Map([["330000", "浙江省"]]));
    expect(header.at(-1)).toBe("逾期天数（天）");
    expect(rows).toEqual([["之江中心", "浙江省", "2026年第3季度", "2026-10-15", 43]]);
  });
});
