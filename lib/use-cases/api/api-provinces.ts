import "server-only";
import { listProvinceOptions } from "@/db/provinces";
import { provinceSummaries } from "@/lib/api/read-provinces";
import type { ProvinceList } from "@/lib/api/schemas";
import { chinaToday } from "@/lib/domain/china-time";
import { readableScope } from "@/lib/domain/permissions";
import { env } from "@/lib/env";
import { asOfQuerySchema } from "@/lib/validation/api-query";
import { getEngine } from "../engine";
import { defineQuery } from "../define";

/** GET /api/v1/provinces: every province in the caller's scope with its dashboard figures. */
export const apiProvinces = defineQuery({
  name: "api.provinces",
  input: () => asOfQuerySchema(chinaToday(), env.REPORTING_START),
  load: () => ({}),
  province: () => null,
  run: async ({ db, actor, input }): Promise<ProvinceList> => {
    const engine = await getEngine(input.asOf);
    return { asOf: engine.asOf, today: engine.today, items: provinceSummaries(listProvinceOptions(db), engine, readableScope(actor)) };
  },
});
