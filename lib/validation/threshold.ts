import { z } from "zod";
import { THRESHOLD_KEYS, thresholdField } from "@/lib/domain/risk/threshold-fields";
import { decimal, enumOf, integer, whenFieldsValid } from "./fields";

/**
 * An administrator's edit of one risk threshold; `reset` puts it back to the default. The value's
 * range and whole-number rule come from the threshold's own field definition. Version 0: no override stored.
 */
export const thresholdSchema = z
  .object({
    key: enumOf(THRESHOLD_KEYS as [string, ...string[]]),
    version: integer(0, Number.MAX_SAFE_INTEGER),
    reset: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()),
    value: z.preprocess((v) => (v === "" || v === undefined ? null : v), decimal(-1e15, 1e15).nullable()),
  })
  .superRefine(
    (v, ctx) => {
      if (v.reset) return;
      const field = thresholdField(v.key)!;
      if (v.value === null) ctx.addIssue({ code: "custom", path: ["value"], message: "required" });
      else if (field.integer && !Number.isInteger(v.value)) ctx.addIssue({ code: "custom", path: ["value"], message: "integer" });
      else if (v.value < field.min) ctx.addIssue({ code: "custom", path: ["value"], message: "tooSmall" });
      else if (v.value > field.max) ctx.addIssue({ code: "custom", path: ["value"], message: "tooBig" });
    },
    { when: whenFieldsValid("key", "value", "reset") },
  )
  .transform((v) => ({ key: v.key, version: v.version, value: v.reset ? null : v.value }));
export type ThresholdInput = z.infer<typeof thresholdSchema>;
