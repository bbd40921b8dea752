import type { Operation } from "./openapi";
import { CentreDetailSchema } from "./schemas";
import { CentreCreateSchema, CentrePatchSchema, MilestoneCreateSchema, MilestonePatchSchema, MilestoneWrittenSchema, ReviewBodySchema, UpdateDraftSchema, UpdateWrittenSchema, VersionBodySchema } from "./write-schemas";

// The write operations of the OpenAPI document. Every write answers 400, 401, 403, 404, 409, 413, 415
// and 422 problems as the wrapper in lib/api/write.ts maps them.

const WRITE_ERRORS = [400, 401, 403, 404, 409, 413, 415, 422] as const;
const id = (what: string) => ({ name: "id", description: `The ${what}'s id (UUID)`, pattern: "^[0-9a-f-]{36}$" });
const period = { name: "period", description: "The reporting period: 2026-Q3 (quarterly) or 2026-09 (monthly), as the province's calendar sets", pattern: "^\\d{4}-(Q[1-4]|\\d{2})$" };
const EDITORS = "Provincial staff of the centre's province and administrators; a centre outside the caller's scope is not found (404).";
const REVIEWERS = "Reviewers whose scope holds the centre (provincial or national); others are refused (403), and nobody approves an update they submitted or edited (422 `ownUpdate`).";

export function writeOperations(): Operation[] {
  const update = "/api/v1/centres/{id}/updates/{period}";
  return [
    {
      path: "/api/v1/centres",
      method: "post",
      operationId: "createCentre",
      summary: "Register a centre with its milestones",
      description: `Registers a centre with the centre form's rules (city in the province, completion after start, credit code, targets of the same province) and its milestones with the milestone form's, in one transaction. Staff register only in their own province (403 otherwise); administrators anywhere. Answers the centre as GET shows it.`,
      body: CentreCreateSchema,
      status: 201,
      response: CentreDetailSchema,
      errors: [...WRITE_ERRORS],
    },
    {
      path: "/api/v1/centres/{id}",
      method: "patch",
      operationId: "updateCentre",
      summary: "Edit a centre",
      description: `Changes the fields sent; the rest keep their stored values. ${EDITORS}`,
      pathParams: [id("centre")],
      body: CentrePatchSchema,
      response: CentreDetailSchema,
      errors: [...WRITE_ERRORS],
    },
    {
      path: "/api/v1/centres/{id}/milestones",
      method: "post",
      operationId: "createMilestone",
      summary: "Add a milestone to a centre",
      description: `Adds a milestone with the milestone form's rules. ${EDITORS}`,
      pathParams: [id("centre")],
      body: MilestoneCreateSchema,
      status: 201,
      response: MilestoneWrittenSchema,
      errors: [...WRITE_ERRORS],
    },
    {
      path: "/api/v1/milestones/{id}",
      method: "patch",
      operationId: "updateMilestone",
      summary: "Edit a milestone's plan",
      description: `Changes the fields sent; progress is reported in updates. ${EDITORS}`,
      pathParams: [id("milestone")],
      body: MilestonePatchSchema,
      response: MilestoneWrittenSchema,
      errors: [...WRITE_ERRORS],
    },
    {
      path: update,
      method: "put",
      operationId: "saveUpdate",
      summary: "Save a draft update",
      description: `Saves the centre's update for the period as the reporting form does: every milestone of the centre with its progress, the indicators, the narrative and a correction reason, checked against the last approval, the evidence and the plan. The first save (version 0) answers 201 and is refused (422) for a period that has not begun, does not follow the province's cadence or ended before reporting started; a submitted or approved update is locked (422 \`updateLocked\`). ${EDITORS}`,
      pathParams: [id("centre"), period],
      body: UpdateDraftSchema,
      response: UpdateWrittenSchema,
      errors: [...WRITE_ERRORS],
    },
    {
      path: `${update}/submit`,
      method: "post",
      operationId: "submitUpdate",
      summary: "Submit the saved draft for review",
      description: `Submits the stored draft after checking it again with the form's rules (e.g. investment is required to submit); a refusal is 422 naming the fields to fix with PUT first. ${EDITORS}`,
      pathParams: [id("centre"), period],
      body: VersionBodySchema,
      response: UpdateWrittenSchema,
      errors: [...WRITE_ERRORS],
    },
    {
      path: `${update}/approve`,
      method: "post",
      operationId: "approveUpdate",
      summary: "Approve a submitted update",
      description: `Approves and locks the update; only approved figures count anywhere. ${REVIEWERS}`,
      pathParams: [id("centre"), period],
      body: ReviewBodySchema,
      response: UpdateWrittenSchema,
      errors: [...WRITE_ERRORS],
    },
    {
      path: `${update}/return`,
      method: "post",
      operationId: "returnUpdate",
      summary: "Return a submitted update with a reason",
      description: `Sends the update back to its province; \`reason\` is required (422 \`reasonRequired\`). ${REVIEWERS}`,
      pathParams: [id("centre"), period],
      body: ReviewBodySchema,
      response: UpdateWrittenSchema,
      errors: [...WRITE_ERRORS],
    },
  ];
}
