import { getDb } from "@/db/client";
import { readableScope } from "@/lib/domain/permissions";
import { parseQuery } from "@/lib/api/query";
import { centreList } from "@/lib/api/read-centres";
import { apiGet, apiJson, provinceFilterRefusal } from "@/lib/api/route";
import type { CentreList } from "@/lib/api/schemas";
import { centresQuerySchema } from "@/lib/validation/api-query";
import { getEngine } from "@/app/_lib/engine";

export const dynamic = "force-dynamic";

/** The centres in the caller's scope, filtered and paged. */
export const GET = apiGet(({ actor, query, today, start }) => {
  const parsed = parseQuery(query, centresQuerySchema(today, start), { today, start });
  if (!parsed.ok) return parsed.response;
  const refusal = provinceFilterRefusal(actor, "/api/v1/centres", parsed.data.province, { today, start });
  if (refusal) return refusal;
  const engine = getEngine(parsed.data.asOf);
  const body: CentreList = { asOf: engine.asOf, today: engine.today, ...centreList(getDb(), engine, readableScope(actor), parsed.data) };
  return apiJson(body);
});
