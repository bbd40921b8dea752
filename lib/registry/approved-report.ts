import type { ApprovedReport } from "@/lib/domain/engine";
import { INDICATORS, type CentreChart, type Indicator, type IndicatorDef } from "./indicators";

// The engine's approved-report mapping, built from the indicator registry's engine uses: which stored
// figures of an approved update the engine reads, and under which name. db/engine-data.ts selects the
// `keys` and hands each row's values to `toReport`; the centre history does the same for its charts.

/** A figure from an approval's stored values: numbers only, anything else is "not reported". */
export const num = (v: unknown) => (typeof v === "number" ? v : null);

type FiguresOf<U> = Extract<U, { figure: string }>["figure"] | Extract<U, { sum: string }>["sum"];
type RegistryFigures = FiguresOf<Indicator["engine"]>;
/** The approved report's figures that indicators of a centre chart feed (what the charts and their exports read). */
export type ChartFigure = FiguresOf<Extract<Indicator, { chart: CentreChart }>["engine"]>;
type EngineFigures = Exclude<keyof ApprovedReport, "period" | "periodEnd">;
// The compiler holds the registry and the engine's input to each other: a figure the engine reads that
// no indicator feeds, or an engine use naming no figure of ApprovedReport, fails tsc here.
const agree: [RegistryFigures] extends [EngineFigures] ? ([EngineFigures] extends [RegistryFigures] ? true : never) : never = true;
void agree;

export interface ReportMapping {
  /** The indicators the engine reads, in the order `toReport` takes their values. */
  keys: readonly string[];
  /** One approved update as the engine reads it, from the values of `keys` in that order (from `offset` on). */
  toReport(period: string, periodEnd: string, values: readonly unknown[], offset?: number): ApprovedReport;
  /** The same from an approval's stored values by key (update_approvals.values). */
  fromRecord(period: string, periodEnd: string, values: Readonly<Record<string, unknown>>): ApprovedReport;
}

export function approvedReportMapping(indicators: readonly IndicatorDef[] = INDICATORS): ReportMapping {
  const used = indicators.filter((d) => d.engine !== null);
  const copies: [figure: string, index: number][] = [];
  const sums = new Map<string, number[]>();
  used.forEach((d, i) => {
    const use = d.engine!;
    if ("figure" in use) copies.push([use.figure, i]);
    else sums.set(use.sum, [...(sums.get(use.sum) ?? []), i]);
  });
  const added = [...sums];
  const keys = used.map((d) => d.key);
  return {
    keys,
    fromRecord(period, periodEnd, values) {
      return this.toReport(period, periodEnd, keys.map((key) => values[key]));
    },
    toReport(period, periodEnd, values, offset = 0) {
      const report: Record<string, string | number | null> = { period, periodEnd };
      for (const [figure, i] of copies) report[figure] = num(values[offset + i]);
      // Added in the registry's order; null when none was reported (blank is "not reported", not zero).
      for (const [figure, indexes] of added) {
        let total: number | null = null;
        for (const i of indexes) {
          const v = num(values[offset + i]);
          if (v !== null) total = (total ?? 0) + v;
        }
        report[figure] = total;
      }
      return report as unknown as ApprovedReport;
    },
  };
}

/** The real registry's mapping, built once: the engine maps every approved update of the database with it. */
export const APPROVED_REPORT = approvedReportMapping();
