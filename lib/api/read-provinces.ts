import type { EngineSnapshot } from "@/db/engine";
import type { listProvinceOptions } from "@/db/provinces";
import type { listTargets } from "@/db/targets";
import { provinceDashboardRows } from "@/lib/domain/dashboard";
import { isSuppressed } from "@/lib/domain/risk/flag-review";
import { provinceSummary, scopedFlags, targetItem } from "./present";
import type { ProvinceDetail, ProvinceSummary } from "./schemas";

type ProvinceOption = ReturnType<typeof listProvinceOptions>[number];
type Target = ReturnType<typeof listTargets>[number];

/** The dashboard figures of every province (of `options`, in code order) in a reading scope ("all" or one code). */
export function provinceSummaries(options: readonly ProvinceOption[], engine: EngineSnapshot, scope: "all" | string): ProvinceSummary[] {
  const provinces = options.filter((p) => scope === "all" || p.code === scope);
  const open = new Set(
    scopedFlags(engine, scope)
      .filter((item) => !isSuppressed(item.state))
      .map((item) => item.flag.key),
  );
  const rows = provinceDashboardRows(
    engine,
    provinces.map((p) => p.code),
    (flag) => open.has(flag.key),
  );
  return rows.map((row, i) => provinceSummary(row, provinces[i]!));
}

/** One province (the caller has checked it exists and may be read) with those of its targets registered by the day shown. */
export function provinceDetail(options: readonly ProvinceOption[], targetsOfProvince: readonly Target[], engine: EngineSnapshot, code: string): Omit<ProvinceDetail, "asOf" | "today"> {
  const summary = provinceSummaries(options, engine, code)[0]!;
  // As of an earlier day, targets registered later did not exist yet: the engine has no result for them.
  const targets = targetsOfProvince.flatMap((target) => {
    const result = engine.targets.get(target.id);
    return result ? [targetItem(target, result)] : [];
  });
  return { ...summary, targets };
}
