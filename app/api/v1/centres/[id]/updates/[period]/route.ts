import { apiCommand, problemOf } from "@/lib/adapters/api";
import { INDICATOR_FIELDS, SAVE_UPDATE_KEYS, updateBodyPath } from "@/lib/api/bodies";
import { apiJson } from "@/lib/adapters/api";
import { fieldErrorProblems, invalidBody } from "@/lib/api/write";
import { saveUpdate } from "@/lib/use-cases/updates/save-update";

export const dynamic = "force-dynamic";

/** A plain object (not an array, not null): the only shape `indicators` may have. */
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Saves the draft update of a centre for a period (staff of its province, admins), as the reporting
 * form does: the same use case, schema, rules against stored state and workflow. `version` is 0 for the
 * first save. Indicators left out are saved as not reported.
 */
export const PUT = apiCommand("/api/v1/centres/[id]/updates/[period]", saveUpdate, {
  keys: SAVE_UPDATE_KEYS,
  input: (params: { id: string; period: string }, body) => {
    const { indicators = {}, ...rest } = body as Record<string, unknown>;
    // The form's fields are flat; anything but an object under `indicators` is left for the schema to refuse.
    const flat = isRecord(indicators) ? Object.fromEntries(INDICATOR_FIELDS.map((f) => [f, indicators[f]])) : { indicators };
    return { ...flat, ...rest, centreId: params.id, period: params.period, intent: "save" };
  },
  answer: ({ id, centreId, period, status, version }) => apiJson({ id, centreId, period, status, version }),
  // The rules name the form's flat fields; the API nests the indicators.
  // A URL whose period is no period names nothing: 404, as an unknown centre.
  refusal: (refusal) => {
    if (refusal.kind === "invalid") return invalidBody(fieldErrorProblems(Object.fromEntries(refusal.fields.map((f) => [f.path || "_body", f.code])), updateBodyPath));
    return problemOf(refusal.kind === "refused" && refusal.messageKey === "invalidPeriod" ? { kind: "notFound" } : refusal);
  },
});
