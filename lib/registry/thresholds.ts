// Every number the risk rules use, one row each: the one literal that DEFAULT_THRESHOLDS, the
// editable fields, the validation schema, the admin page and the API text are derived from.
// Adding a threshold is its row here and its two messages (label, help); the rule that reads it
// names it in lib/registry/risk-codes.ts.
//
// Keys stay as they were first stored: overrides in `risk_thresholds` and the audit log name them.
// Units: `fraction` is a share (0.2 = 20 %) shown as a percentage; `percent` is already on the
// 0–100 scale the updates store; `yuan` is stored in 元 and shown in 万元/亿元; `index` is a
// schedule index (actual ÷ planned to date). Sources: "domain notes" = the domain background
// (docs/domain.md), "product default" = chosen here where the notes give no figure.

export const THRESHOLD_UNITS = ["fraction", "percent", "yuan", "days", "count", "index", "quantile"] as const;
export type ThresholdUnit = (typeof THRESHOLD_UNITS)[number];

export type ThresholdSource = "domain_notes" | "product_default";

export interface ThresholdRow<K extends string = string> {
  /** `group.name`: the group is the rule family, the name the figure. */
  key: K;
  defaultValue: number;
  unit: ThresholdUnit;
  min: number;
  max: number;
  /** Smallest increment an administrator may enter; 1 means a whole number. */
  step: number;
  /** This figure may not exceed that one (a red bound stricter than its amber bound). */
  atMost?: string;
  source: ThresholdSource;
  /** What the figure does and where its value comes from, for readers of the code and docs. */
  basis: string;
  /** Message keys of the admin page's label and help text. */
  labelKey: string;
  helpKey: string;
}

type RowSpec = Omit<ThresholdRow, "key" | "labelKey" | "helpKey">;

function row<K extends `${string}.${string}`>(key: K, spec: RowSpec): ThresholdRow<K> {
  const messageKey = key.replace(".", "_");
  return { key, ...spec, labelKey: `thresholds.fields.${messageKey}`, helpKey: `thresholds.help.${messageKey}` };
}

const share = { unit: "fraction", min: 0, max: 1, step: 0.001 } as const;
const percent = { unit: "percent", min: 0, max: 100, step: 0.1 } as const;
const index = { unit: "index", min: 0, max: 2, step: 0.001 } as const;
const NOTES = "domain_notes";
const PRODUCT = "product_default";

export const THRESHOLDS = [
  row("duplicate.sameCityJaccard", { ...share, defaultValue: 0.5, source: NOTES, basis: "Same prefecture-level city: focus-tag Jaccard at or above this is amber (red with a shared lead or funder). Notes: “same city, same focus … Jaccard ≥0.5”." }),
  row("duplicate.sameLeadJaccard", { ...share, defaultValue: 0.3, source: NOTES, basis: "Same lead institution in one province: focus-tag Jaccard at or above this is amber. Notes: “one lead, several centres … Jaccard ≥0.3”." }),
  row("duplicate.idlePeriods", { unit: "count", min: 1, max: 12, step: 1, defaultValue: 2, source: NOTES, basis: "Idle but expanding: how many latest approved periods must all be idle. Notes: “for two periods”." }),
  row("duplicate.idleUtilizationRedBelowPercent", { ...percent, defaultValue: 30, atMost: "duplicate.idleUtilizationAmberBelowPercent", source: NOTES, basis: "Idle red: compute utilization below this. Notes: “utilization <30%”." }),
  row("duplicate.idleUtilizationAmberBelowPercent", { ...percent, defaultValue: 50, source: NOTES, basis: "Idle amber: compute utilization below this. Notes: “30–50%”." }),
  row("scattered.minScaleYuan", { unit: "yuan", min: 0, max: 1e13, step: 1, defaultValue: 100_000_000, source: PRODUCT, basis: "A centre whose planned budget is below this is below minimum scale: 1 亿元 (the notes name a minimum scale without a figure)." }),
  row("scattered.belowScaleShare", { ...share, defaultValue: 0.5, source: NOTES, basis: "Flag when the share of centres below minimum scale is strictly more than this. Notes: “more than half the centres below a minimum scale”." }),
  row("scattered.minCentresForScale", { unit: "count", min: 1, max: 1000, step: 1, defaultValue: 2, source: PRODUCT, basis: "Provinces with fewer centres are not judged on scale: one small centre is not “scattered”." }),
  row("scattered.samePrimaryFocusCount", { unit: "count", min: 2, max: 1000, step: 1, defaultValue: 3, source: NOTES, basis: "Flag when at least this many centres of a province share their primary (first) focus tag. Notes: “≥3 centres sharing the same primary focus”." }),
  row("conversion.rate", { ...share, defaultValue: 0.2, source: NOTES, basis: "Converted ÷ produced below this is flagged. Notes: “flag below 20%”." }),
  row("conversion.enterpriseRate", { ...share, defaultValue: 0.3, source: NOTES, basis: "The same for centres led by an enterprise. Notes: “enterprise-led centres against 30%”." }),
  row("conversion.minSample", { unit: "count", min: 1, max: 100_000, step: 1, defaultValue: 20, source: NOTES, basis: "Fewer results produced than this is an insufficient sample (info) instead of amber or red. Notes: “insufficient sample (样本不足) under 20 results”." }),
  row("conversion.z", { unit: "quantile", min: 0.5, max: 4, step: 0.000001, defaultValue: 1.959964, source: NOTES, basis: "Normal quantile of the two-sided Wilson score interval. Notes: “95% Wilson interval”." }),
  row("schedule.amberBelowIndex", { ...index, defaultValue: 0.9, source: NOTES, basis: "A target's schedule index (actual ÷ planned to date) below this is amber. Notes: “below 0.9 is amber”." }),
  row("schedule.redBelowIndex", { ...index, defaultValue: 0.75, atMost: "schedule.amberBelowIndex", source: NOTES, basis: "A target's schedule index below this is red. Notes: “below 0.75 red”." }),
  row("schedule.centreAmberBelowIndex", { ...index, defaultValue: 0.9, source: NOTES, basis: "A centre's schedule index (milestone completion ÷ completion planned to date) below this is amber. Notes: “below 0.9 is amber”." }),
  row("schedule.centreRedBelowIndex", { ...index, defaultValue: 0.75, atMost: "schedule.centreAmberBelowIndex", source: NOTES, basis: "A centre's schedule index below this is red. Notes: “below 0.75 red”." }),
  row("milestone.redAfterDaysOverdue", { unit: "days", min: 1, max: 3650, step: 1, defaultValue: 90, source: PRODUCT, basis: "A milestone overdue by more than this many days is red (amber up to it)." }),
  row("funding.redElapsedShare", { ...share, defaultValue: 0.75, source: NOTES, basis: "Red rule: once this share of the planned construction period has elapsed … Notes: “after 75% of the planned period”." }),
  row("funding.redExecutedShare", { ...share, defaultValue: 0.5, source: NOTES, basis: "… executed investment below this share of the budget is red. Notes: “less than 50% of planned investment executed”." }),
  row("funding.amberElapsedShare", { ...share, defaultValue: 0.25, atMost: "funding.redElapsedShare", source: PRODUCT, basis: "Amber rule: once this share of the period has elapsed …" }),
  row("funding.amberShareOfPlannedToDate", { ...share, defaultValue: 0.7, source: PRODUCT, basis: "… executed investment below this fraction of the planned-to-date spending is amber." }),
  row("stale.redMissedPeriods", { unit: "count", min: 1, max: 24, step: 1, defaultValue: 2, source: PRODUCT, basis: "Missed (overdue, unapproved) periods at or above this count are red; fewer (at least one) amber." }),
] as const satisfies readonly ThresholdRow[];

export type ThresholdKey = (typeof THRESHOLDS)[number]["key"];
type Group<K> = K extends `${infer G}.${string}` ? G : never;
export type ThresholdGroup = Group<ThresholdKey>;

/** The thresholds as the rules read them, `table.schedule.amberBelowIndex`, one group per rule family. */
export type ThresholdTable<K extends string = ThresholdKey> = {
  [G in Group<K>]: { [P in K as P extends `${G}.${infer N}` ? N : never]: number };
};

/** A table of the rows' defaults, groups in row order. */
export function defaultsOf(rows: readonly ThresholdRow[]): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const [group, name] = splitKey(r.key);
    (table[group] ??= {})[name] = r.defaultValue;
  }
  return table;
}

export function splitKey(key: string): [group: string, name: string] {
  const dot = key.indexOf(".");
  return [key.slice(0, dot), key.slice(dot + 1)];
}

/** Pairs that must stay ordered, [lower key, upper key], from the rows' `atMost`. */
export function orderedPairs(rows: readonly ThresholdRow[] = THRESHOLDS): [string, string][] {
  return rows.flatMap((r) => (r.atMost === undefined ? [] : [[r.key, r.atMost] as [string, string]]));
}
