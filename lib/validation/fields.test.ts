import { describe, expect, it } from "vitest";
import { decimal, integer, isoDate, isSafeText, lines, optionalText, requiredText } from "./fields";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? undefined : result.error!.issues[0]!.message);

describe("text fields refuse control and invisible formatting characters", () => {
  it.each([
    ["NUL", "浙江\u0000中心"],
    ["a bell (C0)", "中心\u0007"],
    ["DEL", "中心\u007f"],
    ["a C1 control (NEL)", "中心\u0085"],
    ["a right-to-left override", "中心\u202Efdp.exe"],
    ["a right-to-left isolate", "\u2067中心\u2069"],
    ["a zero-width space", "浙江\u200B中心"],
    ["a left-to-right mark", "\u200E中心"],
    ["a byte-order mark inside the text (trim removes one at the ends)", "中\uFEFF心"],
    ["a lone high surrogate", "中心\uD83D"],
    ["a lone low surrogate", "\uDE00中心"],
  ])("refuses %s", (_label, value) => {
    expect(isSafeText(value)).toBe(false);
    expect(firstMessage(requiredText(100).safeParse(value))).toBe("unsafeText");
    expect(firstMessage(optionalText(100).safeParse(value))).toBe("unsafeText");
    expect(firstMessage(lines(5, 100).safeParse(value))).toBe("unsafeText");
  });

  it.each([
    ["Chinese text", "之江实验室（杭州）"],
    ["an emoji with a zero-width joiner", "团队 👩‍💻"],
    ["combining marks", "Zürich e\u0301cole"],
    ["tabs and line breaks in a long text", "第一段\r\n\t第二段"],
    ["SQL and HTML, which are only text", "' OR 1=1 -- <script>alert(1)</script>"],
  ])("takes %s", (_label, value) => {
    expect(isSafeText(value)).toBe(true);
    expect(optionalText(100).safeParse(value).success).toBe(true);
  });
});

describe("isoDate", () => {
  it.each([
    ["2026-02-30", "date"],
    ["2026-13-01", "date"],
    ["2026/01/01", "date"],
    ["2026-01-01T00:00:00Z", "date"],
    ["0000-01-01", "dateRange"],
    ["1899-12-31", "dateRange"],
    ["2100-01-01", "dateRange"],
    ["9999-12-31", "dateRange"],
  ])("refuses %s with %s only", (value, message) => {
    const result = isoDate().safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual([message]);
  });

  it.each(["1900-01-01", "2028-02-29", "2099-12-31"])("takes %s", (value) => {
    expect(isoDate().safeParse(value)).toEqual({ success: true, data: value });
  });
});

describe("numbers from text", () => {
  it.each(["0x1F", "0b11", "0o7", "1_000", "１２", "12abc", "Infinity", "NaN", "--1"])("refuses %s", (value) => {
    expect(firstMessage(decimal(-1e9, 1e9).safeParse(value))).toBe("number");
  });

  it.each([
    ["1,000", 1000],
    [" 12 ", 12],
    ["1e3", 1000],
    ["+5", 5],
    [".5", 0.5],
    ["-2.50", -2.5],
  ])("reads %s as %d", (value, expected) => {
    expect(decimal(-1e9, 1e9).safeParse(value)).toEqual({ success: true, data: expected });
  });

  it("keeps the integer rule after reading", () => {
    expect(firstMessage(integer(0, 10).safeParse("2.5"))).toBe("integer");
  });
});
