import { apiCommand } from "@/lib/adapters/api";
import { PATCH_MILESTONE_KEYS } from "@/lib/api/bodies";
import { apiJson } from "@/lib/adapters/api";
import { patchMilestone } from "@/lib/use-cases/centres/milestone-edits";

export const dynamic = "force-dynamic";

/**
 * Edits a milestone's plan (staff of its centre's province, admins) with the milestone form's schema;
 * fields left out keep their stored values, `version` is required. Progress is reported in updates.
 */
export const PATCH = apiCommand("/api/v1/milestones/[id]", patchMilestone, {
  keys: PATCH_MILESTONE_KEYS,
  input: (params: { id: string }, body) => ({ id: params.id, body }),
  answer: (milestone) => apiJson(milestone, 200),
});
