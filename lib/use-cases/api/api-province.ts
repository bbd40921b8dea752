import "server-only";
import { z } from "zod";
import { getProvince, listProvinceOptions } from "@/db/provinces";
import { listTargets } from "@/db/targets";
import { provinceDetail } from "@/lib/api/read-provinces";
import type { ProvinceDetail } from "@/lib/api/schemas";
import { chinaToday } from "@/lib/domain/china-time";
import { env } from "@/lib/env";
import { asOfQuerySchema, PROVINCE_CODE_PATTERN } from "@/lib/validation/api-query";
import { getEngine } from "../engine";
import { defineQuery } from "../define";

/** GET /api/v1/provinces/{code}: one province with its targets and roll-ups; outside the caller's scope it does not exist (404). */
export const apiProvince = defineQuery({
  name: "api.province",
  // The code is the URL's segment: a malformed one is simply not found.
  input: () => asOfQuerySchema(chinaToday(), env.REPORTING_START).extend({ code: z.string() }),
  load: ({ db, input }) => (PROVINCE_CODE_PATTERN.test(input.code) ? getProvince(db, input.code) : undefined),
  province: (province) => province.code,
  target: (input) => input.code,
  run: async ({ db, input }): Promise<ProvinceDetail> => {
    const engine = await getEngine(input.asOf);
    return { asOf: engine.asOf, today: engine.today, ...provinceDetail(listProvinceOptions(db), listTargets(db, input.code), engine, input.code) };
  },
});
