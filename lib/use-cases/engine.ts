import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { readEngine, type EngineSnapshot } from "@/db/engine";
import { chinaToday } from "@/lib/domain/china-time";
import { readableScope, type Actor } from "@/lib/domain/permissions";
import { withFlagStates, type ReviewedFlag } from "@/lib/domain/risk/flag-review";
import { env } from "@/lib/env";
import { centreNames } from "@/db/centres";
import { listProvinceOptions } from "@/db/provinces";
import { targetTitles } from "@/db/targets";
import { localName } from "@/lib/i18n/locale";

/** Names of the subjects of flags, for the flag table. */
export interface SubjectNames {
  centres: ReadonlyMap<string, string>;
  targets: ReadonlyMap<string, string>;
  provinces: ReadonlyMap<string, string>;
}

/**
 * The engine's figures for this request (now, or as of the end of a past day), computed once however
 * many components ask. Asynchronous so the read model behind it can be built off the request thread.
 */
export const getEngine = cache(async (asOf?: string): Promise<EngineSnapshot> => readEngine(getDb(), chinaToday(), env.REPORTING_START, asOf));

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

/** Names for the subjects of these flags (already in the reader's scope): centres, targets and provinces. */
export function subjectNames(flags: readonly ReviewedFlag[], locale: "zh" | "en"): SubjectNames {
  const db = getDb();
  const idsOf = (kind: "target" | "centre") =>
    [...new Set(flags.flatMap(({ flag }) => (flag.subject.kind === kind || (kind === "centre" && flag.subject.kind === "centre_pair") ? flag.subject.ids : [])))];
  return {
    centres: centreNames(db, idsOf("centre")),
    targets: targetTitles(db, idsOf("target")),
    provinces: new Map(listProvinceOptions(db).map((p) => [p.code, localName(locale, p)])),
  };
}
