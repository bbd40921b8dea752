import type { Db } from "@/db/client";
import type { EngineSnapshot } from "@/db/engine";
import { listProvinceOptions } from "@/db/provinces";
import { listTargets } from "@/db/targets";
import { provinceDashboardRows } from "@/lib/domain/dashboard";
import { isSuppressed } from "@/lib/domain/risk/flag-review";
import { provinceSummary, scopedFlags, targetItem } from "./present";
import type { ProvinceDetail, ProvinceSummary } from "./schemas";

/** The dashboard figures of every province in a reading scope ("all" or one code), in code order. */
export function provinceSummaries(db: Db, engine: EngineSnapshot, scope: "all" | string): ProvinceSummary[] {
  const provinces = listProvinceOptions(db).filter((p) => scope === "all" || p.code === scope);
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

/** One province (the caller has checked it exists and may be read) with its targets registered by the day shown. */
export function provinceDetail(db: Db, engine: EngineSnapshot, code: string): Omit<ProvinceDetail, "asOf" | "today"> {
  const summary = provinceSummaries(db, engine, code)[0]!;
  // As of an earlier day, targets registered later did not exist yet: the engine has no result for them.
  const targets = listTargets(db, code).flatMap((target) => {
    const result = engine.targets.get(target.id);
    return result ? [targetItem(target, result)] : [];
  });
  return { ...summary, targets };
}
