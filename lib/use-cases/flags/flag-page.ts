import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { getCentre } from "@/db/centres";
import { flagHistory, flagReviewProvince } from "@/db/flag-reviews";
import { getProvince } from "@/db/provinces";
import { RULES } from "@/lib/domain/access-policy";
import { addDays } from "@/lib/domain/periods";
import { availableFlagActions, flagState } from "@/lib/domain/risk/flag-review";
import type { EngineSnapshot } from "@/db/engine";
import { localName } from "@/lib/i18n/locale";
import { MAX_SUPPRESSION_DAYS } from "@/lib/validation/flag-review";
import { findFlag, getEngine, subjectNames } from "../engine";
import { defineQuery } from "../define";
import { localeField } from "../dashboards/view-fields.schema";

export type FlagHistory = ReturnType<typeof flagHistory>;

/** A centre of a duplicate-construction flag as the side-by-side comparison shows it. */
export type ComparedCentre = NonNullable<ReturnType<typeof getCentre>> & Pick<CentreResult, "completionPct" | "computedLevel">;
type CentreResult = NonNullable<ReturnType<EngineSnapshot["centres"]["get"]>>;

/** The two centres of a duplicate-construction flag with their computed figures; undefined unless both exist. */
function comparison(db: Db, engine: EngineSnapshot, ids: readonly string[]): [ComparedCentre, ComparedCentre] | undefined {
  const centres = ids.flatMap((id) => {
    const centre = getCentre(db, id);
    const result = engine.centres.get(id);
    return centre ? [{ ...centre, completionPct: result?.completionPct ?? 0, computedLevel: result?.computedLevel ?? "green" }] : [];
  });
  return centres.length === 2 ? [centres[0]!, centres[1]!] : undefined;
}

/**
 * One flag: as the rules compute it now with its review state, the figures it used, its review history
 * and, for a reviewer of its province, the actions open to them. A flag no rule raises any more keeps its
 * history, in the province it belonged to. Another province's flag is not found.
 */
export const flagPage = defineQuery({
  name: "flags.page",
  input: z.object({ key: z.string().min(1).max(400), locale: localeField() }),
  load: async ({ db, input }) => {
    const engine = await getEngine();
    const found = findFlag(engine, input.key);
    const provinceCode = found?.provinceCode ?? flagReviewProvince(db, input.key);
    return provinceCode === undefined ? undefined : { engine, found, provinceCode };
  },
  province: (rows) => rows.provinceCode,
  run: ({ db, actor, input, rows: { engine, found, provinceCode } }) => {
    const history = flagHistory(db, input.key);
    if (!found) return { gone: true as const, history };
    const { flag } = found;
    const state = flagState(flag, engine.reviews.get(flag.key), engine.today);
    const province = getProvince(db, provinceCode);
    const review = RULES.reviewProvince(actor, provinceCode)
      ? { actions: availableFlagActions(flag, state), minExpiry: addDays(engine.today, 1), maxExpiry: addDays(engine.today, MAX_SUPPRESSION_DAYS) }
      : undefined;
    return {
      gone: false as const,
      history,
      flag,
      state,
      provinceCode,
      provinceName: province ? localName(input.locale, province) : provinceCode,
      names: subjectNames([{ flag, state }], input.locale),
      comparison: flag.code === "duplicate_construction" ? comparison(db, engine, flag.subject.ids) : undefined,
      review,
    };
  },
});
