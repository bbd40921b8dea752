import { INDICATOR_FIELDS, SAVE_UPDATE_KEYS, updateBodyPath } from "@/lib/api/bodies";
import { apiWrite } from "@/lib/api/route";
import { fieldErrorProblems, InvalidBody, parseBody } from "@/lib/api/write";
import { FieldErrors } from "@/lib/domain/errors";
import { updateFieldsSchema } from "@/lib/validation/update";
import { centreInScope, updateVersion, updateWritten, type UpdateParams } from "@/app/_lib/api-update";
import { saveUpdateFor } from "@/app/_lib/update-edits";

export const dynamic = "force-dynamic";

/**
 * Saves the draft update of a centre for a period (staff of its province, admins), as the reporting
 * form does: the same schema, the same rules against stored state, the same workflow. `version` is 0
 * for the first save. Indicators left out are saved as not reported.
 */
export const PUT = apiWrite<UpdateParams>(
  "/api/v1/centres/[id]/updates/[period]",
  { roles: ["staff", "admin"], keys: SAVE_UPDATE_KEYS, currentVersion: updateVersion },
  ({ actor, params, body }) => {
    centreInScope(actor, params);
    const { indicators = {}, ...rest } = body as Record<string, unknown>;
    if (indicators === null || typeof indicators !== "object" || Array.isArray(indicators)) {
      throw new InvalidBody([{ field: "indicators", code: "invalid", detail: "An object of indicators." }]);
    }
    const flat = Object.fromEntries(INDICATOR_FIELDS.map((f) => [f, (indicators as Record<string, unknown>)[f]]));
    const fields = parseBody(updateFieldsSchema, { ...flat, ...rest, centreId: params.id, period: params.period, intent: "save" }, updateBodyPath);
    try {
      saveUpdateFor(actor, fields);
    } catch (error) {
      // The rules against stored state name the form's flat fields; the API nests the indicators.
      if (error instanceof FieldErrors) throw new InvalidBody(fieldErrorProblems(error.keys, updateBodyPath));
      throw error;
    }
    return updateWritten(params);
  },
);
