import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCentreProvince } from "@/db/centres";
import { getUpdate } from "@/db/updates";
import { apiJson } from "@/lib/api/route";
import { OutOfScopeError } from "@/lib/api/write";
import type { SessionUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/domain/errors";
import { parsePeriod } from "@/lib/domain/periods";
import { canReadProvince } from "@/lib/domain/permissions";
import { version } from "@/lib/validation/fields";
import { CENTRE_ID_PATTERN } from "@/lib/validation/api-query";

export type UpdateParams = { id: string; period: string };

/** The centre of an update route, when it exists, the period is one, and the caller may read it; else 404. */
export function centreInScope(actor: SessionUser, params: UpdateParams): void {
  const province = CENTRE_ID_PATTERN.test(params.id) ? getCentreProvince(getDb(), params.id) : undefined;
  if (!province || !parsePeriod(params.period)) throw new NotFoundError();
  if (!canReadProvince(actor, province)) throw new OutOfScopeError();
}

/** The stored update of a route, in the caller's scope; undefined when none was saved yet. */
export function storedUpdate(actor: SessionUser, params: UpdateParams) {
  centreInScope(actor, params);
  return getUpdate(getDb(), params.id, params.period);
}

/** The update's version now, for a 409. */
export function updateVersion(params: UpdateParams): number | undefined {
  return CENTRE_ID_PATTERN.test(params.id) ? getUpdate(getDb(), params.id, params.period)?.version : undefined;
}

/** What a write on an update answers: its id, version and status. */
export function updateWritten(params: UpdateParams, status: 200 | 201 = 200): Response {
  const row = getUpdate(getDb(), params.id, params.period);
  if (!row) throw new NotFoundError();
  return apiJson({ id: row.id, centreId: row.centreId, period: row.period, status: row.status, version: row.version }, status);
}

export const versionBodySchema = z.object({ version: version() });
