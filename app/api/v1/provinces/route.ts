import { getDb } from "@/db/client";
import { readableScope } from "@/lib/domain/permissions";
import { parseQuery } from "@/lib/api/query";
import { provinceSummaries } from "@/lib/api/read-provinces";
import { apiGet, apiJson } from "@/lib/api/route";
import type { ProvinceList } from "@/lib/api/schemas";
import { asOfQuerySchema } from "@/lib/validation/api-query";
import { getEngine } from "@/lib/use-cases/engine";

export const dynamic = "force-dynamic";

/** Every province in the caller's scope with its dashboard figures. */
export const GET = apiGet(async ({ actor, query, today, start }) => {
  const parsed = parseQuery(query, asOfQuerySchema(today, start), { today, start });
  if (!parsed.ok) return parsed.response;
  const engine = await getEngine(parsed.data.asOf);
  const body: ProvinceList = { asOf: engine.asOf, today: engine.today, items: provinceSummaries(getDb(), engine, readableScope(actor)) };
  return apiJson(body);
});
