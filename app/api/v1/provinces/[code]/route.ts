import { getDb } from "@/db/client";
import { getProvince } from "@/db/provinces";
import { canReadProvince } from "@/lib/domain/permissions";
import { parseQuery } from "@/lib/api/query";
import { provinceDetail } from "@/lib/api/read-provinces";
import { apiGet, apiJson, notFound } from "@/lib/api/route";
import type { ProvinceDetail } from "@/lib/api/schemas";
import { asOfQuerySchema, PROVINCE_CODE_PATTERN } from "@/lib/validation/api-query";
import { getEngine } from "@/lib/use-cases/engine";

export const dynamic = "force-dynamic";

/** One province with its targets and roll-ups; outside the caller's scope it does not exist (404). */
export const GET = apiGet<{ code: string }>(async ({ actor, params, query, today, start }) => {
  const parsed = parseQuery(query, asOfQuerySchema(today, start), { today, start });
  if (!parsed.ok) return parsed.response;
  const db = getDb();
  if (!PROVINCE_CODE_PATTERN.test(params.code) || !getProvince(db, params.code)) return notFound("The province");
  if (!canReadProvince(actor, params.code)) return notFound("The province", actor, "/api/v1/provinces/[code]", params.code);
  const engine = await getEngine(parsed.data.asOf);
  const body: ProvinceDetail = { asOf: engine.asOf, today: engine.today, ...provinceDetail(db, engine, params.code) };
  return apiJson(body);
});
