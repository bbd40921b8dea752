import { z } from "zod";
import { isWholeNumber, thresholdField } from "@/lib/domain/risk/threshold-fields";
import { THRESHOLDS, type ThresholdRow } from "@/lib/registry/thresholds";
import { checkbox, decimal, enumOf, integer } from "./fields";

/** Whether `value` is a whole multiple of `step`, allowing for binary fractions (0.3 / 0.1). */
const onStep = (value: number, step: number) => Math.abs(value / step - Math.round(value / step)) < 1e-6;

/**
 * An administrator's edit of one risk threshold; `reset` puts it back to the default (whatever the
 * value field holds). The keys, each value's range and its step come from the registry rows, so a new
 * row is editable with no change here. Version 0: no override stored.
 */
export function thresholdSchemaFor(rows: readonly ThresholdRow[]) {
  return z
    .object({
      key: enumOf(rows.map((r) => r.key) as [string, ...string[]]),
      version: integer(0, Number.MAX_SAFE_INTEGER),
      reset: checkbox(),
      value: z.unknown(),
    })
    .transform((v, ctx) => {
      if (v.reset) return { key: v.key, version: v.version, value: null };
      const field = thresholdField(v.key, rows)!;
      const parsed = (isWholeNumber(field) ? integer : decimal)(field.min, field.max).safeParse(v.value);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", path: ["value"], message: parsed.error.issues[0]?.message ?? "number" });
        return z.NEVER;
      }
      if (!onStep(parsed.data, field.step)) {
        ctx.addIssue({ code: "custom", path: ["value"], message: "tooManyDecimals" });
        return z.NEVER;
      }
      return { key: v.key, version: v.version, value: parsed.data };
    });
}

export const thresholdSchema = thresholdSchemaFor(THRESHOLDS);
