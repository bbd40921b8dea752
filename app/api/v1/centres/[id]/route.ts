import { getDb } from "@/db/client";
import { getCentre } from "@/db/centres";
import { canReadProvince } from "@/lib/domain/permissions";
import { parseQuery } from "@/lib/api/query";
import { centreDetail } from "@/lib/api/read-centres";
import { apiGet, apiJson, notFound } from "@/lib/api/route";
import type { CentreDetail } from "@/lib/api/schemas";
import { asOfQuerySchema, CENTRE_ID_PATTERN } from "@/lib/validation/api-query";
import { getEngine } from "@/app/_lib/engine";

export const dynamic = "force-dynamic";

/** One centre with its milestones, standing and flags; outside the caller's scope it does not exist (404). */
export const GET = apiGet<{ id: string }>(({ actor, params, query, today, start }) => {
  const parsed = parseQuery(query, asOfQuerySchema(today, start), { today, start });
  if (!parsed.ok) return parsed.response;
  const db = getDb();
  const centre = CENTRE_ID_PATTERN.test(params.id) ? getCentre(db, params.id) : undefined;
  if (!centre) return notFound("The centre");
  if (!canReadProvince(actor, centre.provinceCode)) return notFound("The centre", actor, "/api/v1/centres/[id]", params.id);
  const engine = getEngine(parsed.data.asOf);
  const detail = centreDetail(db, engine, centre);
  if (!detail) return notFound(`The centre (registered after ${engine.today})`);
  const body: CentreDetail = { asOf: engine.asOf, today: engine.today, ...detail };
  return apiJson(body);
});
