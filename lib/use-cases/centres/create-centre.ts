import "server-only";
import { createCentre as insertCentre } from "@/db/centres";
import { createMilestone } from "@/db/milestones";
import { defineCommand } from "../define";
import { createCentreSchema } from "./create-centre.schema";

/**
 * Staff register a centre in their own province, administrators in any: the province is the one sent,
 * so it is the row the rule checks. Its milestones are written in the same transaction (the nested
 * writers are savepoints of it), so a registration lands whole or not at all.
 */
export const createCentre = defineCommand({
  name: "centres.create",
  input: createCentreSchema,
  load: () => ({}),
  province: (_rows, input) => input.provinceCode,
  target: (input) => input.provinceCode,
  run: (tx, { actor, input }) => {
    const { milestones, ...centre } = input;
    const id = insertCentre(tx, centre, { userId: actor.id });
    for (const milestone of milestones) createMilestone(tx, { ...milestone, centreId: id }, { userId: actor.id });
    return { id, provinceCode: centre.provinceCode };
  },
});
