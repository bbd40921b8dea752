import { describe, expect, it } from "vitest";
import { axisMaxFor, buildTimeSeriesOption, formatValue, tableDates, withUnit, type TimeSeries } from "./time-series-option";

const burnUp: TimeSeries[] = [
  { name: "实际", kind: "actual", points: [{ date: "2026-07-31", value: 2 }, { date: "2026-09-30", value: 5 }] },
  { name: "计划", kind: "planned", points: [{ date: "2026-01-01", value: 0 }, { date: "2027-12-31", value: 10 }] },
  { name: "预测", kind: "forecast", points: [{ date: "2026-09-30", value: 5 }, { date: "2027-08-31", value: 10 }] },
];

describe("withUnit / formatValue", () => {
  it.each([
    ["45.2", "%", "en", "45.2%"],
    ["45.2", "%", "zh", "45.2%"],
    ["1.2", "亿元", "zh", "1.2亿元"],
    ["3", "PFLOPS", "en", "3 PFLOPS"],
    ["3", "PFLOPS", "zh", "3PFLOPS"],
    ["3", "", "en", "3"],
  ] as const)("%s with %s in %s is %s", (text, unit, locale, expected) => {
    expect(withUnit(text, unit, locale)).toBe(expected);
  });

  it("formats the number for the locale first", () => {
    expect(formatValue(12345.678, "亿元", "zh", 2)).toBe("12,345.68亿元");
    expect(formatValue(0.5, "%", "en", 1)).toBe("0.5%");
  });
});

describe("axisMaxFor", () => {
  const low = [{ name: "a", kind: "actual" as const, points: [{ date: "2026-01-01", value: 12 }] }];
  it.each<[string, TimeSeries[], { value: number; label: string } | undefined, number | undefined]>([
    ["no threshold, no fixed top", low, undefined, undefined],
    ["a threshold under the data changes nothing", low, { value: 10, label: "t" }, undefined],
    // 30 × 1.1 = 33; a fifth is 6.6 → step 10; 33 rounds up to 40
    ["a threshold above the data", low, { value: 30, label: "t" }, 40],
    // 0.9 × 1.1 = 0.99; a fifth is 0.198 → step 0.2; 0.99 rounds up to 1
    ["a rate threshold", [{ name: "r", kind: "actual", points: [{ date: "2026-01-01", value: 0.5 }] }], { value: 0.9, label: "t" }, 1],
    // 100 × 1.1 = 110; a fifth is 22 → step 25; 110 rounds up to 125
    ["no points at all", [], { value: 100, label: "t" }, 125],
  ])("%s", (_, series, threshold, expected) => {
    expect(axisMaxFor(series, threshold)).toBe(expected);
  });
});

describe("tableDates", () => {
  it("lists each date once, in order", () => {
    expect(tableDates(burnUp)).toEqual(["2026-01-01", "2026-07-31", "2026-09-30", "2027-08-31", "2027-12-31"]);
  });
});

describe("buildTimeSeriesOption", () => {
  const option = buildTimeSeriesOption({ unit: "个", locale: "zh", series: burnUp, threshold: { value: 8, label: "目标" } });
  const series = option.series as { lineStyle: { type: string }; symbol: string; markLine?: unknown; data: unknown }[];

  it("is plain data that survives serialisation to the client", () => {
    expect(JSON.parse(JSON.stringify(option))).toEqual(option);
  });

  it("draws actual solid, planned dashed, forecast dotted, each with its own marker", () => {
    expect(series.map((s) => s.lineStyle.type)).toEqual(["solid", "dashed", "dotted"]);
    expect(new Set(series.map((s) => s.symbol)).size).toBe(3);
    expect(series[0]!.data).toEqual([["2026-07-31", 2], ["2026-09-30", 5]]);
  });

  it("puts the threshold line on the first series only, labelled with its value", () => {
    expect(series[0]!.markLine).toMatchObject({ data: [{ yAxis: 8, name: "目标" }], label: { formatter: "目标 8个" } });
    expect(series[1]!.markLine).toBeUndefined();
  });

  it("turns on decal patterns and uses the Chinese time labels", () => {
    expect(option.aria).toMatchObject({ enabled: true, decal: { show: true } });
    expect(option.xAxis).toMatchObject({ type: "time", axisLabel: { formatter: { month: "{M}月" } } });
  });
});

describe("buildTimeSeriesOption: the time axis", () => {
  it("widens a single date to a quarter either side and never ticks below a day", () => {
    const option = buildTimeSeriesOption({ unit: "%", locale: "zh", series: [{ name: "a", kind: "actual", points: [{ date: "2026-09-30", value: 20 }] }] });
    const day = Date.parse("2026-09-30T00:00:00Z");
    expect(option.xAxis).toMatchObject({ minInterval: 86_400_000, min: day - 45.5 * 86_400_000, max: day + 45.5 * 86_400_000 });
  });

  it("leaves the span to ECharts when there are two dates or more", () => {
    const option = buildTimeSeriesOption({ unit: "%", locale: "zh", series: [{ name: "a", kind: "actual", points: [{ date: "2026-06-30", value: 10 }, { date: "2026-09-30", value: 20 }] }] });
    expect(option.xAxis).not.toHaveProperty("min");
    expect(option.xAxis).not.toHaveProperty("max");
  });
});
