import "server-only";
import { setThreshold as saveThreshold } from "@/db/thresholds";
import { thresholdSchema } from "@/lib/validation/threshold";
import { defineCommand } from "../define";

/**
 * An administrator sets one risk threshold, or resets it to its default (`value` null). The data layer
 * refuses a stale version and a value that breaks the order of red and amber figures, in the transaction.
 */
export const setThreshold = defineCommand({
  name: "admin.thresholds.set",
  input: thresholdSchema,
  load: () => ({}),
  province: () => null,
  run: (tx, { actor, input }) => {
    saveThreshold(tx, input, { userId: actor.id });
    return { key: input.key, reset: input.value === null };
  },
});
