import "server-only";
import { getUpdate, saveUpdate as recordSave } from "@/db/updates";
import { DomainError } from "@/lib/domain/errors";
import { VALUE_FIELDS, type UpdateValues } from "@/lib/validation/update";
import { defineCommand } from "../define";
import { checkUpdate, loadUpdateState, writtenUpdate } from "./update-checks";
import { submitUpdateSchema } from "./submit-update.schema";

/**
 * Submits the stored draft for review, as the form's submit button does with the stored figures: the
 * update rules run again, so a draft without investment or missing a milestone is refused naming the
 * fields to correct first (the API answers that 422 with the fields).
 */
export const submitUpdate = defineCommand({
  name: "updates.submit",
  input: submitUpdateSchema,
  load: ({ db, input }) => loadUpdateState(db, input.centreId, input.period),
  province: (state) => state.provinceCode,
  target: (input) => `${input.centreId}/${input.period}`,
  run: (tx, { actor, input, rows }) => {
    const stored = getUpdate(tx, input.centreId, input.period);
    if (!stored) throw new DomainError("notStarted");
    const values = Object.fromEntries(VALUE_FIELDS.map((f) => [f, stored[f]])) as UpdateValues;
    const milestones = stored.milestoneProgress.map((m) => ({ id: m.milestoneId, progress: m.progress, actualCompletionDate: m.actualCompletionDate }));
    const fields = { ...values, centreId: input.centreId, period: input.period, version: input.version, intent: "submit" as const, milestones };
    const { id } = recordSave(tx, checkUpdate(fields, rows), actor);
    return writtenUpdate(tx, id);
  },
});
