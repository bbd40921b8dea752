import "server-only";
import { createTarget as insertTarget } from "@/db/targets";
import { targetSchema } from "@/lib/validation/target";
import { defineCommand } from "../define";

/** An administrator adds a plan target to a province. */
export const createTarget = defineCommand({
  name: "admin.targets.create",
  input: targetSchema,
  load: () => ({}),
  province: (_rows, input) => input.provinceCode,
  run: (tx, { actor, input }) => ({ id: insertTarget(tx, input, { userId: actor.id }), provinceCode: input.provinceCode }),
});
