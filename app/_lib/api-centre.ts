import "server-only";
import { getDb } from "@/db/client";
import { getCentre } from "@/db/centres";
import { getMilestoneWithProvince } from "@/db/milestones";
import { centreDetail } from "@/lib/api/read-centres";
import { apiJson } from "@/lib/api/route";
import type { CentreDetail } from "@/lib/api/schemas";
import { NotFoundError } from "@/lib/domain/errors";
import { getEngine } from "@/lib/use-cases/engine";

/** After a write: the centre as the read route shows it now (id, version, completion, flags). */
export async function centreWritten(id: string, status: 200 | 201): Promise<Response> {
  const db = getDb();
  const centre = getCentre(db, id);
  if (!centre) throw new NotFoundError();
  const engine = await getEngine();
  const detail = centreDetail(db, engine, centre);
  if (!detail) throw new NotFoundError();
  const body: CentreDetail = { asOf: engine.asOf, today: engine.today, ...detail };
  return apiJson(body, status);
}

/** After a milestone write: its id, centre, version and plan. */
export function milestoneWritten(id: string, status: 200 | 201): Response {
  const row = getMilestoneWithProvince(getDb(), id);
  if (!row) throw new NotFoundError();
  const { milestone } = row;
  return apiJson(
    { id: milestone.id, centreId: milestone.centreId, version: milestone.version, title: milestone.title, category: milestone.category, weight: milestone.weight, plannedDate: milestone.plannedDate, evidenceRequired: milestone.evidenceRequired },
    status,
  );
}
