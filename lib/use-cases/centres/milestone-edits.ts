import "server-only";
import type { Tx } from "@/db/audit";
import { getCentreProvince } from "@/db/centres";
import { createMilestone as insertMilestone, getMilestoneWithProvince, updateMilestone as saveMilestone } from "@/db/milestones";
import { CENTRE_ID_PATTERN } from "@/lib/validation/api-query";
import { milestoneSchema, updateMilestoneSchema, type UpdateMilestoneInput } from "@/lib/validation/centre";
import { defineCommand, type LoadContext } from "../define";
import { patchSchema } from "./patch.schema";
import { parseMerged } from "./update-centre";

// Adding and editing a centre's milestones, from the milestone form or the API. The row the rule checks
// is the stored centre's province (a milestone's through its centre), never an id's claim. Each answers
// the milestone as written, which the API returns and the form redirects by.

/** The milestone as the API shows it after a write. */
function written(tx: Tx, id: string) {
  const { milestone } = getMilestoneWithProvince(tx, id)!;
  const { centreId, version, title, category, weight, plannedDate, evidenceRequired } = milestone;
  return { id, centreId, version, title, category, weight, plannedDate, evidenceRequired };
}

export const createMilestone = defineCommand({
  name: "milestones.create",
  input: milestoneSchema,
  load: ({ db, input }) => {
    const provinceCode = CENTRE_ID_PATTERN.test(input.centreId) ? getCentreProvince(db, input.centreId) : undefined;
    return provinceCode ? { provinceCode } : undefined;
  },
  province: (rows) => rows.provinceCode,
  target: (input) => input.centreId,
  run: (tx, { actor, input }) => written(tx, insertMilestone(tx, input, { userId: actor.id })),
});

function storedMilestone({ db, input }: LoadContext<{ id: string }>) {
  return CENTRE_ID_PATTERN.test(input.id) ? getMilestoneWithProvince(db, input.id) : undefined;
}

function save(tx: Tx, actorId: string, input: UpdateMilestoneInput) {
  saveMilestone(tx, input, { userId: actorId });
  return written(tx, input.id);
}

export const updateMilestone = defineCommand({
  name: "milestones.update",
  input: updateMilestoneSchema,
  load: storedMilestone,
  province: (rows) => rows.provinceCode,
  run: (tx, { actor, input }) => save(tx, actor.id, input),
});

/** The API's partial edit of a milestone's plan: fields left out keep their stored values; progress is reported in updates. */
export const patchMilestone = defineCommand({
  name: "milestones.patch",
  input: patchSchema,
  load: storedMilestone,
  province: (rows) => rows.provinceCode,
  run: (tx, { actor, input, rows }) => {
    const { title, category, weight, plannedDate, evidenceRequired } = rows.milestone;
    return save(tx, actor.id, parseMerged(updateMilestoneSchema, { title, category, weight, plannedDate, evidenceRequired, ...input.body, id: input.id }));
  },
});
