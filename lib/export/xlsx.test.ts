import { describe, expect, it } from "vitest";
import readXlsxFile from "read-excel-file/node";
import { tablesToXlsx } from "./xlsx";

describe("tablesToXlsx", () => {
  it("writes each table to its own sheet: preamble, a blank line, header, rows; text stays text", async () => {
    const file = await tablesToXlsx([
      { name: "省份 Provinces", preamble: [["范围", "全国"]], header: ["省份", "金额（元）"], rows: [["浙江省", 1200], ["=SUM(A1)", null]] },
      { name: "a:b/c?", header: ["x"], rows: [[1.5]] },
    ]);
    const sheets = await readXlsxFile(file);
    expect(sheets.map((s) => s.sheet)).toEqual(["省份 Provinces", "a b c "]);
    expect(sheets[0]!.data).toEqual([
      ["范围", "全国"],
      [null, null],
      ["省份", "金额（元）"],
      ["浙江省", 1200],
      ["=SUM(A1)", null],
    ]);
    expect(sheets[1]!.data).toEqual([["x"], [1.5]]);
  });
});
