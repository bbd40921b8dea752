import { z } from "zod";
import { THRESHOLD_KEYS, thresholdField } from "@/lib/domain/risk/threshold-fields";
import { checkbox, decimal, enumOf, integer } from "./fields";

/**
 * An administrator's edit of one risk threshold; `reset` puts it back to the default (whatever the
 * value field holds). The value's range and whole-number rule come from the threshold's own field
 * definition. Version 0: no override stored.
 */
export const thresholdSchema = z
  .object({
    key: enumOf(THRESHOLD_KEYS as [string, ...string[]]),
    version: integer(0, Number.MAX_SAFE_INTEGER),
    reset: checkbox(),
    value: z.unknown(),
  })
  .transform((v, ctx) => {
    if (v.reset) return { key: v.key, version: v.version, value: null };
    const field = thresholdField(v.key)!;
    const parsed = (field.integer ? integer : decimal)(field.min, field.max).safeParse(v.value);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", path: ["value"], message: parsed.error.issues[0]?.message ?? "number" });
      return z.NEVER;
    }
    return { key: v.key, version: v.version, value: parsed.data };
  });
