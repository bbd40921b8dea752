import { describe, expect, it } from "vitest";
import readXlsxFile from "read-excel-file/node";
import { exportFormatSchema, exportPreamble, tableResponse, withUnit } from "./table";
import { tEn, tZh } from "./test-translators";

describe("exportPreamble", () => {
  it("states scope, the day (now or a past close), units, and the filter only when one is given", () => {
    expect(exportPreamble(tZh, { scope: "浙江省", asOf: undefined, today: "2026-11-27" })).toEqual([
      ["范围", "浙江省"],
      ["数据截至", "2026-11-27（当前，只计已审批的数据）"],
      ["单位", "金额为元（整数）；百分比为 %；进度指数无单位"],
    ]);
    const past = exportPreamble(tEn, { scope: "Zhejiang", asOf: "2026-09-30", today: "2026-11-27", filter: "Status: Operational" });
    expect(past[1]).toEqual(["Figures as of", "end of 2026-09-30 (historical view, approvals made by then only)"]);
    expect(past[3]).toEqual(["Filter", "Status: Operational"]);
  });
});

describe("withUnit", () => {
  it("puts the unit in full-width brackets in Chinese, plain ones in English", () => {
    expect(withUnit(tZh, "计划总投资", "元")).toBe("计划总投资（元）");
    expect(withUnit(tEn, "Planned budget", "CNY")).toBe("Planned budget (CNY)");
  });
});

describe("exportFormatSchema", () => {
  it("defaults to csv, so links made before XLSX keep their file, and refuses anything else", () => {
    expect(exportFormatSchema.parse(undefined)).toBe("csv");
    expect(exportFormatSchema.parse("xlsx")).toBe("xlsx");
    expect(exportFormatSchema.safeParse("xls").success).toBe(false);
  });
});

describe("tableResponse", () => {
  const sheet = { name: "中心", preamble: [["范围", "浙江省"]], header: ["名称", "计划总投资（元）"], rows: [["杭州·之江智算中心", 1_200_000_000]] };

  it("serves CSV with a BOM and the file name in UTF-8", async () => {
    const response = await tableResponse(sheet, "浙江省-中心-2026-09-30", "csv");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("浙江省-中心-2026-09-30.csv")}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe("范围,浙江省\r\n\r\n名称,计划总投资（元）\r\n杭州·之江智算中心,1200000000\r\n");
  });

  it("serves XLSX whose text reads back exactly and whose amounts are numbers", async () => {
    const response = await tableResponse(sheet, "浙江省-中心-2026-09-30", "xlsx");
    expect(response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const [read] = await readXlsxFile(Buffer.from(await response.arrayBuffer()));
    expect(read!.sheet).toBe("中心");
    expect(read!.data.at(-1)).toEqual(["杭州·之江智算中心", 1_200_000_000]);
  });
});
