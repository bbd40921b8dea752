import { COMPUTE_PRECISIONS } from "@/lib/domain/vocabulary";

// The one table of what a periodic update reports. The form's zod fields and sections, the API body and
// its OpenAPI entry, the import and export columns, the engine's approved-report mapping and the centre
// charts are all built from it. Adding an indicator is one entry here, its labels in the two message
// files (`updates.fields.<key>`, `import.notes.updates.<key>`), and a generated migration adding the
// column `column` to `updates`. Narrative and correction reason are plain fields of the form, not indicators.

export const MAX_COUNT = 1_000_000_000;
export const MAX_YUAN = 10 ** 13;

/**
 * count: a whole number of things; yuan: a whole number of 元 (never fractions, in forms, files and the API);
 * decimal: a measurement; percent: 0–100; enum: one of `values`.
 */
export type IndicatorType = "count" | "yuan" | "decimal" | "percent" | "enum";

/** The update form's sections, in the order the form shows them (labels `updates.groups.<group>`). */
export const FORM_GROUPS = ["investment", "compute", "results", "ecosystem"] as const;
export type FormGroup = (typeof FORM_GROUPS)[number];

/** The centre page's charts (each draws its own reference line; labels `centreCharts.<chart>`). */
export const CENTRE_CHARTS = ["investment", "conversion", "utilization"] as const;
export type CentreChart = (typeof CENTRE_CHARTS)[number];

/**
 * What the engine does with an approved figure:
 * - `figure`: copied into the approved report under that name (targets, risk rules and roll-ups read it);
 * - `sum`: added with the other indicators naming the same figure (the five conversion modes make
 *   `resultsConverted`, the conversion rule's numerator); null when none of them was reported.
 * null: stored and shown, but no rule reads it.
 */
export type EngineUse = { figure: string } | { sum: string } | null;

export interface IndicatorDef {
  /** The field's name everywhere: form, API body, import/export column key, approval record. */
  key: string;
  /** The `updates` table's column (snake_case) holding it. */
  column: string;
  type: IndicatorType;
  /** Allowed values of an enum indicator. */
  values?: readonly [string, ...string[]];
  min?: number;
  max?: number;
  /** Shown beside figures and in export headers; null for plain counts and enums. */
  unit: "元" | "PFLOPS" | "%" | null;
  /** A running total since the centre started: it may only fall with a correction reason. Otherwise point-in-time. */
  cumulative: boolean;
  group: FormGroup;
  chart: CentreChart | null;
  /** A column of the update import template and of its filled export. */
  exchange: boolean;
  /** The OpenAPI description of the field (the JSON body's `indicators.<key>`). */
  apiDescription?: string;
  engine: EngineUse;
}

type CountOptions = Partial<Omit<IndicatorDef, "key" | "type" | "cumulative">>;
const COUNT = { type: "count", unit: null, cumulative: true, chart: null, exchange: true, engine: null } as const;

/** A running count of things (most indicators are); `const` keeps each entry's literal types for the consumers. */
const count = <const K extends string, const O extends CountOptions>(key: K, column: string, group: FormGroup, options: O) =>
  ({ ...COUNT, key, column, group, ...options }) as Omit<typeof COUNT, keyof O> & O & { key: K; column: string; group: FormGroup };

/** In the order of the import template's columns; the form orders them by section. */
export const INDICATORS = [
  { key: "investmentExecutedYuan", column: "investment_executed_yuan", type: "yuan", unit: "元", cumulative: true, group: "investment", chart: "investment", exchange: true, apiDescription: "Investment executed", engine: { figure: "investmentExecutedYuan" } },
  count("patentsFiled", "patents_filed", "results", { apiDescription: "Patents filed" }),
  count("patentsGranted", "patents_granted", "results", { apiDescription: "Patents granted (at most filed)", engine: { figure: "patentsGranted" } }),
  count("resultsProduced", "results_produced", "results", { apiDescription: "Results produced", chart: "conversion", engine: { figure: "resultsProduced" } }),
  count("convertedSelf", "converted_self", "results", { apiDescription: "Results converted by the holder", chart: "conversion", engine: { sum: "resultsConverted" } }),
  count("convertedTransfer", "converted_transfer", "results", { apiDescription: "Results converted by transfer", chart: "conversion", engine: { sum: "resultsConverted" } }),
  count("convertedLicense", "converted_license", "results", { apiDescription: "Results converted by licence", chart: "conversion", engine: { sum: "resultsConverted" } }),
  count("convertedJoint", "converted_joint", "results", { apiDescription: "Results converted by joint implementation", chart: "conversion", engine: { sum: "resultsConverted" } }),
  count("convertedEquity", "converted_equity", "results", { apiDescription: "Results converted as equity (together at most resultsProduced)", chart: "conversion", engine: { sum: "resultsConverted" } }),
  { key: "techContractValueYuan", column: "tech_contract_value_yuan", type: "yuan", unit: "元", cumulative: true, group: "results", chart: null, exchange: true, apiDescription: "Technology contract value", engine: { figure: "techContractValueYuan" } },
  count("firmsIncubated", "firms_incubated", "ecosystem", { apiDescription: "Firms incubated", engine: { figure: "firmsIncubated" } }),
  count("talentIntroduced", "talent_introduced", "ecosystem", { apiDescription: "Talent introduced", engine: { figure: "talentIntroduced" } }),
  { key: "computePflops", column: "compute_pflops", type: "decimal", min: 0, max: 10_000_000, unit: "PFLOPS", cumulative: false, group: "compute", chart: null, exchange: true, apiDescription: "Compute capacity (PFLOPS); needs computePrecision", engine: { figure: "computePflops" } },
  { key: "computePrecision", column: "compute_precision", type: "enum", values: COMPUTE_PRECISIONS, unit: null, cumulative: false, group: "compute", chart: null, exchange: true, apiDescription: "Compute precision; required with computePflops", engine: null },
  { key: "utilizationPercent", column: "utilization_percent", type: "percent", unit: "%", cumulative: false, group: "compute", chart: "utilization", exchange: true, apiDescription: "Compute utilization (%)", engine: { figure: "utilizationPercent" } },
] as const satisfies readonly IndicatorDef[];

export type Indicator = (typeof INDICATORS)[number];
export type IndicatorKey = Indicator["key"];
/** The keys of a registry's running totals. */
export type CumulativeKeyOf<R extends readonly IndicatorDef[]> = Extract<R[number], { cumulative: true }>["key"];
export type CumulativeKey = CumulativeKeyOf<typeof INDICATORS>;

/** Lowest and highest value an indicator takes (enums have none). */
export function boundsOf(def: IndicatorDef): { min: number; max: number } {
  const max = def.type === "percent" ? 100 : def.type === "yuan" ? MAX_YUAN : MAX_COUNT;
  return { min: def.min ?? 0, max: def.max ?? max };
}

/** The indicators section by section, as the form and the API document list them. */
export function inFormOrder(indicators: readonly IndicatorDef[]): IndicatorDef[] {
  return FORM_GROUPS.flatMap((group) => indicators.filter((d) => d.group === group));
}

/** The indicators a chart reads (a chart with none is not drawn). */
export function chartIndicators(indicators: readonly IndicatorDef[], chart: CentreChart): IndicatorDef[] {
  return indicators.filter((d) => d.chart === chart);
}
