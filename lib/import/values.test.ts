import { describe, expect, it } from "vitest";
import { cityCodeOf, codeOf, codesOf, dateText, listOf, provinceCodeOf, yesNo } from "./values";

const provinces = [{ code: "330000", nameZh: "浙江省", nameEn: "Zhejiang", shortZh: "浙江" }];

describe("coded cells", () => {
  it("accept the code or its label in either language, ignoring case and spacing", () => {
    expect(codeOf("status", "建设中")).toBe("under_construction");
    expect(codeOf("status", "  Under   construction ")).toBe("under_construction");
    expect(codeOf("status", "operational")).toBe("operational");
    expect(codeOf("category", "算力建设")).toBe("compute");
    expect(codeOf("computePrecision", "fp16")).toBe("FP16");
    expect(codeOf("status", "在建")).toBe("在建");
    expect(codeOf("status", null)).toBeNull();
    expect(codesOf("focusTags", "大模型、Smart manufacturing；ai_chips")).toEqual(["large_models", "smart_manufacturing", "ai_chips"]);
  });

  it("find provinces and cities by name or code, and cities of other provinces too", () => {
    expect(provinceCodeOf("浙江", provinces)).toBe("330000");
    expect(provinceCodeOf("zhejiang", provinces)).toBe("330000");
    expect(provinceCodeOf("火星", provinces)).toBe("火星");
    expect(cityCodeOf("杭州", "330000")).toBe("330100");
    expect(cityCodeOf("杭州市", null)).toBe("330100");
    expect(cityCodeOf("广州市", "330000")).toBe("440100");
    expect(cityCodeOf(" 330200 ", "330000")).toBe("330200");
    expect(cityCodeOf("某市", "330000")).toBe("某市");
  });
});

describe("lists, yes/no and dates", () => {
  it("split lists: codes on any separator, names (which may hold any punctuation) only on line ends", () => {
    expect(listOf("甲, 乙；丙\n丁、戊", "codes")).toEqual(["甲", "乙", "丙", "丁", "戊"]);
    expect(listOf("甲, 乙 联合体; Ltd\r\n丁、戊\n\n", "names")).toEqual(["甲, 乙 联合体; Ltd", "丁、戊"]);
    expect(listOf(null, "codes")).toEqual([]);
  });

  it("read yes and no in both languages", () => {
    expect(yesNo("是")).toEqual({ value: true });
    expect(yesNo("No")).toEqual({ value: false });
    expect(yesNo(true)).toEqual({ value: true });
    expect(yesNo(null)).toEqual({ value: false });
    expect(yesNo("也许")).toEqual({ reason: "yesNo" });
  });

  it("read spreadsheet dates and the usual written forms as YYYY-MM-DD", () => {
    expect(dateText(new Date(Date.UTC(2026, 5, 30)))).toBe("2026-06-30");
    expect(dateText("2026/6/3")).toBe("2026-06-03");
    expect(dateText("2026年6月30日")).toBe("2026-06-30");
    expect(dateText("30/06/2026")).toBe("30/06/2026");
  });
});
