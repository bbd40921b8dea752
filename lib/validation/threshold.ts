import { z } from "zod";
import { THRESHOLD_KEYS, thresholdField } from "@/lib/domain/risk/threshold-fields";
import { decimal, enumOf, integer } from "./fields";

const anyNumber = decimal(-Infinity, Infinity);

/**
 * An administrator's edit of one risk threshold; `reset` puts it back to the default (whatever the
 * value field holds). The value's range and whole-number rule come from the threshold's own field
 * definition. Version 0: no override stored.
 */
export const thresholdSchema = z
  .object({
    key: enumOf(THRESHOLD_KEYS as [string, ...string[]]),
    version: integer(0, Number.MAX_SAFE_INTEGER),
    reset: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()),
    value: z.unknown(),
  })
  .transform((v, ctx) => {
    if (v.reset) return { key: v.key, version: v.version, value: null };
    const parsed = anyNumber.safeParse(v.value);
    const field = thresholdField(v.key)!;
    const problem = !parsed.success
      ? (parsed.error.issues[0]?.message ?? "number")
      : field.integer && !Number.isInteger(parsed.data)
        ? "integer"
        : parsed.data < field.min
          ? "tooSmall"
          : parsed.data > field.max
            ? "tooBig"
            : null;
    if (problem !== null || !parsed.success) {
      ctx.addIssue({ code: "custom", path: ["value"], message: problem ?? "number" });
      return z.NEVER;
    }
    return { key: v.key, version: v.version, value: parsed.data };
  });
export type ThresholdInput = z.infer<typeof thresholdSchema>;
