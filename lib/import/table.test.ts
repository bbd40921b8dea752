import { describe, expect, it } from "vitest";
import { columnForHeader } from "./columns";
import { readTable, MAX_IMPORT_ROWS } from "./table";

describe("columnForHeader", () => {
  it.each([
    ["中心名称 / Centre name", "name"],
    ["中心名称", "name"],
    ["centre NAME", "name"],
    ["plannedBudgetYuan", "plannedBudgetYuan"],
    [" 计划投资（元）  /  Planned investment (CNY) ", "plannedBudgetYuan"],
    ["备注", undefined],
    ["", undefined],
  ])("%j names %s", (header, key) => {
    expect(columnForHeader("centres", header)?.key).toBe(key);
  });
});

describe("readTable", () => {
  it("skips the preamble above the header and blank rows, numbering rows as a spreadsheet does", () => {
    const table = readTable("milestones", [
      ["范围", "浙江省"],
      [null, null],
      ["里程碑 / Milestone", "类别", "计划完成日期"],
      ["甲", "compute", "2026-06-30"],
      [null, "", "  "],
      ["乙", null, null],
    ]);
    expect(table.issues).toEqual([]);
    expect(table.records).toEqual([
      { row: 4, values: { title: "甲", category: "compute", plannedDate: "2026-06-30" } },
      { row: 6, values: { title: "乙", category: null, plannedDate: null } },
    ]);
    expect([...table.headers]).toEqual([
      ["title", "里程碑 / Milestone"],
      ["category", "类别"],
      ["plannedDate", "计划完成日期"],
    ]);
  });

  it("reports stray cells once per row however many a row has", () => {
    const grid = [["里程碑", "类别"], ...Array.from({ length: 1000 }, () => ["m", "compute", ...Array.from({ length: 20 }, () => "x")])];
    expect(readTable("milestones", grid).issues.filter((i) => i.reason === "valueWithoutHeader")).toHaveLength(1000);
  });

  it("reports a value in a column without a header once per row, but not values under an unknown header", () => {
    const table = readTable("milestones", [
      ["里程碑", "类别", "计划完成日期", "备注"],
      ["甲", "compute", "2026-06-30", "说明", "孤立值", "又一个"],
    ]);
    expect(table.issues).toEqual([
      { row: 1, column: "备注", value: null, reason: "unknownColumn" },
      { row: 2, column: null, value: "孤立值", reason: "valueWithoutHeader" },
    ]);
  });

  it("needs a header in the first 20 rows and at least one data row", () => {
    expect(readTable("centres", [["a", "b"]]).issues).toEqual([{ row: null, column: null, value: null, reason: "noHeader" }]);
    expect(readTable("milestones", [["里程碑", "类别", "计划完成日期"]]).issues).toEqual([{ row: null, column: null, value: null, reason: "noRows" }]);
  });

  it("refuses more rows than the limit without reading them", () => {
    const grid = [["里程碑", "类别"], ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`m${i}`, "compute"])];
    expect(readTable("milestones", grid)).toMatchObject({ records: [], issues: [{ reason: "tooManyRows", value: String(MAX_IMPORT_ROWS) }] });
    expect(readTable("milestones", grid.slice(0, -1)).records).toHaveLength(MAX_IMPORT_ROWS);
  });
});
