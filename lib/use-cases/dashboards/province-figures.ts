import "server-only";
import type { Db } from "@/db/client";
import { listCentresOfProvince } from "@/db/centres";
import { listTargets } from "@/db/targets";
import { matchesCentreFilter } from "@/lib/domain/dashboard";
import { lookAlikeGroups } from "@/lib/domain/look-alike";
import type { Actor } from "@/lib/domain/permissions";
import { isSuppressed } from "@/lib/domain/risk/flag-review";
import type { RiskFlag } from "@/lib/domain/risk/types";
import type { CentreFilter } from "@/lib/validation/centre-filter";
import { flagsInScope, getEngine } from "../engine";

/**
 * What the province page and its downloads show (the reader's scope already checked): its targets and
 * centres as of the day, the flags with their review state, look-alike groups and the filtered centres.
 */
export async function provinceFigures(db: Db, actor: Actor, code: string, filter: CentreFilter, asOf: string | undefined) {
  const engine = await getEngine(asOf);
  // As of an earlier day, targets and centres registered later did not exist yet.
  const targets = listTargets(db, code).filter((target) => engine.targets.has(target.id));
  const allCentres = listCentresOfProvince(db, code).filter((c) => engine.centres.has(c.id));
  const flags = flagsInScope(engine, actor, code);
  const openKeys = new Set(flags.filter((f) => !isSuppressed(f.state)).map((f) => f.flag.key));
  // A centre's open red and amber flags: what its filter and its flag column count.
  const openWarnings = (centreFlags: readonly RiskFlag[]) => centreFlags.filter((f) => openKeys.has(f.key) && f.severity !== "info");
  const groups = lookAlikeGroups(flags.map((f) => f.flag).filter((f) => openKeys.has(f.key)));
  const centres = allCentres.filter((c) => {
    const result = engine.centres.get(c.id)!;
    if (filter.tag && !c.focusTags.includes(filter.tag)) return false;
    if (filter.city && c.cityCode !== filter.city) return false;
    return matchesCentreFilter(result.status, openWarnings(result.flags), filter);
  });
  return { engine, targets, allCentres, flags, openWarnings, groups, centres };
}
