import "server-only";
import { saveUpdate as recordSave } from "@/db/updates";
import { DomainError } from "@/lib/domain/errors";
import { parsePeriod } from "@/lib/domain/periods";
import { defineCommand } from "../define";
import { checkUpdate, loadUpdateState, writtenUpdate } from "./update-checks";
import { saveUpdateSchema } from "./save-update.schema";

/**
 * Staff of the centre's province (and administrators) save a draft, or save and submit it. The update's
 * write, its audit entries, its milestone progress and the reviewers' notifications are one transaction;
 * the workflow (who may edit in which status, the version read) is checked again inside it.
 */
export const saveUpdate = defineCommand({
  name: "updates.save",
  input: saveUpdateSchema,
  load: ({ db, input }) => {
    // The form's period is a hidden field: one that is no period is that field's error, as it always was
    // (the API answers it 404, for a URL naming nothing).
    if (!parsePeriod(input.period)) throw new DomainError("invalidPeriod", "period");
    return loadUpdateState(db, input.centreId, input.period);
  },
  province: (state) => state.provinceCode,
  target: (input) => `${input.centreId}/${input.period}`,
  run: (tx, { actor, input, rows }) => {
    const { id } = recordSave(tx, checkUpdate(input, rows), actor);
    return { ...writtenUpdate(tx, id), intent: input.intent };
  },
});
