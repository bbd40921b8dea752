import { getDb } from "@/db/client";
import { readableScope } from "@/lib/domain/permissions";
import { parseQuery } from "@/lib/api/query";
import { centreList } from "@/lib/api/read-centres";
import { CREATE_CENTRE_KEYS } from "@/lib/api/bodies";
import type { FieldProblem } from "@/lib/api/problem";
import { apiGet, apiJson, apiWrite, provinceFilterRefusal } from "@/lib/api/route";
import { InvalidBody, zodProblems } from "@/lib/api/write";
import { centreSchema, milestoneSchema } from "@/lib/validation/centre";
import { createCentreFor } from "@/app/_lib/centre-edits";
import { centreWritten } from "@/app/_lib/api-centre";
import type { CentreList } from "@/lib/api/schemas";
import { centresQuerySchema } from "@/lib/validation/api-query";
import { getEngine } from "@/lib/use-cases/engine";

export const dynamic = "force-dynamic";

/** The centres in the caller's scope, filtered and paged. */
export const GET = apiGet(async ({ actor, query, today, start }) => {
  const parsed = parseQuery(query, centresQuerySchema(today, start), { today, start });
  if (!parsed.ok) return parsed.response;
  const refusal = provinceFilterRefusal(actor, "/api/v1/centres", parsed.data.province, { today, start });
  if (refusal) return refusal;
  const engine = await getEngine(parsed.data.asOf);
  const body: CentreList = { asOf: engine.asOf, today: engine.today, ...centreList(getDb(), engine, readableScope(actor), parsed.data) };
  return apiJson(body);
});

const MAX_MILESTONES = 100;

/**
 * Registers a centre (staff of its province, admins) with the centre form's schema and rules, and its
 * milestones with the milestone form's, all in one transaction. 201 with the centre as GET shows it.
 */
export const POST = apiWrite("/api/v1/centres", { roles: ["staff", "admin"], keys: CREATE_CENTRE_KEYS }, ({ actor, body }) => {
  const { milestones = [], ...fields } = body as Record<string, unknown>;
  const errors: FieldProblem[] = [];
  const centre = centreSchema.safeParse(fields);
  if (!centre.success) errors.push(...zodProblems(centre.error));
  const items = Array.isArray(milestones) ? milestones : [];
  if (!Array.isArray(milestones)) errors.push({ field: "milestones", code: "invalid", detail: "A list of milestones." });
  if (items.length > MAX_MILESTONES) errors.push({ field: "milestones", code: "tooMany", detail: `At most ${MAX_MILESTONES} milestones.` });
  const parsedMilestones = items.map((item, i) => {
    // The centre has no id yet; the schema's centreId is filled in when it is written.
    const parsed = milestoneSchema.safeParse({ ...(typeof item === "object" && item !== null ? item : {}), centreId: "new" });
    if (!parsed.success) errors.push(...zodProblems(parsed.error, (path) => `milestones.${i}.${path}`));
    return parsed.data;
  });
  if (errors.length > 0 || !centre.success) throw new InvalidBody(errors);
  const valid = parsedMilestones.flatMap((m) => (m ? [{ title: m.title, category: m.category, weight: m.weight, plannedDate: m.plannedDate, evidenceRequired: m.evidenceRequired }] : []));
  const id = createCentreFor(actor, centre.data, valid);
  return centreWritten(id, 201);
});
