import { FORM_GROUPS, INDICATORS, type IndicatorDef, type IndicatorType } from "@/lib/registry/indicators";

export interface IndicatorInput<K extends string = string> {
  name: K;
  kind: IndicatorType;
  /** An enum's values, offered in a select. */
  options?: readonly string[];
}

/** The update form's indicator inputs, section by section as officials read them. Labels are `updates.fields.<name>`. */
export function indicatorGroups<R extends readonly IndicatorDef[]>(indicators: R): { key: (typeof FORM_GROUPS)[number]; fields: IndicatorInput<R[number]["key"]>[] }[] {
  return FORM_GROUPS.map((key) => ({
    key,
    fields: indicators.filter((d) => d.group === key).map((d) => ({ name: d.key as R[number]["key"], kind: d.type, ...(d.values && { options: d.values }) })),
  })).filter((g) => g.fields.length > 0);
}

export const INDICATOR_GROUPS = indicatorGroups(INDICATORS);
