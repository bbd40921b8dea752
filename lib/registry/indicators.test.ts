import { describe, expect, it } from "vitest";
import zh from "@/lib/i18n/messages/zh.json";
import en from "@/lib/i18n/messages/en.json";
import { openApiDocument } from "@/lib/api/openapi";
import { saveUpdateKeys } from "@/lib/api/bodies";
import { chartsOf } from "@/lib/export/tables/centre";
import { tZh } from "@/lib/export/test-translators";
import { importColumns } from "@/lib/import/columns";
import { instructionSheet, templateSheet } from "@/lib/import/template";
import { updateFieldsSchemaFor } from "@/lib/validation/update";
import { indicatorGroups } from "@/app/(app)/centres/[id]/updates/[period]/_components/indicator-fields";
import { approvedReportMapping } from "./approved-report";
import { CENTRE_CHARTS, FORM_GROUPS, INDICATORS, type IndicatorDef } from "./indicators";

// Adding an indicator is its registry entry, its labels and a migration: every consumer is a function
// of the registry. A test-only indicator ("datasets opened", a cumulative count the engine reads, under
// a key no real indicator would take) must reach the form, the API document, the import template, the
// export and the engine's input.

const testDatasetsOpened = {
  key: "testDatasetsOpened",
  column: "test_datasets_opened",
  type: "count",
  unit: null,
  cumulative: true,
  group: "ecosystem",
  chart: null,
  exchange: true,
  apiDescription: "Datasets opened",
  engine: { figure: "testDatasetsOpened" },
} as const satisfies IndicatorDef;
const registry = [...INDICATORS, testDatasetsOpened];

const messages = { zh, en };
const form = { centreId: "c1", period: "2026-Q3", version: "0", intent: "save", narrative: "", correctionReason: "" };

describe("the indicator registry", () => {
  it("names each indicator and its column once, with bounds, a form section and the values of an enum", () => {
    expect(new Set(INDICATORS.map((d) => d.key)).size).toBe(INDICATORS.length);
    expect(new Set(INDICATORS.map((d) => d.column)).size).toBe(INDICATORS.length);
    for (const d of INDICATORS as readonly IndicatorDef[]) {
      expect(FORM_GROUPS, d.key).toContain(d.group);
      expect(d.column, d.key).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(d.type === "enum", d.key).toBe(d.values !== undefined && d.values.length > 0);
      if (d.type === "yuan") expect(d.unit, d.key).toBe("元");
      if (d.type === "percent") expect(d.unit, d.key).toBe("%");
    }
  });

  it.each(["zh", "en"] as const)("has a label and an import note for every indicator in %s", (locale) => {
    const m = messages[locale];
    for (const d of INDICATORS) {
      expect((m.updates.fields as Record<string, string>)[d.key], d.key).toBeTruthy();
      expect((m.import.notes.updates as Record<string, string>)[d.key], d.key).toBeTruthy();
    }
    for (const group of FORM_GROUPS) expect(m.updates.groups[group], group).toBeTruthy();
    for (const chart of CENTRE_CHARTS) expect(m.centreCharts[chart], chart).toBeTruthy();
  });
});

describe("a test-only indicator added to the registry", () => {
  it("is a field of the form's schema, with the bounds of a count, in its section", () => {
    const schema = updateFieldsSchemaFor(registry);
    expect(schema.parse({ ...form, testDatasetsOpened: "12" }).testDatasetsOpened).toBe(12);
    expect(schema.parse(form).testDatasetsOpened).toBeNull();
    expect(schema.safeParse({ ...form, testDatasetsOpened: "-1" }).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["testDatasetsOpened", "tooSmall"]]);
    expect(schema.safeParse({ ...form, testDatasetsOpened: "1.5" }).success).toBe(false);
    expect(updateFieldsSchemaFor(INDICATORS).parse({ ...form, testDatasetsOpened: "12" })).not.toHaveProperty("testDatasetsOpened");
    const ecosystem = indicatorGroups(registry).find((g) => g.key === "ecosystem")!;
    expect(ecosystem.fields.map((f) => f.name)).toEqual(["firmsIncubated", "talentIntroduced", "testDatasetsOpened"]);
  });

  it("is accepted in the API body and documented in the OpenAPI Indicators schema", () => {
    expect(saveUpdateKeys(registry).nested!.indicators!.keys).toContain("testDatasetsOpened");
    const document = openApiDocument({ today: "2026-11-27", start: "2026-07-01", indicators: registry });
    const properties = (document.components.schemas.Indicators as { properties: Record<string, unknown> }).properties;
    expect(properties.testDatasetsOpened).toEqual({ description: "Datasets opened", anyOf: [{ type: "integer", minimum: 0, maximum: 1_000_000_000 }, { type: "null" }] });
    const real = openApiDocument({ today: "2026-11-27", start: "2026-07-01" }).components.schemas.Indicators as { properties: Record<string, unknown> };
    expect(Object.keys(real.properties)).not.toContain("testDatasetsOpened");
    // In the form's order: the ecosystem section comes last.
    expect(Object.keys(properties)).toEqual([...Object.keys(real.properties), "testDatasetsOpened"]);
  });

  it("is a column of the update import template and of its instructions", () => {
    expect(importColumns(registry).updates.map((c) => c.key)).toContain("testDatasetsOpened");
    expect(importColumns(INDICATORS).updates.map((c) => c.key)).not.toContain("testDatasetsOpened");
    const header = templateSheet("updates", { locale: "zh", provinces: [] }, tZh, [], registry).header;
    // Its labels are not in the message files (it is not a real indicator): the header shows its key.
    expect(header).toContain("testDatasetsOpened / testDatasetsOpened");
    expect(header.indexOf("testDatasetsOpened / testDatasetsOpened")).toBeLessThan(header.indexOf("进展说明 / Narrative"));
    // Notes are looked up by key (`import.notes.updates.<key>`); a translator that echoes keys keeps the log quiet.
    expect(instructionSheet("updates", (key) => key, registry).rows.map((r) => r.slice(0, 1).concat(r[2]!))).toContainEqual(["testDatasetsOpened / testDatasetsOpened", "import.notes.updates.testDatasetsOpened"]);
  });

  it("is exported with its stored figure in the filled template", () => {
    const values = { ...Object.fromEntries(registry.map((d) => [d.key, null])), narrative: null, correctionReason: null, testDatasetsOpened: 7 };
    const sheet = templateSheet(
      "updates",
      {
        locale: "zh",
        provinces: [{ code: "330000", nameZh: "浙江省", shortZh: "浙江", nameEn: "Zhejiang" }],
        refs: [{ id: "c1", provinceCode: "330000", name: "杭州示例中心" }],
        updates: new Map([["c1", { status: "draft", version: 3, values: values as never, milestones: [] }]]),
        period: "2026-Q3",
      },
      tZh,
      [],
      registry,
    );
    expect(sheet.rows[0]![sheet.header.indexOf("testDatasetsOpened / testDatasetsOpened")]).toBe(7);
  });

  it("reaches the engine's input as its figure, and adds into a sum when it names one", () => {
    const stored = { investmentExecutedYuan: 5_000_000, convertedSelf: 2, convertedJoint: 3, testDatasetsOpened: 7 };
    const report = approvedReportMapping(registry).fromRecord("2026-Q3", "2026-09-30", stored) as unknown as Record<string, unknown>;
    expect(report).toMatchObject({ period: "2026-Q3", periodEnd: "2026-09-30", investmentExecutedYuan: 5_000_000, resultsConverted: 5, testDatasetsOpened: 7 });
    expect(approvedReportMapping(INDICATORS).fromRecord("2026-Q3", "2026-09-30", stored)).not.toHaveProperty("testDatasetsOpened");
    // As a sixth conversion mode: 2 + 3 + 7 = 12 converted.
    const sixthMode = [...INDICATORS, { ...testDatasetsOpened, engine: { sum: "resultsConverted" } }];
    expect(approvedReportMapping(sixthMode).fromRecord("2026-Q3", "2026-09-30", stored)).toMatchObject({ resultsConverted: 12 });
    expect(approvedReportMapping(sixthMode).fromRecord("2026-Q3", "2026-09-30", stored)).not.toHaveProperty("testDatasetsOpened");
  });

  it("draws no centre chart that no indicator feeds", () => {
    expect(chartsOf(INDICATORS)).toEqual(["investment", "conversion", "utilization"]);
    expect(chartsOf(INDICATORS.filter((d) => d.chart !== "utilization"))).toEqual(["investment", "conversion"]);
  });
});
