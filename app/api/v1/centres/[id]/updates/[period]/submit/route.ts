import { problem } from "@/lib/api/problem";
import { VERSION_KEYS, updateBodyPath } from "@/lib/api/bodies";
import { apiWrite } from "@/lib/api/route";
import { fieldErrorProblems, parseBody } from "@/lib/api/write";
import { DomainError, FieldErrors } from "@/lib/domain/errors";
import { VALUE_FIELDS, type UpdateValues } from "@/lib/validation/update";
import { storedUpdate, updateVersion, updateWritten, versionBodySchema, type UpdateParams } from "@/app/_lib/api-update";
import { saveUpdateFor } from "@/app/_lib/update-edits";

export const dynamic = "force-dynamic";

/**
 * Submits the saved draft for review, as the form's submit button does with the stored figures: the
 * update rules run again (a draft without investment, or missing a milestone, is refused with 422
 * naming the fields to fix with PUT first).
 */
export const POST = apiWrite<UpdateParams>(
  "/api/v1/centres/[id]/updates/[period]/submit",
  { roles: ["staff", "admin"], keys: VERSION_KEYS, currentVersion: updateVersion },
  ({ actor, params, body }) => {
    const { version } = parseBody(versionBodySchema, body);
    const stored = storedUpdate(actor, params);
    if (!stored) throw new DomainError("notStarted");
    // The stored draft, as the form would send it back with the submit button.
    const values = Object.fromEntries(VALUE_FIELDS.map((f) => [f, stored[f]])) as UpdateValues;
    const milestones = stored.milestoneProgress.map((m) => ({ id: m.milestoneId, progress: m.progress, actualCompletionDate: m.actualCompletionDate }));
    try {
      saveUpdateFor(actor, { ...values, centreId: params.id, period: params.period, version, intent: "submit", milestones });
    } catch (error) {
      if (!(error instanceof FieldErrors)) throw error;
      const errors = fieldErrorProblems(error.keys, updateBodyPath);
      return problem(422, "The saved draft cannot be submitted: correct the fields named with PUT, then submit again.", { code: "updateIncomplete", errors });
    }
    return updateWritten(params);
  },
);
