import { describe, expect, it } from "vitest";
import { thresholdOrderViolations, withOverrides } from "@/lib/domain/risk/threshold-fields";
import type { RiskThresholds } from "@/lib/domain/risk/thresholds";
import { fieldErrorKeys } from "@/lib/validation/form-state";
import { thresholdSchemaFor } from "@/lib/validation/threshold";
import { defaultsOf, THRESHOLDS, type ThresholdRow } from "@/lib/registry/thresholds";
import { thresholdsPageModel } from "./thresholds-model";

const none = new Map<string, { value: number; version: number }>();

describe("thresholdsPageModel", () => {
  it("shows every registry row once, grouped by rule family in registry order", () => {
    const groups = thresholdsPageModel(none, "zh");
    expect(groups.map((g) => g.group)).toEqual(["duplicate", "scattered", "conversion", "schedule", "milestone", "funding", "stale"]);
    expect(groups.flatMap((g) => g.rows.map((r) => r.key))).toEqual(THRESHOLDS.map((r) => r.key));
    expect(groups.find((g) => g.group === "schedule")!.rows.map((r) => r.key)).toEqual([
      "schedule.amberBelowIndex",
      "schedule.redBelowIndex",
      "schedule.centreAmberBelowIndex",
      "schedule.centreRedBelowIndex",
    ]);
  });

  it.each([
    // [key, locale, default as read, range as read]
    ["conversion.rate", "zh", "20%", ["0%", "100%"]], // a fraction shown as a percentage
    ["scattered.minScaleYuan", "zh", "1亿元", ["0元", "100,000亿元"]], // 1e13 元 = 100,000 亿元
    ["scattered.minScaleYuan", "en", "CNY 100 m", ["CNY 0", "CNY 10,000 bn"]],
    ["milestone.redAfterDaysOverdue", "zh", "90 天", ["1 天", "3650 天"]],
    ["duplicate.idleUtilizationRedBelowPercent", "en", "30%", ["0%", "100%"]],
    ["schedule.centreRedBelowIndex", "zh", "0.75", ["0", "2"]],
  ] as const)("%s (%s) reads %s within %j", (key, locale, text, [min, max]) => {
    const row = thresholdsPageModel(none, locale).flatMap((g) => g.rows).find((r) => r.key === key)!;
    expect(row).toMatchObject({ defaultText: text, valueText: text, rangeText: { min, max }, overridden: false, version: 0 });
  });

  it("shows a stored override in force with its version, and ignores one for a removed threshold", () => {
    const overrides = new Map([
      ["conversion.rate", { value: 0.15, version: 3 }],
      ["duplicate.idleOccupancyRedBelowPercent", { value: 40, version: 1 }],
    ]);
    const rows = thresholdsPageModel(overrides, "zh").flatMap((g) => g.rows);
    expect(rows.find((r) => r.key === "conversion.rate")).toMatchObject({ value: 0.15, valueText: "15%", defaultValue: 0.2, version: 3, overridden: true });
    expect(rows.some((r) => r.key.includes("Occupancy"))).toBe(false);
    expect(rows).toHaveLength(THRESHOLDS.length);
  });
});

// The registry test: one more row, and nothing else edited, is on the page, validated and ordered.
describe("a threshold added to the registry", () => {
  const extra: ThresholdRow = {
    key: "stale.amberMissedDays",
    defaultValue: 10,
    unit: "days",
    min: 1,
    max: 60,
    step: 1,
    source: "product_default",
    basis: "Test-only row.",
    labelKey: "thresholds.fields.stale_amberMissedDays",
    helpKey: "thresholds.help.stale_amberMissedDays",
  };
  const registry = [...THRESHOLDS, { ...extra, atMost: "milestone.redAfterDaysOverdue" }];

  it("appears in the admin page's model with its default and messages", () => {
    const stale = thresholdsPageModel(none, "en", registry).find((g) => g.group === "stale")!;
    expect(stale.rows.map((r) => r.key)).toEqual(["stale.redMissedPeriods", "stale.amberMissedDays"]);
    expect(stale.rows[1]).toMatchObject({ defaultText: "10 days", labelKey: extra.labelKey, helpKey: extra.helpKey, value: 10 });
    // The real registry's page does not have it.
    expect(thresholdsPageModel(none, "en").find((g) => g.group === "stale")!.rows).toHaveLength(1);
  });

  it("is accepted by the validation schema within its range and step, and refused outside", () => {
    const schema = thresholdSchemaFor(registry);
    const errors = (value: string) => {
      const result = schema.safeParse({ key: extra.key, version: "0", value });
      return result.success ? result.data : fieldErrorKeys(result.error.issues);
    };
    expect(errors("12")).toEqual({ key: extra.key, version: 0, value: 12 });
    expect(errors("61")).toEqual({ value: "tooBig" });
    expect(errors("0")).toEqual({ value: "tooSmall" });
    expect(errors("2.5")).toEqual({ value: "integer" });
    // The real schema does not know the key.
    expect(fieldErrorKeys(thresholdSchemaFor(THRESHOLDS).safeParse({ key: extra.key, version: "0", value: "12" }).error!.issues)).toEqual({ key: "invalid" });
  });

  it("is applied from overrides and kept in order by its atMost", () => {
    const base = defaultsOf(registry) as unknown as RiskThresholds;
    const table = withOverrides(new Map([[extra.key, 30]]), base, registry);
    expect((table.stale as Record<string, number>).amberMissedDays).toBe(30);
    expect(thresholdOrderViolations(table, registry)).toEqual([]); // 30 ≤ 90 days
    const broken = withOverrides(new Map([[extra.key, 95]]), base, registry);
    expect(thresholdOrderViolations(broken, registry)).toEqual([[extra.key, "milestone.redAfterDaysOverdue"]]);
  });
});
