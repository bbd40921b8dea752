import { describe, expect, it } from "vitest";
import { csvDownloadHeaders, csvSafeText, csvUnsafeText, csvWithPreamble } from "./csv";

describe("csvWithPreamble", () => {
  it("starts with a BOM, puts the preamble, a blank line, the header and rows, quoting what needs it", () => {
    const csv = csvWithPreamble([["范围", "全国"]], ["省份", "金额（元）"], [["浙江省", 1200], ['含"引号", 和逗号', null]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('范围,全国\r\n\r\n省份,金额（元）\r\n浙江省,1200\r\n"含""引号"", 和逗号",\r\n');
  });
});

describe("csvDownloadHeaders", () => {
  it("names the file in ASCII and UTF-8", () => {
    const headers = csvDownloadHeaders("全国总览-2026-09-30.csv") as Record<string, string>;
    expect(headers["Content-Disposition"]).toBe(`attachment; filename="____-2026-09-30.csv"; filename*=UTF-8''${encodeURIComponent("全国总览-2026-09-30.csv")}`);
  });
});

describe("csvSafeText", () => {
  it("prefixes text a spreadsheet would run as a formula, and the importer's csvUnsafeText removes it again", () => {
    for (const text of ["=1+1", "+86 10", "-x", "@SUM(A1)", "\tx"]) {
      expect(csvSafeText(text)).toBe(`'${text}`);
      expect(csvUnsafeText(csvSafeText(text))).toBe(text);
    }
    expect(csvSafeText("中心 -1")).toBe("中心 -1");
    // Text that starts with an apostrophe itself survives the round trip too; a hand-typed one is left alone.
    for (const text of ["'=P2", "'quoted", "''"]) expect(csvUnsafeText(csvSafeText(text))).toBe(text);
    expect(csvUnsafeText("'quoted")).toBe("'quoted");
  });

  it("is applied to text cells of a CSV, not to numbers", () => {
    expect(csvWithPreamble([], ["a", "b"], [["=HYPERLINK()", -5]]).slice(1)).toBe("a,b\r\n'=HYPERLINK(),-5\r\n");
  });
});
