import { getDb } from "@/db/client";
import { getCentre } from "@/db/centres";
import { canReadProvince } from "@/lib/domain/permissions";
import { parseQuery } from "@/lib/api/query";
import { centreDetail } from "@/lib/api/read-centres";
import { PATCH_CENTRE_KEYS } from "@/lib/api/bodies";
import { apiGet, apiJson, apiWrite, notFound } from "@/lib/api/route";
import { OutOfScopeError, parseBody } from "@/lib/api/write";
import { NotFoundError } from "@/lib/domain/errors";
import { updateCentreSchema } from "@/lib/validation/centre";
import { updateCentreFor } from "@/app/_lib/centre-edits";
import { centreWritten } from "@/app/_lib/api-centre";
import type { CentreDetail } from "@/lib/api/schemas";
import { asOfQuerySchema, CENTRE_ID_PATTERN } from "@/lib/validation/api-query";
import { getEngine } from "@/lib/use-cases/engine";

export const dynamic = "force-dynamic";

/** One centre with its milestones, standing and flags; outside the caller's scope it does not exist (404). */
export const GET = apiGet<{ id: string }>(async ({ actor, params, query, today, start }) => {
  const parsed = parseQuery(query, asOfQuerySchema(today, start), { today, start });
  if (!parsed.ok) return parsed.response;
  const db = getDb();
  const centre = CENTRE_ID_PATTERN.test(params.id) ? getCentre(db, params.id) : undefined;
  if (!centre) return notFound("The centre");
  if (!canReadProvince(actor, centre.provinceCode)) return notFound("The centre", actor, "/api/v1/centres/[id]", params.id);
  const engine = await getEngine(parsed.data.asOf);
  const detail = centreDetail(db, engine, centre);
  if (!detail) return notFound(`The centre (registered after ${engine.today})`);
  const body: CentreDetail = { asOf: engine.asOf, today: engine.today, ...detail };
  return apiJson(body);
});

/**
 * Edits a centre (staff of its province, admins) with the centre form's schema and rules. Fields left
 * out keep their stored values; `version` is required and a stale one is refused (409). The province
 * cannot change. Outside the caller's scope the centre does not exist (404).
 */
export const PATCH = apiWrite<{ id: string }>(
  "/api/v1/centres/[id]",
  { roles: ["staff", "admin"], keys: PATCH_CENTRE_KEYS, currentVersion: ({ id }) => (CENTRE_ID_PATTERN.test(id) ? getCentre(getDb(), id)?.version : undefined) },
  ({ actor, params, body }) => {
    const db = getDb();
    const stored = CENTRE_ID_PATTERN.test(params.id) ? getCentre(db, params.id) : undefined;
    if (!stored) throw new NotFoundError();
    if (!canReadProvince(actor, stored.provinceCode)) throw new OutOfScopeError();
    const current = {
      provinceCode: stored.provinceCode,
      cityCode: stored.cityCode,
      name: stored.name,
      leadInstitution: stored.leadInstitution,
      leadCreditCode: stored.leadCreditCode,
      partners: stored.partners,
      focusTags: stored.focusTags,
      plannedBudgetYuan: stored.plannedBudgetYuan,
      startDate: stored.startDate,
      plannedCompletionDate: stored.plannedCompletionDate,
      status: stored.status,
      targetIds: stored.targets.map((t) => t.id),
    };
    const input = parseBody(updateCentreSchema, { ...current, ...(body as Record<string, unknown>), id: params.id });
    updateCentreFor(actor, input);
    return centreWritten(params.id, 200);
  },
);
