import { apiCommand } from "@/lib/adapters/api";
import { CREATE_MILESTONE_KEYS } from "@/lib/api/bodies";
import { apiJson } from "@/lib/adapters/api";
import { createMilestone } from "@/lib/use-cases/centres/milestone-edits";

export const dynamic = "force-dynamic";

/** Adds a milestone to a centre (staff of its province, admins), with the milestone form's schema. */
export const POST = apiCommand("/api/v1/centres/[id]/milestones", createMilestone, {
  keys: CREATE_MILESTONE_KEYS,
  input: (params: { id: string }, body) => ({ ...(body as object), centreId: params.id }),
  answer: (milestone) => apiJson(milestone, 201),
});
