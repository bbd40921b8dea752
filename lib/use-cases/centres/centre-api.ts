import "server-only";
import { z } from "zod";
import { getCentre } from "@/db/centres";
import { getProvince } from "@/db/provinces";
import { centreDetail as presentCentre, centreList as listCentres } from "@/lib/api/read-centres";
import type { CentreDetail, CentreList } from "@/lib/api/schemas";
import { chinaToday } from "@/lib/domain/china-time";
import { FieldErrors, NotFoundError } from "@/lib/domain/errors";
import { readableScope } from "@/lib/domain/permissions";
import { env } from "@/lib/env";
import { asOfQuerySchema, CENTRE_ID_PATTERN, centresQuerySchema } from "@/lib/validation/api-query";
import { defineQuery } from "../define";
import { getEngine } from "../engine";

// The REST API's reads of centres. The write routes answer with the centre as `centres.detail` shows it
// then, read through this query with the writer's own credentials.

/** One centre with its milestones, standing and flags, as of a past day or now. */
export const centreDetail = defineQuery({
  name: "centres.detail",
  input: () => asOfQuerySchema(chinaToday(), env.REPORTING_START).extend({ id: z.string() }),
  load: ({ db, input }) => (CENTRE_ID_PATTERN.test(input.id) ? getCentre(db, input.id) : undefined),
  province: (centre) => centre.provinceCode,
  run: async ({ db, input, rows: centre }): Promise<CentreDetail> => {
    const engine = await getEngine(input.asOf);
    const detail = presentCentre(db, engine, centre);
    // Registered after the day shown: as of then it did not exist.
    if (!detail) throw new NotFoundError();
    return { asOf: engine.asOf, today: engine.today, ...detail };
  },
});

/**
 * The centres in the caller's scope, filtered and paged. A `province` filter naming an unknown province
 * is invalid (400); naming one outside the caller's scope is not found (404, logged), as the flag and
 * reporting lists answer it.
 */
export const centreList = defineQuery({
  name: "centres.list",
  input: () => centresQuerySchema(chinaToday(), env.REPORTING_START),
  load: ({ db, input }) => {
    if (input.province === undefined) return { province: null };
    if (!getProvince(db, input.province)) throw new FieldErrors({ province: "provinceUnknown" });
    return { province: input.province };
  },
  // The filter's province is checked like a row's: outside the caller's scope it is not found.
  province: (rows) => rows.province,
  target: (input) => input.province,
  run: async ({ db, actor, input }): Promise<CentreList> => {
    const engine = await getEngine(input.asOf);
    return { asOf: engine.asOf, today: engine.today, ...listCentres(db, engine, readableScope(actor), input) };
  },
});
