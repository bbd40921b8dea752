import "server-only";
import { getTarget, updateTarget as saveTarget } from "@/db/targets";
import { DomainError } from "@/lib/domain/errors";
import { updateTargetSchema } from "@/lib/validation/target";
import { defineCommand } from "../define";

/** An administrator edits a plan target; the data layer checks the version read, in the transaction. */
export const updateTarget = defineCommand({
  name: "admin.targets.update",
  input: updateTargetSchema,
  load: ({ db, input }) => getTarget(db, input.id),
  province: (stored) => stored.provinceCode,
  run: (tx, { actor, input, rows: stored }) => {
    const { id, version, ...changes } = input;
    // Centres link to targets of their own province, so a target cannot move.
    if (stored.provinceCode !== changes.provinceCode) throw new DomainError("provinceImmutable", "provinceCode");
    saveTarget(tx, id, version, changes, { userId: actor.id });
    return { id, provinceCode: stored.provinceCode };
  },
});
