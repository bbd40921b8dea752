import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { computeEngineCached, type EngineSnapshot } from "@/db/engine";
import { chinaToday } from "@/lib/domain/china-time";
import { readableScope, type Actor } from "@/lib/domain/permissions";
import { withFlagStates, type ReviewedFlag } from "@/lib/domain/risk/flag-review";
import { env } from "@/lib/env";
import { listCentresInScope } from "@/db/centres";
import { listProvinceOptions } from "@/db/provinces";
import { listTargets } from "@/db/targets";
import type { SubjectNames } from "@/app/(app)/_components/flag-table";

/** The engine's figures for this request, computed once however many components ask. */
export const getEngine = cache(() => computeEngineCached(getDb(), chinaToday(), env.REPORTING_START));

/** A flag computed now, with the province it belongs to; undefined when no rule raises it any more. */
export function findFlag(snapshot: EngineSnapshot, key: string) {
  for (const [provinceCode, flags] of snapshot.flagsByProvince) {
    const flag = flags.find((f) => f.key === key);
    if (flag) return { flag, provinceCode };
  }
  return undefined;
}

/** The flags the actor may read (a provincial user: their province's), each with its review state. */
export function flagsInScope(snapshot: EngineSnapshot, actor: Actor, provinceCode?: string): ReviewedFlag[] {
  const scope = readableScope(actor);
  if (provinceCode !== undefined && scope !== "all" && scope !== provinceCode) return [];
  const province = provinceCode ?? (scope === "all" ? undefined : scope);
  // Every flag belongs to a province (its centre's, its target's or its own), so "all" is the full list.
  const flags = province === undefined ? snapshot.flags : (snapshot.flagsByProvince.get(province) ?? []);
  return withFlagStates(flags, snapshot.reviews, snapshot.today);
}

/** Names for the subjects of flags in a reading scope: centres, targets and provinces. */
export function subjectNames(scope: "all" | string, locale: "zh" | "en"): SubjectNames {
  const db = getDb();
  return {
    centres: new Map(listCentresInScope(db, scope).map((c) => [c.id, c.name])),
    targets: new Map((scope === "all" ? listTargets(db) : listTargets(db, scope)).map((t) => [t.id, t.title])),
    provinces: new Map(listProvinceOptions(db).map((p) => [p.code, locale === "zh" ? p.nameZh : p.nameEn])),
  };
}
