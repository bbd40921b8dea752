import { describe, expect, it } from "vitest";
import readXlsxFile from "read-excel-file/node";
import { parsePeriod } from "@/lib/domain/periods";
import { quarterlyReportSheets, quarterName, type QuarterlyReportInput } from "./report";
import { tEn, tZh } from "./test-translators";
import { tablesToXlsx } from "./xlsx";

const q3 = parsePeriod("2026-Q3")!;

const input: QuarterlyReportInput = {
  provinceName: "浙江省",
  quarter: q3,
  today: "2026-11-27",
  figures: {
    code: "330000",
    completion: { centres: 4, meanPct: 37.5, budgetWeightedPct: 40 },
    targets: { targets: 5, met: 1, onTrack: 3, atRisk: 1, red: 0, unmeasured: 1 },
    targetProgressPct: 20,
    scheduleIndex: 0.9,
    investment: { executedYuan: 150_000_000, plannedToDateYuan: 200_000_000, budgetYuan: 1_000_000_000, executedPctOfPlanned: 75 },
    centresByStatus: { planned: 1, under_construction: 2, operational: 1, suspended: 0 },
    redFlags: 2,
    amberFlags: 3,
  },
  targets: [],
  centres: [],
  flags: [],
  flagNames: { centres: new Map(), targets: new Map(), provinces: new Map() },
  discipline: { expected: 4, reported: 3, approved: 2, onTime: 2, overdue: 1, completeness: 75, timeliness: 50 },
  overdue: [{ centreId: "c1", provinceCode: "330000", period: "2026-Q3", dueDate: "2026-10-15", daysLate: 43 }],
  centreNames: new Map([["c1", "之江中心"]]),
};

describe("quarterName", () => {
  it("names the quarter as a Chinese report does", () => {
    expect(quarterName(q3, "zh")).toBe("2026年第三季度");
    expect(quarterName(parsePeriod("2027-Q1")!, "en")).toBe("Q1 2027");
  });
});

describe("quarterlyReportSheets", () => {
  it("opens with the titled summary, then targets, centres, flags and the overdue list", async () => {
    const sheets = quarterlyReportSheets(tZh, "zh", input);
    expect(sheets.map((s) => s.name)).toEqual(["汇总", "目标", "中心", "风险提示", "逾期未报"]);
    const [summary] = await readXlsxFile(await tablesToXlsx(sheets));
    expect(summary!.data[0]![0]).toBe("浙江省人工智能创新中心建设情况季度报告（2026年第三季度）");
    expect(summary!.data[1]).toEqual(["报送单位", "浙江省", null]);
    expect(summary!.data[2]).toEqual(["报告期", "2026年第三季度（2026-07-01 至 2026-09-30）", null]);
    const line = (label: string) => summary!.data.find((row) => row[0] === label);
    expect(line("创新中心总数")).toEqual(["创新中心总数", 4, "个"]);
    expect(line("其中：建设中")).toEqual(["其中：建设中", 2, "个"]);
    // On track besides the met one: 3 − 1.
    expect(line("其中：进度正常")).toEqual(["其中：进度正常", 2, "个"]);
    expect(line("累计完成投资")).toEqual(["累计完成投资", 150_000_000, "元"]);
    expect(line("报送及时率")).toEqual(["报送及时率", 50, "%"]);
  });

  it("lists the overdue centres with days late, counted to the day the report is made", () => {
    const overdue = quarterlyReportSheets(tEn, "en", { ...input, provinceName: "Zhejiang" }).at(-1)!;
    expect(overdue.name).toBe("Overdue");
    expect(overdue.preamble![1]).toEqual(["Figures as of", "2026-11-27 (current, approved data only)"]);
    expect(overdue.rows).toEqual([["之江中心", "Zhejiang", "2026-Q3", "2026-10-15", 43]]);
  });
});
