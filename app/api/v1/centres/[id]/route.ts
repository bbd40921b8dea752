import { apiCommand, apiQuery } from "@/lib/adapters/api";
import { PATCH_CENTRE_KEYS } from "@/lib/api/bodies";
import { centreDetail } from "@/lib/use-cases/centres/centre-api";
import { patchCentre } from "@/lib/use-cases/centres/update-centre";
import { centreWritten } from "@/app/_lib/api-centre";

export const dynamic = "force-dynamic";

/** One centre with its milestones, standing and flags; outside the caller's scope it does not exist (404). */
export const GET = apiQuery("/api/v1/centres/[id]", centreDetail, { body: (centre) => centre });

/**
 * Edits a centre (staff of its province, admins) with the centre form's schema and rules. Fields left
 * out keep their stored values; `version` is required and a stale one is refused (409). The province
 * cannot change. Outside the caller's scope the centre does not exist (404).
 */
export const PATCH = apiCommand("/api/v1/centres/[id]", patchCentre, {
  keys: PATCH_CENTRE_KEYS,
  input: (params: { id: string }, body) => ({ id: params.id, body }),
  answer: ({ id }, _params, call) => centreWritten(call, id, 200),
});
