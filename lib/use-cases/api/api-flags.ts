import "server-only";
import { flagList } from "@/lib/api/read-flags";
import type { FlagList } from "@/lib/api/schemas";
import { chinaToday } from "@/lib/domain/china-time";
import { readableScope } from "@/lib/domain/permissions";
import { env } from "@/lib/env";
import { flagsQuerySchema } from "@/lib/validation/api-query";
import { getEngine } from "../engine";
import { defineQuery } from "../define";
import { loadProvinceFilter } from "./province-filter";

/** GET /api/v1/flags: the risk flags in the caller's scope with their figures, explanation and review state, paged. */
export const apiFlags = defineQuery({
  name: "api.flags",
  input: () => flagsQuerySchema(chinaToday(), env.REPORTING_START),
  load: ({ db, input }) => loadProvinceFilter(db, input.province),
  province: ({ province }) => province ?? null,
  target: (input) => input.province,
  run: async ({ actor, input }): Promise<FlagList> => {
    const engine = await getEngine(input.asOf);
    return { asOf: engine.asOf, today: engine.today, ...flagList(engine, readableScope(actor), input) };
  },
});
