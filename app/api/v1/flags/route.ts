import { readableScope } from "@/lib/domain/permissions";
import { parseQuery } from "@/lib/api/query";
import { flagList } from "@/lib/api/read-flags";
import { apiGet, apiJson, provinceFilterRefusal } from "@/lib/api/route";
import type { FlagList } from "@/lib/api/schemas";
import { flagsQuerySchema } from "@/lib/validation/api-query";
import { getEngine } from "@/lib/use-cases/engine";

export const dynamic = "force-dynamic";

/** The risk flags in the caller's scope with their figures, explanation and review state, paged. */
export const GET = apiGet(async ({ actor, query, today, start }) => {
  const parsed = parseQuery(query, flagsQuerySchema(today, start), { today, start });
  if (!parsed.ok) return parsed.response;
  const refusal = provinceFilterRefusal(actor, "/api/v1/flags", parsed.data.province, { today, start });
  if (refusal) return refusal;
  const engine = await getEngine(parsed.data.asOf);
  const body: FlagList = { asOf: engine.asOf, today: engine.today, ...flagList(engine, readableScope(actor), parsed.data) };
  return apiJson(body);
});
