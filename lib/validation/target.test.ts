import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "./form-state";
import { targetSchema, updateTargetSchema } from "./target";

const valid = {
  provinceCode: "330000",
  title: "到2027年建成人工智能创新中心10个",
  kind: "count",
  metric: "人工智能创新中心数量",
  unit: "个",
  targetValue: "10",
  baselineValue: "0",
  baselineDate: "2024-12-31",
  deadline: "2027-12-31",
  sourceDocument: "示例文件",
  sourceUrl: "",
  sourceStatus: "illustrative",
};

describe("targetSchema", () => {
  it("parses a form submission", () => {
    expect(targetSchema.parse(valid)).toMatchObject({ targetValue: 10, baselineValue: 0, sourceUrl: null });
  });

  it.each([
    [{ deadline: "2024-12-31" }, "deadline", "deadlineAfterBaseline"],
    [{ kind: "rate", unit: "%", targetValue: "120" }, "targetValue", "percentOver100"],
    [{ sourceUrl: "javascript:alert(1)" }, "sourceUrl", "url"],
    [{ targetValue: "" }, "targetValue", "required"],
    [{ kind: "ratio" }, "kind", "invalid"],
  ])("refuses %o: %s → %s", (change, field, key) => {
    const result = targetSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorKeys(result.error.issues)[field]).toBe(key);
  });
});

// What the target form posts: its select and textarea always send a value, empty when untouched.
const form = { ...valid, measure: "", plannedValues: "" };

const errorsOf = (change: Record<string, unknown>) => {
  const result = targetSchema.safeParse({ ...form, ...change });
  return result.success ? {} : fieldErrorKeys(result.error.issues);
};

describe("targetSchema: measure", () => {
  it.each([
    [{}, null], // empty select
    [{ measure: undefined }, null], // not sent
    [{ measure: null }, null],
    [{ measure: "centres_operational" }, "centres_operational"], // count in 个
    [{ kind: "sum", unit: "亿元", measure: "investment_executed" }, "investment_executed"],
    [{ kind: "sum", unit: "EFLOPS", measure: "compute_pflops" }, "compute_pflops"],
    [{ kind: "sum", unit: "家", measure: "firms_incubated" }, "firms_incubated"],
    [{ kind: "rate", unit: "%", targetValue: "65", measure: "compute_utilization" }, "compute_utilization"],
    [{ kind: "rate", unit: "%", targetValue: "30", measure: "conversion_rate" }, "conversion_rate"],
  ])("accepts %o → %s", (change, measure) => {
    expect(targetSchema.parse({ ...form, ...change }).measure).toBe(measure);
  });

  it.each([
    [{ measure: "bogus" }, "invalid"],
    [{ measure: "investment_executed" }, "measureKind"], // a sum measure on a count target
    [{ kind: "sum", measure: "centres_operational" }, "measureKind"],
    [{ kind: "rate", unit: "%", measure: "investment_executed" }, "measureKind"], // kind judged before unit
    [{ kind: "sum", unit: "个", measure: "investment_executed" }, "measureUnit"], // money needs 元/万元/亿元
    [{ kind: "sum", unit: "PFLOPS", measure: "tech_contract_value" }, "measureUnit"],
    [{ kind: "sum", unit: "亿元", measure: "compute_pflops" }, "measureUnit"],
    [{ unit: "亿元", measure: "centres_operational" }, "measureUnit"], // a count refuses money units
    [{ unit: "%", measure: "centres_operational" }, "measureUnit"],
    [{ kind: "rate", unit: "个", measure: "compute_utilization" }, "measureUnit"],
  ])("refuses %o at path measure → %s", (change, key) => {
    expect(errorsOf(change).measure).toBe(key);
  });

  it("does not judge the measure against an invalid kind or unit (only their own errors show)", () => {
    expect(errorsOf({ kind: "ratio", measure: "investment_executed" })).toEqual({ kind: "invalid" });
    expect(errorsOf({ unit: "", measure: "investment_executed" })).toEqual({ unit: "required" });
  });
});

describe("targetSchema: plannedValues", () => {
  // Baseline 2024-12-31, deadline 2027-12-31: planned dates must lie strictly between them.
  const parsed = (plannedValues: unknown) => targetSchema.parse({ ...form, plannedValues }).plannedValues;

  it.each([
    ["2026-12-31 5", [{ date: "2026-12-31", value: 5 }]],
    ["2026-12-31=5", [{ date: "2026-12-31", value: 5 }]],
    ["2026-12-31,5", [{ date: "2026-12-31", value: 5 }]],
    ["2026-12-31, 5", [{ date: "2026-12-31", value: 5 }]],
    ["2026-12-31\t5", [{ date: "2026-12-31", value: 5 }]],
    ["2026-12-31，5", [{ date: "2026-12-31", value: 5 }]], // full-width comma
    ["  2026-12-31 = 7.5  ", [{ date: "2026-12-31", value: 7.5 }]],
    ["2025-01-01 0", [{ date: "2025-01-01", value: 0 }]], // the day after the baseline
    ["2027-12-30 10", [{ date: "2027-12-30", value: 10 }]], // the day before the deadline
  ])("reads the line %j", (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });

  it("reads several lines (CRLF, blank lines) and sorts them by date", () => {
    expect(parsed("2026-12-31 6\r\n\r\n2025-12-31=3\n  \n2027-06-30, 8\n")).toEqual([
      { date: "2025-12-31", value: 3 },
      { date: "2026-12-31", value: 6 },
      { date: "2027-06-30", value: 8 },
    ]);
  });

  it("reads a JSON array of { date, value }, sorted, values as numbers", () => {
    expect(
      parsed([
        { date: "2026-12-31", value: "6" },
        { date: "2025-12-31", value: 3 },
      ]),
    ).toEqual([
      { date: "2025-12-31", value: 3 },
      { date: "2026-12-31", value: 6 },
    ]);
  });

  it.each([[undefined], [null], [""], ["   \n \r\n "], [[]]])("takes %j as a straight line: []", (input) => {
    expect(parsed(input)).toEqual([]);
  });

  it("accepts 50 lines and refuses 51", () => {
    // 50 (or 51) distinct days from 2025-01-01 on, all inside the target's span.
    const lines = (n: number) =>
      Array.from({ length: n }, (_, i) => `${new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10)} ${i}`).join("\n");
    expect(parsed(lines(50))).toHaveLength(50);
    expect(errorsOf({ plannedValues: lines(51) })).toEqual({ plannedValues: "tooMany" });
  });

  it.each([
    ["2026-12-31"], // no value
    ["2026-12-31 5 6"], // three parts
    ["2026-13-01 5"], // no such month
    ["2026-02-30 5"], // no such day
    ["31/12/2026 5"],
    ["2026-12-31 abc"],
    ["2026-12-31 -1"], // below 0
    ["2026-12-31 5\nnonsense"], // one bad line spoils the field
    [[{ date: "2026-12-31" }]], // JSON row without a value
    [[{ value: 5 }]],
    [["2026-12-31 5"]], // an array of strings is not an array of rows
  ])("refuses %j at path plannedValues → plannedValueLine", (input) => {
    expect(errorsOf({ plannedValues: input })).toEqual({ plannedValues: "plannedValueLine" });
  });

  it.each([[5], [{ date: "2026-12-31", value: 5 }], [true]])("refuses %j (neither text nor an array) → invalid", (input) => {
    expect(errorsOf({ plannedValues: input })).toEqual({ plannedValues: "invalid" });
  });

  it.each([
    ["2024-12-31 1"], // on the baseline date
    ["2024-06-30 1"], // before it
    ["2027-12-31 9"], // on the deadline
    ["2028-06-30 9"], // after it
    ["2026-12-31 5\n2027-12-31 9"], // one inside, one on the deadline
  ])("refuses %j outside baseline..deadline → plannedValueOutside", (input) => {
    expect(errorsOf({ plannedValues: input })).toEqual({ plannedValues: "plannedValueOutside" });
  });

  it("refuses a repeated date → plannedValueRepeated", () => {
    expect(errorsOf({ plannedValues: "2026-12-31 5\n2026-12-31=6" })).toEqual({ plannedValues: "plannedValueRepeated" });
    expect(errorsOf({ plannedValues: [{ date: "2026-12-31", value: 5 }, { date: "2026-12-31", value: 5 }] })).toEqual({ plannedValues: "plannedValueRepeated" });
  });

  it("reports a date outside before a repeated one", () => {
    expect(errorsOf({ plannedValues: "2026-12-31 5\n2026-12-31 6\n2028-01-01 9" })).toEqual({ plannedValues: "plannedValueOutside" });
  });

  it("judges planned dates against the deadline only when the dates are valid", () => {
    // An invalid deadline shows its own error, not plannedValueOutside.
    expect(errorsOf({ deadline: "2027-02-30", plannedValues: "2028-06-30 9" })).toEqual({ deadline: "date" });
    // A deadline before the baseline: that error only (the span the dates must lie in is itself wrong).
    expect(errorsOf({ deadline: "2024-06-30", plannedValues: "2026-12-31 5" })).toEqual({ deadline: "deadlineAfterBaseline" });
  });

  it("applies the same rules on edit", () => {
    const result = updateTargetSchema.safeParse({ ...form, id: "t1", version: "3", measure: "investment_executed", plannedValues: "2026-12-31 5" });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorKeys(result.error.issues)).toEqual({ measure: "measureKind" });
    expect(updateTargetSchema.parse({ ...form, id: "t1", version: "3", plannedValues: "2026-12-31 5" })).toMatchObject({ version: 3, measure: null, plannedValues: [{ date: "2026-12-31", value: 5 }] });
  });
});
